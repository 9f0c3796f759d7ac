package edm.console.cli;

import edm.console.backup.BackupEnvironment;
import edm.console.backup.BackupProbes;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HostSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.docker.ContainerGateway;
import edm.console.docker.DockerClients;
import edm.console.health.ContainerProbes;
import edm.console.health.HealthChecker;
import edm.console.health.HostProbes;
import edm.console.host.HostMetrics;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything `check` and `status` report, gathered once: the engine's containers, host resources
 * and every probe. The three parts run in parallel so the whole costs about one probe timeout.
 */
public final class SnapshotCollector {
    /** What one collection found. */
    public record Report(ContainersSnapshot containers, HostSnapshot host, List<ProbeResult> probes, Instant at) {
        public ProbeStatus worst() {
            ProbeStatus w = ProbeStatus.OK;
            for (ProbeResult r : probes) {
                w = w.worse(r.status());
            }
            return w;
        }
    }

    private SnapshotCollector() {
    }

    public static Report collect(ConsoleConfig config, Clock clock) {
        CompletableFuture<List<ProbeResult>> network = CompletableFuture.supplyAsync(
                () -> new HealthChecker(config, clock).runNetworkProbes());
        CompletableFuture<HostSnapshot> host = CompletableFuture.supplyAsync(() -> sampleHost(config));
        ContainersSnapshot containers = listContainers(config, clock);
        List<ProbeResult> probes = new ArrayList<>();
        Instant now = clock.now();
        if (!containers.engine().connected()) {
            probes.add(new ProbeResult("docker", "docker", containers.engine().endpoint(), ProbeStatus.CRITICAL, "",
                    Duration.ZERO, now, containers.engine().error(), Map.of("up", 0.0)));
        }
        probes.addAll(new ContainerProbes().evaluate(containers, config.containerNames(), now));
        HostSnapshot h = host.join();
        if (h != null) {
            probes.addAll(HostProbes.evaluate(h, config.thresholds));
        }
        probes.addAll(network.join());
        probes.addAll(backupProbes(config, clock));
        return new Report(containers, h, probes, now);
    }

    /**
     * The backups' state from their manifests (no engine, no database): the same findings as the Backups
     * panel and {@code backup status}; UNKNOWN when the backup settings cannot be read.
     */
    static List<ProbeResult> backupProbes(ConsoleConfig config, Clock clock) {
        try {
            return BackupProbes.read(BackupEnvironment.from(config, () -> null, clock));
        } catch (RuntimeException e) {
            return List.of(new ProbeResult("backup", "backup", Messages.t("backups.kind.database"), ProbeStatus.UNKNOWN, "",
                    Duration.ZERO, clock.now(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), Map.of()));
        }
    }

    private static HostSnapshot sampleHost(ConsoleConfig config) {
        try {
            return new HostMetrics(config.projectPath()).sample();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    static ContainersSnapshot listContainers(ConsoleConfig config, Clock clock) {
        String endpoint = DockerClients.resolveEndpoint(config.docker.endpoint);
        try (ContainerGateway gw = new ContainerGateway(endpoint, Duration.ofSeconds(config.docker.timeoutSeconds))) {
            var v = gw.version();
            List<ContainerInfo> all = new ArrayList<>();
            for (ContainerInfo c : gw.listContainers()) {
                all.add(config.containerNames().contains(c.name()) ? gw.enrich(c).info() : c);
            }
            return new ContainersSnapshot(EngineStatus.up(endpoint, v.apiVersion(), v.engineVersion(), clock.now()),
                    ContainerGateway.sortForDisplay(all, config.containerNames()), Map.of(), clock.now());
        } catch (RuntimeException e) {
            return new ContainersSnapshot(EngineStatus.down(endpoint, e.getMessage(), clock.now(), null), List.of(), Map.of(),
                    null);
        }
    }
}
