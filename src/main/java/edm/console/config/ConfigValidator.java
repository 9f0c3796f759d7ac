package edm.console.config;

import edm.console.config.ConsoleConfig.HealthUrl;
import edm.console.config.ConsoleConfig.ServiceConfig;
import edm.console.core.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the meaning of the bound configuration (ranges, names, URLs), after the file's shape has
 * been checked. Every check runs, so the user sees all problems at once.
 */
final class ConfigValidator {
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Docker's own rule for container and network names. */
    private static final Pattern DOCKER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    /** Project names start image repositories ({project}-{service}), which must be lowercase. */
    private static final Pattern PROJECT_NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
    /** Image repository, optionally with a registry host[:port]/ prefix, without tag. */
    private static final Pattern IMAGE_REPOSITORY = Pattern.compile(
            "([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
    private static final Set<String> THEMES = Set.of("dark", "light", "high-contrast");
    private static final Set<String> LANGUAGES = Set.of("auto", "en", "zh-CN");
    static final int MAX_STOP_SECONDS = 3600;

    private final ProblemList problems;

    ConfigValidator(ProblemList problems) {
        this.problems = problems;
    }

    void validate(ConsoleConfig c) {
        name("project", c.project, PROJECT_NAME, "projectName");
        name("environment", c.environment, DOCKER_NAME, "dockerName");
        name("network", c.network, DOCKER_NAME, "dockerName");
        problems.requireAbsolutePath("projectDir", c.projectDir);
        notBlank("envFile", c.envFile);
        docker(c.docker);
        services(c);
        stopSeconds("deploy.stopGraceSeconds", c.deploy.stopGraceSeconds);
        if (c.deploy.drainSeconds < 0 || c.deploy.drainSeconds > MAX_STOP_SECONDS) {
            problems.add("deploy.drainSeconds", "drainSeconds", String.valueOf(c.deploy.drainSeconds), String.valueOf(MAX_STOP_SECONDS));
        }
        thresholds(c.thresholds);
        positive("refresh.hostSeconds", c.refresh.hostSeconds);
        positive("refresh.statsSeconds", c.refresh.statsSeconds);
        positive("refresh.relistSeconds", c.refresh.relistSeconds);
        health(c.health);
        logs(c.logs);
        backups(c.backups);
        ui(c);
        notBlank("compose.file", c.compose.file);
        notBlank("compose.command", c.compose.command);
        new SecurityValidator(problems).validate(c.security);
        new ScheduleValidator(problems).validate(c.schedule);
        new EnginesValidator(problems).validate(c);
    }

    private void docker(ConsoleConfig.DockerSettings d) {
        String e = d.endpoint;
        boolean ok = e.isEmpty()
                || e.startsWith("unix:///") && e.length() > "unix:///".length()
                || e.matches("tcp://[^/:\\s]+:[0-9]{1,5}/?");
        if (!ok) {
            problems.add("docker.endpoint", "dockerEndpoint", e);
        }
        positive("docker.timeoutSeconds", d.timeoutSeconds);
    }

    private void services(ConsoleConfig c) {
        if (c.services.isEmpty()) {
            problems.add("services", "emptyList");
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> containers = new HashMap<>();
        for (int i = 0; i < c.services.size(); i++) {
            ServiceConfig s = c.services.get(i);
            String at = ConfigPaths.element("services", i);
            if (s.name == null || s.name.isBlank()) {
                problems.add(at + ".name", "missing", "name");
                continue;
            }
            if (!SERVICE_NAME.matcher(s.name).matches()) {
                problems.add(at + ".name", "serviceName", s.name);
            } else if (names.putIfAbsent(s.name, i) != null) {
                problems.add(at + ".name", "duplicate", s.name, ConfigPaths.element("services", names.get(s.name)));
            }
            if (!s.container.isBlank()) {
                name(at + ".container", s.container, DOCKER_NAME, "dockerName");
            }
            String container = c.containerName(s);
            if (containers.putIfAbsent(container, i) != null) {
                problems.add(at + ".container", "duplicate", container, ConfigPaths.element("services", containers.get(container)));
            }
            if (!s.image.isBlank() && !IMAGE_REPOSITORY.matcher(s.image).matches()) {
                problems.add(at + ".image", "imageRepository", s.image);
            }
            if (s.port < 0 || s.port > 65535) {
                problems.add(at + ".port", "port", String.valueOf(s.port));
            }
            if (!s.healthUrl.isBlank()) {
                httpUrl(at + ".healthUrl", s.healthUrl);
            }
            if (s.stopSeconds != null) {
                stopSeconds(at + ".stopSeconds", s.stopSeconds);
            }
            if (Boolean.TRUE.equals(s.upstream) && s.port == 0) {
                problems.add(at + ".upstream", "upstreamPort", ConfigPaths.element("services", i) + ".port");
            }
        }
    }

    /** A docker stop grace: 0 (SIGKILL at once) up to an hour; beyond that a typo is likelier than intent. */
    private void stopSeconds(String key, int seconds) {
        if (seconds < 0 || seconds > MAX_STOP_SECONDS) {
            problems.add(key, "stopSeconds", String.valueOf(seconds), String.valueOf(MAX_STOP_SECONDS));
        }
    }

    private void thresholds(ConsoleConfig.Thresholds t) {
        positive("thresholds.serviceDownSeconds", t.serviceDownSeconds);
        positive("thresholds.apiResponseSeconds", t.apiResponseSeconds);
        percent("thresholds.errorRatePercent", t.errorRatePercent);
        percent("thresholds.diskPercent", t.diskPercent);
        percent("thresholds.memoryPercent", t.memoryPercent);
    }

    private void health(ConsoleConfig.HealthSettings h) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < h.urls.size(); i++) {
            HealthUrl u = h.urls.get(i);
            String at = ConfigPaths.element("health.urls", i);
            if (u.name == null || u.name.isBlank()) {
                problems.add(at + ".name", "missing", "name");
            } else if (names.putIfAbsent(u.name, i) != null) {
                problems.add(at + ".name", "duplicate", u.name, ConfigPaths.element("health.urls", names.get(u.name)));
            }
            if (u.url == null || u.url.isBlank()) {
                problems.add(at + ".url", "missing", "url");
            } else {
                httpUrl(at + ".url", u.url);
            }
        }
        positive("health.timeoutSeconds", h.timeoutSeconds);
        positive("health.intervalSeconds", h.intervalSeconds);
    }

