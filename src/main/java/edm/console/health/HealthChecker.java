package edm.console.health;

import edm.console.config.ConsoleConfig;
import edm.console.config.EnvFile;
import edm.console.core.Background;
import edm.console.core.Clock;
import edm.console.core.Lane;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the network probes of the config once, in parallel, each bounded by the probe timeout:
 * HTTP health URLs, PostgreSQL and Redis (URLs from the config, else DATABASE_URL / REDIS_URL in
 * .env.production). Container and host probes are evaluated from snapshots by their own classes.
 */
public final class HealthChecker {
    private final ConsoleConfig config;
    private final Clock clock;
    private final Duration timeout;
    private final HttpProbe http;
    private final PostgresProbe postgres;
    private final RedisProbe redis;

    public HealthChecker(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.timeout = Duration.ofMillis(Math.round(config.health.timeoutSeconds * 1000));
        this.http = new HttpProbe(timeout, config.thresholds.apiResponseSeconds, clock);
        this.postgres = new PostgresProbe(timeout, clock);
        this.redis = new RedisProbe(timeout, clock);
    }

    /** Every URL to probe: health.urls first, then the services' own health URLs not already listed. */
    public Set<String> httpUrls() {
        Set<String> urls = new LinkedHashSet<>();
        config.health.urls.forEach(u -> urls.add(u.url));
        config.services.stream().map(s -> s.healthUrl).filter(u -> u != null && !u.isBlank()).forEach(urls::add);
        return urls;
    }

    public List<ProbeResult> runNetworkProbes() {
        return runNetworkProbes(true);
    }

    /**
     * The network probes; without {@code readEnvFile} (an engine on another server, whose env file is there, not
     * here) the database and Redis only where the config names their URLs itself, and the HTTP URLs.
     */
    public List<ProbeResult> runNetworkProbes(boolean readEnvFile) {
        Map<String, String> env = readEnvFile ? envFile() : Map.of();
        List<Callable<ProbeResult>> tasks = new ArrayList<>();
        for (String url : httpUrls()) {
            tasks.add(() -> http.check("http:" + url, url));
        }
        if (!readEnvFile) {
            if (!config.health.databaseUrl.isBlank()) {
                tasks.add(() -> databaseProbe(config.health.databaseUrl));
            }
            if (!config.health.redisUrl.isBlank()) {
                tasks.add(() -> redis.check("redis", config.health.redisUrl));
            }
            return runAll(tasks);
        }
        String dbUrl = firstNonBlank(config.health.databaseUrl, env.get("DATABASE_URL"));
        tasks.add(() -> dbUrl == null ? unknown("postgres", "postgres", HealthText.t("health.db.noUrl")) : databaseProbe(dbUrl));
        String redisUrl = firstNonBlank(config.health.redisUrl, env.get("REDIS_URL"));
        tasks.add(() -> redisUrl == null ? unknown("redis", "redis", HealthText.t("health.redis.noUrl"))
                : redis.check("redis", redisUrl));
        return runAll(tasks);
    }

    private ProbeResult databaseProbe(String dbUrl) {
        DatabaseUrl db;
        try {
            db = DatabaseUrl.parse(dbUrl);
        } catch (IllegalArgumentException e) {
            return unknown("postgres", "postgres", e.getMessage());
        }
        return postgres.check("postgres", db);
    }

    /**
     * Each probe on a lane of its own on the shared {@link Background} workers: no pool is built per
     * round, no thread outlives the work by more than the workers' keep-alive, and every probe starts at
     * once (none waits behind a hung one), so the deadline each is held to is its own. A probe past the
     * deadline is reported UNKNOWN and its lane closed, which interrupts it.
     */
    private List<ProbeResult> runAll(List<Callable<ProbeResult>> tasks) {
        List<Lane> lanes = new ArrayList<>();
        try {
            List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
            for (Callable<ProbeResult> t : tasks) {
                Lane lane = Background.shared().lane("edm-probe");
                lanes.add(lane);
                futures.add(CompletableFuture.supplyAsync(() -> call(t), lane));
            }
            List<ProbeResult> out = new ArrayList<>();
            // Plain nanos: Duration.multipliedBy goes through BigDecimal, whose classes cost `check` more than this loop.
            long deadline = System.nanoTime() + 2 * timeout.toNanos() + 2_000_000_000L;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    lanes.get(i).close();
                    out.add(unknown("probe-" + i, "probe", HealthText.t("health.probeTimeout")));
                } catch (ExecutionException e) {
                    out.add(unknown("probe-" + i, "probe", HealthText.oneLine(e.getCause())));
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lanes.forEach(Lane::close);
        }
    }

    private static ProbeResult call(Callable<ProbeResult> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private ProbeResult unknown(String id, String kind, String why) {
        return new ProbeResult(id, kind, id, ProbeStatus.UNKNOWN, "", Duration.ZERO, clock.now(), why, Map.of());
    }

    /** .env.production of the project; empty when it does not exist or cannot be read. */
    public Map<String, String> envFile() {
        Path p = config.resolve(config.envFile);
        if (!Files.isRegularFile(p)) {
            return Map.of();
        }
        try {
            return EnvFile.read(p);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }
}
