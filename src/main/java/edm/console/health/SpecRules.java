package edm.console.health;

import edm.console.config.ConsoleConfig;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC-006's alert rules (告警机制), with the thresholds and hold times from the config:
 * service unavailable > 1 min, API response > 5 s, error rate > 5 %, disk > 85 %, memory > 90 %.
 */
public final class SpecRules {
    public static final String SERVICE_DOWN = "service-down";
    public static final String API_SLOW = "api-slow";
    public static final String ERROR_RATE = "error-rate";
    public static final String DISK = "disk";
    public static final String MEMORY = "memory";
    public static final String BACKUP_OVERDUE = "backup-overdue";
    public static final String PROJECT_DIR = "project-dir";

    private static final Set<String> SERVICE_KINDS = Set.of("http", "container", "postgres", "redis");

    private SpecRules() {
    }

    public static List<AlertRule> from(ConsoleConfig c) {
        ConsoleConfig.Thresholds t = c.thresholds;
        ConsoleConfig.AlertSettings a = c.alerts;
        List<AlertRule> rules = new ArrayList<>();
        rules.add(new AlertRule(SERVICE_DOWN, Severity.CRITICAL, Duration.ofSeconds(t.serviceDownSeconds), r ->
                SERVICE_KINDS.contains(r.kind()) && r.metric("up", 1) < 0.5 && r.status() != ProbeStatus.UNKNOWN
                        ? Optional.of(HealthText.t("alert.serviceDown", r.target(), r.error()))
                        : Optional.empty()));
        rules.add(new AlertRule(API_SLOW, Severity.WARNING, Duration.ofSeconds(a.apiSlowForSeconds), r -> {
            if ("http".equals(r.kind()) && r.metric("up", 0) > 0.5 && r.metric("latencySeconds", 0) > t.apiResponseSeconds) {
                return Optional.of(HealthText.t("alert.apiSlow", r.target(), String.format("%.1f", r.metric("latencySeconds", 0)),
                        t.apiResponseSeconds));
            }
            // From the access log: the slowest 1 % of requests of the last five minutes.
            if ("logs".equals(r.kind()) && r.metric("p99Seconds", 0) > t.apiResponseSeconds) {
                return Optional.of(HealthText.t("alert.apiSlowLog", r.target(), String.format("%.1f", r.metric("p99Seconds", 0)),
                        t.apiResponseSeconds));
            }
            return Optional.empty();
        }));
        rules.add(new AlertRule(ERROR_RATE, Severity.CRITICAL, Duration.ofSeconds(a.errorRateForSeconds), r ->
                r.metrics().containsKey("errorRatePercent") && r.metric("errorRatePercent", 0) > t.errorRatePercent
                        ? Optional.of(HealthText.t("alert.errorRate", r.target(), String.format("%.1f", r.metric("errorRatePercent", 0)),
                        t.errorRatePercent))
                        : Optional.empty()));
        rules.add(new AlertRule(DISK, Severity.CRITICAL, Duration.ofSeconds(a.diskForSeconds), r ->
                "disk".equals(r.kind()) && r.metric("usedPercent", 0) > t.diskPercent
                        ? Optional.of(HealthText.t("alert.disk", r.target(), String.format("%.1f", r.metric("usedPercent", 0)), t.diskPercent))
                        : Optional.empty()));
        rules.add(new AlertRule(MEMORY, Severity.CRITICAL, Duration.ofSeconds(a.memoryForSeconds), r ->
                "memory".equals(r.kind()) && r.metric("usedPercent", 0) > t.memoryPercent
                        ? Optional.of(HealthText.t("alert.memory", String.format("%.1f", r.metric("usedPercent", 0)), t.memoryPercent))
                        : Optional.empty()));
        // SPEC-006: daily database backup, weekly full backup; the age limits come from backups.*MaxAge*.
        rules.add(new AlertRule(BACKUP_OVERDUE, Severity.WARNING, Duration.ZERO, r ->
                "backup".equals(r.kind()) && r.metric("overdue", 0) > 0.5
                        ? Optional.of(r.target() + ": " + r.error()) : Optional.empty()));
        // Not in SPEC-006's list, but nothing else works without it: at once, no hold time.
        rules.add(new AlertRule(PROJECT_DIR, Severity.CRITICAL, Duration.ZERO, r ->
                HostProbes.PROJECT_DIR.equals(r.kind()) && r.metric("exists", 1) < 0.5
                        ? Optional.of(HealthText.t("alert.projectDir", r.target(), r.error())) : Optional.empty()));
        return rules;
    }
}
