package edm.console.cli;

import edm.console.backup.BackupEnvironment;
import edm.console.backup.BackupProbes;
import edm.console.compose.DriftProbes;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HostSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.docker.ContainerGateway;
import edm.console.core.Threads;
import edm.console.docker.EngineEndpoint;
import edm.console.docker.EngineException;
import edm.console.docker.EngineNotAnsweringException;
import edm.console.engines.EngineSet;
import edm.console.health.ContainerProbes;
import edm.console.health.HealthChecker;
import edm.console.health.HostProbes;
import edm.console.host.ProcHostReading;
import edm.console.i18n.Messages;
import edm.console.schedule.ScheduleProbes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** How much longer than one call's timeout the whole engine phase of a collection may take. */
    static final Duration ENGINE_GRACE = Duration.ofSeconds(2);

    private SnapshotCollector() {
    }

    public static Report collect(ConsoleConfig config, Clock clock) {
        return collect(config, clock, true, null);
    }

    /**
     * {@link #collect(ConsoleConfig, Clock)}; without {@code thisHost} (an engine on another server) only what
     * is true from here: the engine, its containers and the network probes the config names URLs for. This
     * machine's resources, its project dir, compose file, env file, backups, schedule and security settings say
     * nothing about that server, so they are not read (rather than reported as if they were that server's).
     * {@code shownEndpoint}, when not null, is how the report names the engine (an ssh:// engine's address
     * rather than its tunnel's socket).
     */
    public static Report collect(ConsoleConfig config, Clock clock, boolean thisHost, String shownEndpoint) {
        CompletableFuture<List<ProbeResult>> network = CompletableFuture.supplyAsync(
                () -> new HealthChecker(config, clock).runNetworkProbes(thisHost));
        ProcHostReading host = thisHost ? startHostReading(config, clock) : null;
        ContainersSnapshot containers = listContainers(config, clock, shownEndpoint);
        List<ProbeResult> probes = new ArrayList<>();
        Instant now = clock.now();
        if (!containers.engine().connected()) {
            probes.add(ContainerProbes.engine(containers.engine(), now));
        }
        if (!thisHost) {
            probes.addAll(new ContainerProbes().evaluate(containers, config.containerNames(), now));
            probes.addAll(network.join());
            return new Report(containers, null, probes, now);
        }
        probes.add(HostProbes.projectDir(config.projectPath(), now));
        probes.addAll(new ContainerProbes().evaluate(containers, config.containerNames(), now));
        probes.addAll(DriftProbes.evaluate(config, containers, now));
        HostSnapshot h = sampleHost(host);
        if (h != null) {
            probes.addAll(HostProbes.evaluate(h, config.thresholds));
        }
        probes.addAll(network.join());
        probes.addAll(backupProbes(config, clock));
        probes.addAll(scheduleProbes(config, clock));
        probes.addAll(SecurityInCheck.critical(config, containers, clock));
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

    /** The installed schedule's jobs: a missed or failed run is a warning; UNKNOWN when the run records cannot be read. */
    static List<ProbeResult> scheduleProbes(ConsoleConfig config, Clock clock) {
        try {
            return ScheduleProbes.evaluate(config, clock.now());
        } catch (RuntimeException e) {
            return List.of(new ProbeResult("schedule", "schedule", "schedule", ProbeStatus.UNKNOWN, "", Duration.ZERO, clock.now(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), Map.of()));
        }
    }

    /** The host's first CPU reading, at the start of the collection; null when /proc cannot be read. */
    private static ProcHostReading startHostReading(ConsoleConfig config, Clock clock) {
        try {
            return new ProcHostReading(config.projectPath(), clock);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The host's resources (CPU over the collection so far); null when they cannot be read. */
    private static HostSnapshot sampleHost(ProcHostReading host) {
        try {
            return host == null ? null : host.sample();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The engine's containers, within one overall deadline of the engine timeout plus {@link #ENGINE_GRACE}
     * on top of each call's own: an engine that answers each call just in time still cannot hold `check`
     * for calls times the timeout. When the engine does not answer in time the snapshot says so; the
     * calls still waiting are cut, not waited for.
     */
    static ContainersSnapshot listContainers(ConsoleConfig config, Clock clock) {
        return listContainers(config, clock, null);
    }

    private static ContainersSnapshot listContainers(ConsoleConfig config, Clock clock, String shownEndpoint) {
        String address = EngineEndpoint.resolve(config.docker.endpoint);
        String endpoint = shownEndpoint != null ? shownEndpoint : address;
        Duration timeout = Duration.ofSeconds(config.docker.timeoutSeconds);
        Instant started = clock.now();
        ExecutorService engine = Executors.newSingleThreadExecutor(Threads.daemon("edm-check-engine"));
        ContainerGateway gw = new ContainerGateway(address, timeout, EngineSet.tlsFiles(config.docker.tls));
        Future<ContainersSnapshot> read = engine.submit(() -> read(gw, endpoint, config, clock));
        try {
            return read.get(timeout.plus(ENGINE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return notAnswering(endpoint, Duration.between(started, clock.now()), clock);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            EngineNotAnsweringException silent = EngineException.notAnswering(cause);
            if (silent != null) {
                return notAnswering(endpoint, silent.waited(), clock);
            }
            return down(endpoint, cause.getMessage(), clock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(endpoint, "interrupted", clock);
        } finally {
            // Interrupting the reader closes its socket; a silent engine must not hold the command up.
            engine.shutdownNow();
            gw.close();
        }
    }

    private static ContainersSnapshot read(ContainerGateway gw, String endpoint, ConsoleConfig config, Clock clock) {
        var v = gw.version();
        List<ContainerInfo> all = new ArrayList<>();
        for (ContainerInfo c : gw.listContainers()) {
            all.add(config.containerNames().contains(c.name()) ? gw.enrich(c).info() : c);
        }
        return new ContainersSnapshot(EngineStatus.up(endpoint, v.apiVersion(), v.engineVersion(), clock.now()),
                ContainerGateway.sortForDisplay(all, config.containerNames()), Map.of(), clock.now());
    }

    /** The engine did not answer a call that waited {@code waited}. */
    private static ContainersSnapshot notAnswering(String endpoint, Duration waited, Clock clock) {
        Instant now = clock.now();
        return new ContainersSnapshot(EngineStatus.notAnswering(endpoint,
                Messages.t("health.engine.notAnswering", waited.toSeconds()), now.minus(waited), now, null),
                List.of(), Map.of(), null);
    }

    private static ContainersSnapshot down(String endpoint, String reason, Clock clock) {
        return new ContainersSnapshot(EngineStatus.down(endpoint, reason, clock.now(), null), List.of(), Map.of(), null);
    }
}
