package edm.console.live;

import edm.console.core.Threads;

import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStats;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineEvent;
import edm.console.core.EngineStatus;
import edm.console.docker.CgroupStats;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the container list live. Changes come from the engine's event stream (a burst of events
 * causes one re-list after a short debounce); a slow safety-net re-list catches anything missed.
 * When the engine is unreachable or the stream drops, it reconnects with back-off and re-lists, so
 * nothing that happened meanwhile is missed. All engine calls run on one thread, so refreshes never
 * overlap; stats sampling runs on a second one so a slow engine cannot delay the list.
 * <p>
 * A hung engine (SIGSTOPed, deadlocked) keeps its socket and its event stream open and simply goes
 * quiet, so silence on the stream proves nothing: a heartbeat on a third thread asks the engine for a
 * ping every {@link #heartbeatEvery heartbeat interval}. When a request goes unanswered for the timeout
 * the list is marked stale ("not answering", with the last data kept and its time), and the monitor
 * keeps asking every second until the engine answers again.
 */
public final class ContainerMonitor implements AutoCloseable {
    private static final Duration DEBOUNCE = Duration.ofMillis(120);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    /** Between attempts at a silent engine: each attempt itself already waits the full timeout. */
    private static final Duration SILENT_RETRY = Duration.ofSeconds(1);

    private final ContainerGateway gateway;
    private final List<String> preferredNames;
    private final Duration statsEvery;
    private final Duration relistEvery;
    private final Clock clock;
    private final Consumer<ContainersSnapshot> publish;
    private final CgroupStats cgroups;
    private final ScheduledExecutorService engineThread;
    private final ScheduledExecutorService statsThread;
    private final ScheduledExecutorService heartbeatThread;

    /** Inspect results that are still valid; dropped for a container when an event says it changed. */
    private final Map<String, ContainerGateway.Inspected> inspected = new ConcurrentHashMap<>();
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();
    private final Map<String, ContainerStats> stats = new ConcurrentHashMap<>();

    private volatile ContainersSnapshot current;
    private volatile Closeable eventStream;
    /** Identifies the event stream in use; the end of any other (one we closed) is not an outage. */
    private volatile Object streamToken;
    private volatile boolean closed;
    private final AtomicBoolean relistQueued = new AtomicBoolean();
    private final AtomicBoolean retryQueued = new AtomicBoolean();
    /** Guards {@link #epoch}: a re-list publishes only if nobody marked the engine down since it began. */
    private final Object stateLock = new Object();
    private long epoch;
    private Duration backoff = Duration.ofSeconds(1);

    public ContainerMonitor(ContainerGateway gateway, List<String> preferredNames, Duration statsEvery,
                            Duration relistEvery, boolean localEngine, Clock clock, Consumer<ContainersSnapshot> publish) {
        this.gateway = gateway;
        this.preferredNames = List.copyOf(preferredNames);
        this.statsEvery = statsEvery;
        this.relistEvery = relistEvery;
        this.clock = clock;
        this.publish = publish;
        this.cgroups = localEngine ? new CgroupStats() : null;
        this.engineThread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("edm-engine"));
        this.statsThread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("edm-stats"));
        this.heartbeatThread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("edm-engine-heartbeat"));
        this.current = ContainersSnapshot.initial(EngineStatus.connecting(gateway.endpoint(), clock.now()));
    }

    public ContainersSnapshot current() {
        return current;
    }

    public void start() {
        publish(current);
        engineThread.execute(this::connect);
        long relistMs = relistEvery.toMillis();
        engineThread.scheduleWithFixedDelay(this::safetyRelist, relistMs, relistMs, TimeUnit.MILLISECONDS);
        long statsMs = statsEvery.toMillis();
        statsThread.scheduleWithFixedDelay(this::sampleStats, 500, statsMs, TimeUnit.MILLISECONDS);
        long beatMs = heartbeatEvery(gateway.timeout()).toMillis();
        heartbeatThread.scheduleWithFixedDelay(this::heartbeat, beatMs, beatMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Half the timeout, between 1 and 5 s: a hang is noticed within the interval plus the timeout, well
     * inside twice the timeout, for the price of one tiny request every few seconds.
     */
    static Duration heartbeatEvery(Duration timeout) {
        long ms = Math.max(1000, Math.min(5000, timeout.toMillis() / 2));
        return Duration.ofMillis(ms);
    }

    private void heartbeat() {
        if (closed || !current.engine().connected()) {
            return;
        }
        long seen = epoch();
        Instant asked = clock.now();
        try {
            gateway.ping();
        } catch (RuntimeException e) {
            markDown(seen, e, asked);
        }
    }

    /** Asks for a prompt re-list, e.g. right after the console itself changed a container. */
    public void refreshSoon() {
        if (!closed) {
            scheduleRelist();
        }
    }

    private void connect() {
        retryQueued.set(false);
        if (closed) {
            return;
        }
        Instant since = current.listedAt();
        long seen = epoch();
        Instant asked = clock.now();
        try {
            var version = gateway.version();
            closeEventStream();
            // Subscribing before listing: an event between the two only causes one extra re-list.
            Object token = new Object();
            streamToken = token;
            eventStream = gateway.subscribeEvents(since, this::onEvent, reason -> onStreamEnd(token, reason));
            EngineStatus up = EngineStatus.up(gateway.endpoint(), version.apiVersion(), version.engineVersion(), clock.now());
            backoff = Duration.ofSeconds(1);
            inspected.clear();
            relist(up, seen);
        } catch (RuntimeException e) {
            markDown(seen, e, asked);
        }
    }

    private long epoch() {
        synchronized (stateLock) {
            return epoch;
        }
    }

    /**
     * The engine failed a request that began at {@code asked}. Unless someone already marked it down
     * since {@code seen} (then a retry is already queued), the list goes stale and a reconnect is queued:
     * after a second for a silent engine, with back-off for one that refuses.
     */
    private void markDown(long seen, RuntimeException failure, Instant asked) {
        boolean silent = EngineException.notAnswering(failure) != null;
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Duration delay;
        synchronized (stateLock) {
            if (closed || epoch != seen) {
                return;
            }
            epoch++;
            Instant now = clock.now();
            EngineStatus was = current.engine();
            if (silent) {
                delay = SILENT_RETRY;
                Instant silentSince = was.notAnswering() ? was.silentSince() : asked;
                publish(new ContainersSnapshot(EngineStatus.notAnswering(gateway.endpoint(), reason, silentSince, now,
                        now.plus(delay)), current.containers(), Map.of(), current.listedAt()));
            } else {
                delay = backoff;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                publish(new ContainersSnapshot(EngineStatus.down(gateway.endpoint(), reason, now, now.plus(delay)),
                        current.containers(), Map.of(), current.listedAt()));
            }
        }
        closeEventStream();
        if (retryQueued.compareAndSet(false, true)) {
            engineThread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private volatile Consumer<EngineEvent> eventListener = e -> { };

    /** Also hands every container event to this listener (the incident timeline); call before start. */
    public void onEvent(Consumer<EngineEvent> listener) {
        this.eventListener = listener;
    }

    private void onEvent(EngineEvent e) {
        try {
            eventListener.accept(e);
        } catch (RuntimeException ignored) {
            // A listener's failure must not stop the event stream.
        }
        if (e.changesContainerState()) {
            inspected.remove(e.containerId());
            scheduleRelist();
        }
    }

    private void onStreamEnd(Object token, Throwable reason) {
        if (closed || token != streamToken) {
            // Closed by us (reconnecting or quitting): not news about the engine.
            return;
        }
        RuntimeException why = reason instanceof RuntimeException r && r.getMessage() != null ? r
                : new IllegalStateException(reason == null || reason.getMessage() == null ? "event stream ended" : reason.getMessage(), reason);
        long seen = epoch();
        Instant asked = clock.now();
        engineThread.execute(() -> {
            if (current.engine().connected()) {
                markDown(seen, why, asked);
            }
        });
    }

    /**
     * Queues one re-list unless one is already queued and not yet started. A re-list that is already
     * running may have listed before this event, so it does not count: another one is queued.
     */
    private void scheduleRelist() {
        if (!relistQueued.compareAndSet(false, true)) {
            return;
        }
        engineThread.schedule(() -> {
            relistQueued.set(false);
            if (current.engine().connected()) {
                relist(current.engine(), epoch());
            }
        }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safetyRelist() {
        if (current.engine().connected()) {
            relist(current.engine(), epoch());
        }
    }

    /** Lists (and inspects what is new); publishes only while the engine was not marked down since {@code seen}. */
    private void relist(EngineStatus engine, long seen) {
        Instant asked = clock.now();
        try {
            List<ContainerInfo> listed = gateway.listContainers();
            Set<String> ids = new HashSet<>();
            listed.forEach(c -> ids.add(c.id()));
            inspected.keySet().retainAll(ids);
            lastSamples.keySet().retainAll(ids);
            stats.keySet().retainAll(ids);
            if (listed.stream().anyMatch(c -> !inspected.containsKey(c.id()))) {
                // Names and states first: inspecting every new container (30 at start-up) takes a while,
                // and the operator should not wait for restart counts to see what is there.
                publishIfCurrent(seen, new ContainersSnapshot(engine, ContainerGateway.sortForDisplay(
                        listed.stream().map(this::withCachedInspect).toList(), preferredNames), snapshotStats(listed), clock.now()));
            }
            asked = clock.now();
            List<ContainerInfo> merged = listed.stream().map(this::withInspect).toList();
            publishIfCurrent(seen, new ContainersSnapshot(engine, ContainerGateway.sortForDisplay(merged, preferredNames),
                    snapshotStats(merged), clock.now()));
        } catch (RuntimeException e) {
            markDown(seen, e, asked);
        }
    }

    private void publishIfCurrent(long seen, ContainersSnapshot snapshot) {
        synchronized (stateLock) {
            if (epoch == seen) {
                publish(snapshot);
            }
        }
    }

    /** The listed container with what an earlier inspect knew, or as listed when it was never inspected. */
    private ContainerInfo withCachedInspect(ContainerInfo listed) {
        ContainerGateway.Inspected cached = inspected.get(listed.id());
        return cached == null ? listed
                : listed.withHealthAndRestarts(listed.health(), cached.info().startedAt(), cached.info().restartCount());
    }

    private ContainerInfo withInspect(ContainerInfo listed) {
        ContainerGateway.Inspected cached = inspected.get(listed.id());
        if (cached == null || cached.info().status() != listed.status()) {
            try {
                cached = gateway.enrich(listed);
                inspected.put(listed.id(), cached);
            } catch (RuntimeException e) {
                if (EngineException.notAnswering(e) != null) {
                    // A silent engine will not answer the next inspect either: one timeout, not one per container.
                    throw e;
                }
                // Vanished between list and inspect: show what the list said; the next event re-lists.
                return listed;
            }
        }
        ContainerInfo fromInspect = cached.info();
        // The list's health is fresher than a cached inspect; start time and restarts only change with events.
        return listed.withHealthAndRestarts(listed.health(), fromInspect.startedAt(), fromInspect.restartCount());
    }

    private void sampleStats() {
        ContainersSnapshot snap = current;
        if (!snap.engine().connected()) {
            return;
        }
        for (ContainerInfo c : snap.containers()) {
            if (closed) {
                return;
            }
            if (!c.running()) {
                stats.remove(c.id());
                lastSamples.remove(c.id());
                continue;
            }
            try {
                sampleOne(c);
            } catch (RuntimeException e) {
                stats.remove(c.id());
                if (EngineException.notAnswering(e) != null) {
                    // The heartbeat marks the engine silent; asking the other containers would only wait again.
                    return;
                }
            }
        }
        ContainersSnapshot now = current;
        publish(new ContainersSnapshot(now.engine(), now.containers(), snapshotStats(now.containers()), now.listedAt()));
    }

    private void sampleOne(ContainerInfo c) {
        Instant now = clock.now();
        if (cgroups == null) {
            // A remote engine: only its stats API can tell.
            stats.put(c.id(), gateway.stats(c.id()).toStats(null));
            return;
        }
        // A local engine: read the cgroup, never the stats API, which makes the engine itself sample the
        // container. Not inspected yet (its main pid unknown): wait for the next round.
        ContainerGateway.Inspected info = inspected.get(c.id());
        Optional<CgroupStats.Counters> local = info == null ? Optional.empty() : cgroups.read(info.pid());
        if (local.isEmpty()) {
            return;
        }
        CgroupStats.Counters k = local.get();
        Sample prev = lastSamples.put(c.id(), new Sample(k.cpuNanos(), now));
        double cpu = 0;
        if (prev != null && now.isAfter(prev.at())) {
            long wallNanos = Duration.between(prev.at(), now).toNanos();
            cpu = Math.max(0, 100.0 * (k.cpuNanos() - prev.cpuNanos()) / wallNanos);
        }
        long limit = k.memoryLimit() > 0 ? k.memoryLimit() : HostMemory.totalBytes();
        stats.put(c.id(), new ContainerStats(cpu, k.memoryUsed(), limit, now));
    }

    private Map<String, ContainerStats> snapshotStats(List<ContainerInfo> containers) {
        Map<String, ContainerStats> out = new HashMap<>();
        for (ContainerInfo c : containers) {
            ContainerStats s = stats.get(c.id());
            if (s != null && c.running()) {
                out.put(c.id(), s);
            }
        }
        return out;
    }

    private void publish(ContainersSnapshot snapshot) {
        current = snapshot;
        if (!closed) {
            publish.accept(snapshot);
        }
    }

    private void closeEventStream() {
        Closeable s = eventStream;
        eventStream = null;
        streamToken = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // The stream is being abandoned anyway.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeEventStream();
        engineThread.shutdownNow();
        statsThread.shutdownNow();
        heartbeatThread.shutdownNow();
    }

    private record Sample(long cpuNanos, Instant at) {
    }
}
