package edm.console.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The effective configuration. Field initialisers are SPEC-006's values, so an empty or absent
 * config file gives the production defaults; a config file overrides any field. Public mutable
 * fields so that Jackson can merge a file over the defaults (readerForUpdating); treat as read-only
 * after loading.
 */
public class ConsoleConfig {
    /** Project name, the first part of container names ({@code edm}-backend-prod). */
    public String project = "edm";
    /** Environment suffix of container names (prod, sandbox, ...). */
    public String environment = "prod";
    public String projectDir = "/opt/edm";
    public String network = "edm_edm-network";
    /** Relative to projectDir unless absolute. */
    public String envFile = ".env.production";
    public boolean readOnly = false;

    public DockerSettings docker = new DockerSettings();
    /** Services of the stack in dependency order (restart order): postgres, redis, backend, frontend, nginx. */
    public List<ServiceConfig> services = new ArrayList<>(ServiceConfig.specDefaults());
    public Thresholds thresholds = new Thresholds();
    public RefreshSettings refresh = new RefreshSettings();
    public HealthSettings health = new HealthSettings();
    public LogSettings logs = new LogSettings();
    public BackupSettings backups = new BackupSettings();
    public UiSettings ui = new UiSettings();
    public AlertSettings alerts = new AlertSettings();
    public DeploySettings deploy = new DeploySettings();
    public ComposeSettings compose = new ComposeSettings();
    public SecuritySettings security = new SecuritySettings();
    public ScheduleSettings schedule = new ScheduleSettings();
    /**
     * Further Docker engines beside {@link #docker} (issue 17): other servers of the system, each with its own
     * endpoint and optionally its own config file; {@code check --all-hosts}, {@code status --all-hosts} and the
     * hosts view go over all of them. Empty: only the main engine.
     */
    public List<EngineSettings> engines = new ArrayList<>();

    public Path projectPath() {
        return Path.of(projectDir);
    }

    /** A path from the config, resolved against the project dir unless absolute. */
    public Path resolve(String pathInConfig) {
        Path p = Path.of(pathInConfig);
        return p.isAbsolute() ? p : projectPath().resolve(p);
    }