    private void logs(ConsoleConfig.LogSettings l) {
        for (int i = 0; i < l.files.size(); i++) {
            notBlank(ConfigPaths.element("logs.files", i), l.files.get(i));
        }
        positive("logs.initialLines", l.initialLines);
        positive("logs.maxLines", l.maxLines);
        positive("logs.maxBytes", l.maxBytes);
        positive("logs.retentionDays", l.retentionDays);
        if (l.initialLines > l.maxLines) {
            problems.add("logs.initialLines", "notAbove", String.valueOf(l.initialLines), "logs.maxLines", String.valueOf(l.maxLines));
        }
    }

    private void backups(ConsoleConfig.BackupSettings b) {
        notBlank("backups.databaseDir", b.databaseDir);
        notBlank("backups.filesDir", b.filesDir);
        positive("backups.databaseMaxAgeHours", b.databaseMaxAgeHours);
        positive("backups.filesMaxAgeDays", b.filesMaxAgeDays);
        positive("backups.keepDaily", b.keepDaily);
        positive("backups.keepWeekly", b.keepWeekly);
        if (!(b.verifyMinTableShare >= 0 && b.verifyMinTableShare <= 1)) {
            problems.add("backups.verifyMinTableShare", "share", String.valueOf(b.verifyMinTableShare));
        }
        if (!Set.of("container", "host").contains(b.databaseMode)) {
            problems.add("backups.databaseMode", "databaseMode", b.databaseMode);
        }
        if (!b.databaseUrl.isEmpty() && !b.databaseUrl.matches("postgres(ql)?://[^/\\s]+/[^/\\s?]+(\\?.*)?")) {
            problems.add("backups.databaseUrl", "databaseUrl", Secrets.maskUrlPasswords(b.databaseUrl));
        }
    }

    private void ui(ConsoleConfig c) {
        String theme = c.ui.theme;
        if (!THEMES.contains(theme)) {
            if (theme.isBlank() || !isRegularFile(c, theme)) {
                problems.add("ui.theme", "theme", theme, c.projectDir);
            }
        }
        if (!LANGUAGES.contains(c.ui.language)) {
            problems.add("ui.language", "language", c.ui.language);
        }
    }

    private static boolean isRegularFile(ConsoleConfig c, String path) {
        try {
            return Files.isRegularFile(c.resolve(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private void httpUrl(String key, String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isBlank()) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below like any other malformed URL
        }
        problems.add(key, "httpUrl", Secrets.maskUrlPasswords(url));
    }

    private void name(String key, String value, Pattern rule, String messageKey) {
        if (value == null || value.isBlank()) {
            problems.add(key, "empty");
        } else if (!rule.matcher(value).matches()) {
            problems.add(key, messageKey, value);
        }
    }

    private void notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(key, "empty");
        }
    }

    private void positive(String key, double value) {
        if (!(value > 0)) {
            problems.add(key, "notPositive", plain(value));
        }
    }

    private void percent(String key, double value) {
        if (!(value >= 1 && value <= 100)) {
            problems.add(key, "percent", plain(value));
        }
    }


    /** 5 rather than 5.0, and no locale grouping (MessageFormat would print 10,000). */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
