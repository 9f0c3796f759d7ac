package edm.console.live;

import edm.console.config.ConsoleConfig;
import edm.console.core.Background;
import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;
import edm.console.core.HealthSnapshot;
import edm.console.core.HostSnapshot;
import edm.console.core.Lane;
import edm.console.core.ProbeResult;
import edm.console.health.AlertEngine;
import edm.console.health.ContainerProbes;
import edm.console.health.HealthChecker;
import edm.console.health.HostProbes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps the Health and Alerts panels live. Network probes (HTTP, PostgreSQL, Redis) run on its own
 * lane (see {@link Background}) every {@code refresh.healthSeconds}; container and host probes are re-evaluated whenever a
 * new snapshot of those arrives (they cost nothing). Every change feeds the alert engine.
 */
public final class HealthMonitor implements AutoCloseable {
    private final ConsoleConfig config;
    private final Clock clock;
    private final AlertEngine alerts;
    private final Consumer<HealthSnapshot> publish;
    private final ContainerProbes containerProbes = new ContainerProbes();
    /** One checker for the console's life: its HTTP client (and selector thread) is reused every round. */
    private final HealthChecker checker;
    private final Lane lane = Background.shared().lane("edm-health");
    /** Latest result per probe id, in first-seen order. Guarded by this. */
    private final Map<String, ProbeResult> latest = new LinkedHashMap<>();
    private final Map<String, Instant> lastSuccess = new HashMap<>();
    private volatile LogHealth logHealth;

    public HealthMonitor(ConsoleConfig config, Clock clock, AlertEngine alerts, Consumer<HealthSnapshot> publish) {
        this.config = config;
        this.clock = clock;
        this.alerts = alerts;
        this.publish = publish;
        this.checker = new HealthChecker(config, clock);
    }

    public void start() {
        long every = Math.max(1000, Math.round(config.refresh.healthSeconds * 1000));
        lane.everyOnTheBeat(this::probeNetwork, 0, every);
    }

    /** Adds error-rate and response-time probes from the access logs (call before start). */
    public void useLogs(LogHealth logs) {
        this.logHealth = logs;
    }

    public ContainerProbes containerProbes() {
        return containerProbes;
    }

    public void onContainers(ContainersSnapshot s) {
        lane.execute(() -> accept(containerProbes.evaluate(s, config.containerNames(), clock.now()), "container"));
    }

    /** Backup status as probes (overdue backups feed the backup-overdue alert). */
    public void onBackups(List<ProbeResult> backupProbes) {
        lane.execute(() -> accept(backupProbes, "backup"));
    }

    public void onHost(HostSnapshot h) {
        lane.execute(() -> {
            List<ProbeResult> results = new ArrayList<>(HostProbes.evaluate(h, config.thresholds));
            // With every host sample: a project dir deleted (or restored) while the console runs shows at once.
            results.add(HostProbes.projectDir(config.projectPath(), clock.now()));
            accept(results, null);
        });
    }

    private void probeNetwork() {
        List<ProbeResult> results = new ArrayList<>(checker.runNetworkProbes());
        LogHealth logs = logHealth;
        if (logs != null) {
            results.addAll(logs.probes());
        }
        accept(results, null);
    }

    /** Merges new results; a kind given as replaceKind drops its old results (containers that vanished). */
    private void accept(List<ProbeResult> results, String replaceKind) {
        HealthSnapshot snap;
        synchronized (this) {
            if (replaceKind != null) {
                latest.values().removeIf(r -> r.kind().equals(replaceKind));
            }
            for (ProbeResult r : results) {
                latest.put(r.id(), r);
                if (r.ok()) {
                    lastSuccess.put(r.id(), r.checkedAt());
                }
            }
            alerts.evaluate(results, false);
            snap = snapshot();
        }
        publish.accept(snap);
    }

    public synchronized HealthSnapshot snapshot() {
        return new HealthSnapshot(new ArrayList<>(latest.values()), lastSuccess, alerts.list(), alerts.needingAttention());
    }

    /** Publishes again after an operator acknowledged or snoozed an alert. */
    public void republish() {
        lane.execute(() -> publish.accept(snapshot()));
    }

    @Override
    public void close() {
        lane.close();
        LogHealth logs = logHealth;
        if (logs != null) {
            logs.close();
        }
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
