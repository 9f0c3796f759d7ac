package edm.console.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Threads;
import edm.console.engines.EngineConnection;
import edm.console.engines.EngineSet;
import edm.console.engines.EngineSpec;
import edm.console.engines.EngineUnavailableException;
import edm.console.health.ContainerProbes;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code check --all-hosts} and {@code status --all-hosts}: every engine of the config at once, each on a thread
 * of its own with the same timeouts, so that an unreachable or hung engine costs its own timeout and never
 * delays the others. Each engine is opened ({@link EngineConnection}: an ssh:// one through its tunnel), its
 * snapshot collected as for one engine, and closed again (the tunnel's ssh ends) before the report is printed.
 */
final class AllHosts {
    /** One engine's part of the report; {@code unreachable} is why it could not be opened, "" when it was. */
    record Section(EngineSpec spec, ConsoleConfig config, SnapshotCollector.Report report, String unreachable, boolean thisHost) {
        /** The line that says why this machine's readings are not in this section; null when they are. */
        String notHere(String mainName) {
            if (thisHost || !unreachable.isEmpty()) {
                return null;
            }
            return spec.transport() == EngineSpec.Transport.UNIX ? Messages.t("allHosts.sameHost", mainName)
                    : Messages.t("allHosts.remote");
        }

        ProbeStatus worst() {
            return report.worst();
        }

        /** Opened, and its engine answered. */
        boolean reachable() {
            return unreachable.isEmpty() && report.containers().engine().connected();
        }

        /** Why not reachable: what opening it said, else what the engine's requests said; "" when reachable. */
        String why() {
            if (!unreachable.isEmpty()) {
                return unreachable;
            }
            var engine = report.containers().engine();
            return engine.connected() ? "" : engine.notAnswering()
                    ? Messages.t("health.engine.notAnswering", engine.silentSeconds(report.at())) : engine.error();
        }
    }

    private AllHosts() {
    }

    /** Every engine's section, in the set's order (the main engine first). */
    static List<Section> collect(ConsoleConfig config, Clock clock) {
        EngineSet set = EngineSet.of(config);
        ExecutorService pool = Executors.newFixedThreadPool(set.size(), Threads.daemon("edm-all-hosts"));
        try {
            List<Future<Section>> pending = new ArrayList<>();
            for (EngineSpec spec : set.specs()) {
                pending.add(pool.submit(() -> section(set, spec, clock)));
            }
            // Opening (the tunnel's own timeout), the engine's phase, the network probes: each bounded already;
            // this bound only keeps a defect elsewhere from holding the whole report.
            Duration limit = set.timeout().multipliedBy(2).plus(SnapshotCollector.ENGINE_GRACE)
                    .plusMillis((long) (config.health.timeoutSeconds * 1000)).plusSeconds(2);
            long deadline = System.nanoTime() + limit.toNanos();
            List<Section> out = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                out.add(await(pending.get(i), set, set.specs().get(i), deadline, limit, clock));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Section await(Future<Section> f, EngineSet set, EngineSpec spec, long deadline, Duration limit, Clock clock) {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return unreachable(spec, set.config(), Messages.t("allHosts.tooLong", limit.toSeconds()), clock);
        } catch (ExecutionException e) {
            return unreachable(spec, set.config(), String.valueOf(e.getCause().getMessage()), clock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(spec, set.config(), "interrupted", clock);
        }
    }

    private static Section section(EngineSet set, EngineSpec spec, Clock clock) {
        // This machine's readings (resources, project dir, backups, schedule, security) go in the main engine's
        // section, and in a unix:// engine's that has a config of its own (another project on this machine);
        // a tcp:// or ssh:// engine is another server, a unix:// one with the main config would only repeat them.
        boolean thisHost = spec.main() || spec.transport() == EngineSpec.Transport.UNIX && spec.configFile() != null;
        try (EngineConnection connection = set.open(spec)) {
            SnapshotCollector.Report r = SnapshotCollector.collect(connection.config(), clock, thisHost, spec.endpoint());
            return new Section(spec, connection.config(), r, "", thisHost);
        } catch (EngineUnavailableException e) {
            return unreachable(spec, set.config(), e.getMessage(), clock);
        }
    }

    /** An engine that could not be opened: the engine probe, CRITICAL, with the reason (its own config may be what failed). */
    static Section unreachable(EngineSpec spec, ConsoleConfig config, String why, Clock clock) {
        Instant now = clock.now();
        EngineStatus down = EngineStatus.down(spec.endpoint(), why, now, null);
        ContainersSnapshot none = new ContainersSnapshot(down, List.of(), Map.of(), null);
        List<ProbeResult> probes = new ArrayList<>();
        probes.add(ContainerProbes.engine(down, now));
        return new Section(spec, config, new SnapshotCollector.Report(none, null, probes, now), why, false);
    }

    /** The fields that say which host a JSON object is about, the same in check's and status's. */
    static void writeHostFields(JsonGenerator g, Section s) throws IOException {
        g.writeStringField("name", s.spec().name());
        g.writeStringField("endpoint", s.spec().endpoint());
        g.writeBooleanField("reachable", s.reachable());
        g.writeStringField("unreachable", s.why());
        g.writeBooleanField("thisHost", s.thisHost());
    }

    /** The worst of every section. */
    static ProbeStatus worst(List<Section> sections) {
        ProbeStatus w = ProbeStatus.OK;
        for (Section s : sections) {
            w = w.worse(s.worst());
        }
        return w;
    }

    /** A section's heading: the engine's name and address, and why not when it could not be reached. */
    static String heading(Section s) {
        return s.reachable() ? Messages.t("allHosts.heading", s.spec().name(), s.spec().endpoint())
                : Messages.t("allHosts.headingUnreachable", s.spec().name(), s.spec().endpoint());
    }

    /** The closing line: the worst status, how many engines, how many with problems, how many unreachable. */
    static String summary(List<Section> sections) {
        long problems = sections.stream().filter(s -> s.worst() != ProbeStatus.OK).count();
        long unreachable = sections.stream().filter(s -> !s.reachable()).count();
        return Messages.t("allHosts.summary", ProbeReport.statusWord(worst(sections)), sections.size(), problems, unreachable);
    }
}
