package edm.console.live;

import edm.console.core.Background;
import edm.console.core.Clock;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineInfo;
import edm.console.core.EngineStatus;
import edm.console.core.EngineSummary;
import edm.console.core.HealthStatus;
import edm.console.core.Lane;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Polls every engine of the hosts view, each on a lane of its own, at a slow beat (the relist beat or slower:
 * an idle console's CPU is a measured feature): its host info, its container list and an inspect of each of its
 * stack's containers (restart counts, OOM kills) through the lean engine client. Every call has the engine
 * timeout, so a hung or unreachable engine is a row that says why after at most that, never a wait of the others.
 */
public final class HostsPoller implements AutoCloseable {
    /** The reads one poll makes, and the engine's stack (from its config); {@link #of} for an engine. */
    public interface Reads {
        EngineInfo info();

        List<ContainerInfo> list();

        ContainerDetail inspect(String name);

        List<String> stackNames();

        static Reads of(ContainerGateway gateway, List<String> stackNames) {
            List<String> stack = List.copyOf(stackNames);
            return new Reads() {
                @Override
                public List<String> stackNames() {
                    return stack;
                }

                @Override
                public EngineInfo info() {
                    return gateway.info();
                }

                @Override
                public List<ContainerInfo> list() {
                    return gateway.listContainers();
                }

                @Override
                public ContainerDetail inspect(String name) {
                    return gateway.inspect(name);
                }
            };
        }
    }

    /** Opens an engine's reads (an ssh tunnel may be opened here); throws with a one-line reason. */
    public interface Opener {
        Reads open();
    }

    /** One engine: its name, address (for the row) and how to reach it. */
    public record Target(String name, String endpoint, Opener opener) {
    }

    /** A poll's outcome: the row, and for the alerts the stack as probes see it (with its OOM-killed containers). */
    public record Poll(EngineSummary summary, ContainersSnapshot snapshot, Set<String> oomKilled) {
        public Poll {
            oomKilled = Set.copyOf(oomKilled);
        }
    }

    private final List<Engine> engines = new ArrayList<>();
    private final Duration every;
    private final Clock clock;
    private final Consumer<Poll> report;
    private final AtomicBoolean started = new AtomicBoolean();

    public HostsPoller(List<Target> targets, Duration every, Clock clock, Consumer<Poll> report) {
        this.every = every;
        this.clock = clock;
        this.report = report;
        for (Target t : targets) {
            engines.add(new Engine(t, Background.shared().lane("edm-hosts-" + t.name())));
        }
    }

    /** Starts the beat (once): every engine at once, then on every beat. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            for (Engine e : engines) {
                e.lane.everyOnTheBeat(() -> e.poll(clock, report), 0, every.toMillis());
            }
        }
    }

    public boolean started() {
        return started.get();
    }

    /** One more round now (the view was opened, R): skipped for an engine whose poll is still under way. */
    public void pollNow() {
        for (Engine e : engines) {
            if (e.queued.compareAndSet(false, true)) {
                e.lane.execute(() -> {
                    e.queued.set(false);
                    e.poll(clock, report);
                });
            }
        }
    }

    @Override
    public void close() {
        engines.forEach(e -> e.lane.close());
    }

    /** One engine's lane and its reads, opened at its first poll and again after a failure to open. */
    private static final class Engine {
        private final Target target;
        private final Lane lane;
        private final AtomicBoolean queued = new AtomicBoolean();
        private Reads reads;

        Engine(Target target, Lane lane) {
            this.target = target;
            this.lane = lane;
        }

        void poll(Clock clock, Consumer<Poll> report) {
            try {
                if (reads == null) {
                    reads = target.opener().open();
                }
            } catch (RuntimeException e) {
                report.accept(failed(target, e, clock.now()));
                return;
            }
            report.accept(pollOnce(target, reads, clock));
        }
    }

    /** One poll of one engine: the pure logic, the same on a real engine and in a test. */
    static Poll pollOnce(Target t, Reads reads, Clock clock) {
        try {
            EngineInfo info = reads.info();
            List<ContainerInfo> listed = reads.list();
            List<ContainerInfo> shown = new ArrayList<>(listed.size());
            Set<String> oom = new HashSet<>();
            for (ContainerInfo c : listed) {
                if (!reads.stackNames().contains(c.name())) {
                    shown.add(c);
                    continue;
                }
                // The list knows neither restart counts nor OOM kills: the stack's few containers are inspected.
                ContainerDetail d = reads.inspect(c.name());
                shown.add(d.summary());
                if (d.oomKilled() && !d.summary().running()) {
                    oom.add(c.name());
                }
            }
            int running = (int) shown.stream().filter(ContainerInfo::running).count();
            int unhealthy = (int) shown.stream().filter(c -> c.health() == HealthStatus.UNHEALTHY).count();
            Instant now = clock.now();
            EngineSummary row = new EngineSummary(t.name(), t.endpoint(), EngineSummary.Reach.UP, "", running, shown.size(),
                    unhealthy, 0, info, now);
            EngineStatus up = EngineStatus.up(t.endpoint(), "", info.serverVersion(), now);
            return new Poll(row, new ContainersSnapshot(up, shown, Map.of(), now), oom);
        } catch (RuntimeException e) {
            return failed(t, e, clock.now());
        }
    }

    private static Poll failed(Target t, RuntimeException e, Instant now) {
        boolean silent = EngineException.notAnswering(e) != null;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ").trim();
        EngineSummary row = new EngineSummary(t.name(), t.endpoint(), silent ? EngineSummary.Reach.NOT_ANSWERING
                : EngineSummary.Reach.DOWN, why, 0, 0, 0, 0, null, now);
        EngineStatus status = silent ? EngineStatus.notAnswering(t.endpoint(), why, now, now, null)
                : EngineStatus.down(t.endpoint(), why, now, null);
        return new Poll(row, ContainersSnapshot.initial(status), Set.of());
    }
}