    public Optional<ServiceConfig> service(String name) {
        return services.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /** The container name of a service: its explicit one, else {project}-{service}-{environment}. */
    public String containerName(ServiceConfig s) {
        return s.container != null && !s.container.isBlank() ? s.container : project + "-" + s.name + "-" + environment;
    }

    public List<String> containerNames() {
        return services.stream().map(this::containerName).toList();
    }

    /** The stop grace of a service: its own stopSeconds, else deploy.stopGraceSeconds. */
    public int stopSeconds(ServiceConfig s) {
        return s.stopSeconds != null ? s.stopSeconds : deploy.stopGraceSeconds;
    }

    /** The stop grace of a container by name: its service's, else deploy.stopGraceSeconds (containers outside the stack). */
    public int stopSecondsOfContainer(String containerName) {
        return services.stream().filter(s -> containerName(s).equals(containerName)).findFirst()
                .map(this::stopSeconds).orElse(deploy.stopGraceSeconds);
    }

    /**
     * A copy for another engine: the same settings (shared, they are read-only after loading) but the engine's
     * endpoint and TLS files in {@code docker}, and no further {@code engines} (an engine's config does not
     * bring engines of its own).
     */
    public ConsoleConfig forEngine(String name, String endpoint, TlsSettings tls) {
        ConsoleConfig copy = new ConsoleConfig();
        for (String setting : SettingType.settingsOf(ConsoleConfig.class).keySet()) {
            try {
                ConsoleConfig.class.getField(setting).set(copy, ConsoleConfig.class.getField(setting).get(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("ConsoleConfig." + setting + " cannot be copied", e);
            }
        }
        copy.docker = new DockerSettings();
        copy.docker.name = name;
        copy.docker.endpoint = endpoint;
        copy.docker.timeoutSeconds = docker.timeoutSeconds;
        copy.docker.tls = tls == null ? new TlsSettings() : tls;
        copy.engines = new ArrayList<>();
        return copy;
    }

    public static class DockerSettings {
        /** How this engine is named beside the {@code engines} (check --all-hosts, the hosts view). */
        public String name = "local";
        /** Empty: $DOCKER_HOST, else unix:///var/run/docker.sock. */
        public String endpoint = "";
        /** Every request to the engine fails after this long. */
        public int timeoutSeconds = 10;
        /** For a tcp:// endpoint that speaks TLS: the CA, client certificate and key (PEM files); empty: none. */
        public TlsSettings tls = new TlsSettings();
    }

    /** The PEM files of a TLS engine (what the docker CLI's --tlscacert, --tlscert and --tlskey name). */
    public static class TlsSettings {
        public String ca = "";
        public String cert = "";
        public String key = "";

        public TlsSettings() {
        }

        public TlsSettings(String ca, String cert, String key) {
            this.ca = ca;
            this.cert = cert;
            this.key = key;
        }

        /** Whether any file is named (all three then must be). */
        public boolean given() {
            return !ca.isBlank() || !cert.isBlank() || !key.isBlank();
        }
    }

    /** One more engine (issue 17): {@code engines[]} in the config file. */
    public static class EngineSettings {
        /** How the console names it (hosts view, the sections of check --all-hosts). */
        public String name;
        /** unix:///path/docker.sock, tcp://host:port (TLS with {@code tls}), or ssh://user@host[:port]. */
        public String endpoint;
        /** For tcp:// with TLS: the CA, client certificate and key. */
        public TlsSettings tls = new TlsSettings();
        /** For ssh://: the Docker socket on that host, which the tunnel forwards. */
        public String socket = "/var/run/docker.sock";
        /** For ssh://: an ssh_config file for the tunnel (ssh -F); empty: the user's ~/.ssh/config. */
        public String sshConfig = "";
        /** That engine's own config file (its project dir, services, health URLs); empty: the main config. */
        public String config = "";

        public EngineSettings() {
        }

        public EngineSettings(String name, String endpoint) {
            this.name = name;
            this.endpoint = endpoint;
        }
    }

    public static class ServiceConfig {
        public String name;
        /** Container name; empty means {project}-{name}-{environment}. */
        public String container = "";
        /** Image repository; empty means {project}-{name}. */
        public String image = "";
        /** Port inside the container per SPEC-006 (frontend 8001, backend 8002, ...). 0 when none. */
        public int port;
        /** HTTP health URL of the service, empty when it has none. */
        public String healthUrl = "";
        /** Build context for deploys, relative to projectDir. */
        public String buildContext = "";
        /**
         * Grace period of docker stop (SIGTERM, then SIGKILL after this many seconds) when the console stops,
         * restarts or deploys this service; null: {@link DeploySettings#stopGraceSeconds} (10, Docker's own).
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public Integer stopSeconds;
        /**
         * Whether the console manages this service's nginx upstream (nginx/upstreams/NAME.conf in the project
         * dir): deploys and rollbacks then go blue-green, switching traffic in nginx. Null: on for frontend
         * and backend (SPEC-006 puts nginx in front of both), off for the rest.
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public Boolean upstream;

        public ServiceConfig() {
        }

        /** services[].upstream, with its default. */
        public boolean upstreamManaged() {
            return upstream != null ? upstream : "frontend".equals(name) || "backend".equals(name);
        }

        public ServiceConfig(String name, int port, String healthUrl) {
            this.name = name;
            this.port = port;
            this.healthUrl = healthUrl;
        }

        public String imageRepository(String project) {
            return image != null && !image.isBlank() ? image : project + "-" + name;
        }

        static List<ServiceConfig> specDefaults() {
            return List.of(
                    new ServiceConfig("postgres", 8003, ""),
                    new ServiceConfig("redis", 8004, ""),
                    new ServiceConfig("backend", 8002, "https://tkmail.fun/api/health"),
                    new ServiceConfig("frontend", 8001, "https://tkmail.fun/"),
                    new ServiceConfig("nginx", 443, ""));
        }
    }

    /** SPEC-006 告警机制. */
    public static class Thresholds {
        public int serviceDownSeconds = 60;
        public double apiResponseSeconds = 5;
        public double errorRatePercent = 5;
        public double diskPercent = 85;
        public double memoryPercent = 90;
        /** Load average per CPU above which the host is flagged (a warning, not a SPEC-006 alert). */
        public double loadPerCpu = 2;
    }

    public static class RefreshSettings {
        /**
         * Host metrics sampling period. 2.5 s, not 2: the periodic samples keep wall-clock beats, and half of
         * statsSeconds lets every stats round share a frame with a host sample (an idle console drew about 47
         * data frames a minute with 2 and 5 s unaligned, 27 with 2.5 and 5 s on the beat; EDM_CONSOLE_FRAME_TRACE).
         */
        public double hostSeconds = 2.5;
        /** Container CPU/memory sampling period. */
        public double statsSeconds = 5;
        /** Safety-net full re-list of containers even without events. */
        public double relistSeconds = 30;
        /** Network health probes (HTTP, PostgreSQL, Redis) while the console runs; cron uses `check`. */
        public double healthSeconds = 15;
    }

    public static class HealthSettings {
        /** PostgreSQL URL for the database probe; empty: DATABASE_URL from envFile. */
        public String databaseUrl = "";
        /** Redis URL for the Redis probe; empty: REDIS_URL from envFile. */
        public String redisUrl = "";
        public List<HealthUrl> urls = new ArrayList<>(List.of(
                new HealthUrl("api", "https://tkmail.fun/api/health"),
                new HealthUrl("frontend", "https://tkmail.fun/")));
        public double timeoutSeconds = 5;
        /** Spec: health-check every 5 minutes. */
        public int intervalSeconds = 300;
    }

    public static class HealthUrl {
        public String name;
        public String url;

        public HealthUrl() {
        }

        public HealthUrl(String name, String url) {
            this.name = name;
            this.url = url;
        }
    }

    public static class LogSettings {
        public List<String> files = new ArrayList<>(List.of("logs/nginx/*.log", "logs/backend/*.log", "logs/system/*.log"));
        public int initialLines = 500;
        public int maxLines = 10_000;
        public long maxBytes = 8L * 1024 * 1024;
        /** Spec: logrotate keeps 30 days. */
        public int retentionDays = 30;
    }

    public static class BackupSettings {
        public String databaseDir = "backups/database";
        public String filesDir = "backups/files";
        /** Spec: daily database backup; older than this stands out. */
        public int databaseMaxAgeHours = 26;
        /** Spec: weekly full backup. */
        public int filesMaxAgeDays = 8;
        public int keepDaily = 30;
        public int keepWeekly = 8;
        /**
         * Where pg_dump runs: "container" (docker exec in the postgres service's container, the production
         * layout) or "host" (a host pg_dump against databaseUrl).
         */
        public String databaseMode = "container";
        /** Host mode: postgresql://user:password@host:port/db; empty means DATABASE_URL from the env file. */
        public String databaseUrl = "";
        /** Service whose container runs pg_dump in container mode. */
        public String databaseService = "postgres";
        /** What the file backup archives besides the env file, relative to projectDir unless absolute. */
        public List<String> filePaths = new ArrayList<>(List.of("data/uploads", "docker-compose.yml", "nginx"));
        /** PEM public key (RSA) that backups are encrypted to; empty means backups are not encrypted. */
        public String publicKey = "";
        /** PEM private key for verify and restore; better kept off the server and given with --key. */
        public String privateKey = "";
        /**
         * Verify fails a database dump with fewer tables than this share of the live database's (0.5: half);
         * a dump with no tables fails whenever the live database has any.
         */
        public double verifyMinTableShare = 0.5;
    }

    /** How long each SPEC-006 condition must hold before its alert fires, and where alerts go. */
    public static class AlertSettings {
        public int apiSlowForSeconds = 60;
        public int errorRateForSeconds = 300;
        public int diskForSeconds = 60;
        public int memoryForSeconds = 120;
        /** POST a JSON body here on firing and resolving; empty for none. */
        public String webhookUrl = "";
        /** Append-only JSON-lines log of alert changes, relative to projectDir. */
        public String logFile = "logs/system/alerts.log";
    }

    /** Deploy, rollback and restart workflows. */
    public static class DeploySettings {
        /** How long a new (or restarted) container may take to become healthy before the deploy rolls back. */
        public int healthTimeoutSeconds = 60;
        /** Lock, journal and release history, relative to projectDir unless absolute. */
        public String stateDir = "state/deploy";
        /**
         * Grace period of docker stop for services without their own {@code stopSeconds}: SIGTERM, then
         * SIGKILL after this many seconds. SPEC-006 names none; 10 is Docker's default.
         */
        public int stopGraceSeconds = 10;
        /** Pre-flight refuses a deploy with less free space than this in the project dir. */
        public int minFreeMegabytes = 1024;
        /** Previous containers kept (stopped, renamed NAME-old-TIMESTAMP) for instant rollback. */
        public int keepPrevious = 2;
        /**
         * Blue-green deploys: after nginx switched to the new container, the longest wait for requests still
         * on the old one (nginx's workers of the old configuration exit when theirs are done) before it stops.
         */
        public int drainSeconds = 10;
    }

    /** SPEC-006's docker-compose.yml as the source of truth: drift, tag write-back, compose labels. */
    public static class ComposeSettings {
        /** The compose file, relative to projectDir unless absolute; the console ignores compose when it does not exist. */
        public String file = "docker-compose.yml";
        /** The env file compose interpolates ${VAR} from (docker-compose --env-file); empty: the top-level envFile. */
        public String envFile = "";
        /** The compose project name; empty: COMPOSE_PROJECT_NAME from the env file, else the project dir's name, as compose does. */
        public String project = "";
        /** The compose program that computes the config hash of containers the console creates (docker-compose config --hash). */
        public String command = "docker-compose";
        /** A deploy or rollback writes the new tag back into the compose file or the env variable its image: uses. */
        public boolean writeBack = true;
    }

    public static class UiSettings {
        /** dark, light, high-contrast, or a path to a theme file. */
        public String theme = "dark";
        /** auto (from LANG/LC_ALL), en or zh-CN. */
        public String language = "auto";
    }
}
