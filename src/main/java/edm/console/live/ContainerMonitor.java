package edm.console.live;

import edm.console.core.Background;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineEvent;
import edm.console.core.EngineStatus;
import edm.console.core.Lane;
import edm.console.docker.CgroupStats;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import edm.console.swarm.SwarmReads;
import edm.console.swarm.SwarmView;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the container list live. Changes come from the engine's event stream (a burst of events
 * causes one re-list after a short debounce); a slow safety-net re-list catches anything missed.
 * When the engine is unreachable or the stream drops, it reconnects with back-off and re-lists, so
 * nothing that happened meanwhile is missed. All engine calls run on one lane, so refreshes never
 * overlap; stats sampling ({@link StatsSampler}: the rows on screen and the EDM stack only) runs on a
 * second one so a slow engine cannot delay the list. Lanes share the console's timer and workers
 * ({@link Background}): the monitor owns no thread, and between its tasks nothing of it runs.
 * <p>
 * A hung engine (SIGSTOPed, deadlocked) keeps its socket and its event stream open and simply goes
 * quiet, so silence on the stream proves nothing: a heartbeat on the engine lane asks the engine for a
 * ping every {@link #heartbeatEvery heartbeat interval} (while a list or inspect is under way, that
 * request's own deadline does the same). When a request goes unanswered for the timeout the list is
 * marked stale ("not answering", with the last data kept and its time), and the monitor keeps asking
 * every second until the engine answers again ({@link EngineOutage}).
 */
public final class ContainerMonitor implements AutoCloseable {
    private static final Duration DEBOUNCE = Duration.ofMillis(120);
    /** A row that scrolled into view is read this soon (a burst of scrolling causes one round). */
    private static final Duration SHOWN_DEBOUNCE = Duration.ofMillis(150);
    /** A first cgroup reading has no CPU figure: the second comes this much later, not a whole stats interval. */
    private static final Duration SECOND_READING = Duration.ofSeconds(1);
    /** While the swarm converges (see {@link SwarmWatch}), it is read again this much later. */
    private static final Duration SWARM_FOLLOW_UP = Duration.ofSeconds(2);

    private final ContainerGateway gateway;
    private final List<String> preferredNames;
    private final Duration statsEvery;
    private final Duration relistEvery;
    private final Clock clock;
    private final Consumer<ContainersSnapshot> publish;
    private final StatsSampler stats;
    private final EngineOutage outage;
    private final Lane engineLane;
    private final Lane statsLane;

    /** Inspect results that are still valid; dropped for a container when an event says it changed. */
    private final Map<String, ContainerGateway.Inspected> inspected = new ConcurrentHashMap<>();

    private volatile ContainersSnapshot current;
    private volatile Closeable eventStream;
    /** Identifies the event stream in use; the end of any other (one we closed) is not an outage. */
    private volatile Object streamToken;
    private volatile boolean closed;
    private final AtomicBoolean relistQueued = new AtomicBoolean();
    private final AtomicBoolean retryQueued = new AtomicBoolean();
    private final AtomicBoolean extraRoundQueued = new AtomicBoolean();
    private final AtomicBoolean swarmFollowUpQueued = new AtomicBoolean();
    /** Guards {@link #epoch}: a re-list publishes only if nobody marked the engine down since it began. */
    private final Object stateLock = new Object();
    private long epoch;

    public ContainerMonitor(ContainerGateway gateway, List<String> preferredNames, Duration statsEvery,
                            Duration relistEvery, boolean localEngine, Clock clock, Consumer<ContainersSnapshot> publish) {
        this.gateway = gateway;
        this.preferredNames = List.copyOf(preferredNames);
        this.statsEvery = statsEvery;
        this.relistEvery = relistEvery;
        this.clock = clock;
        this.publish = publish;
        this.stats = new StatsSampler(gateway, localEngine ? new CgroupStats() : null, preferredNames, clock);
        this.outage = new EngineOutage(gateway.endpoint());
        this.engineLane = Background.shared().lane("edm-engine");
        this.statsLane = Background.shared().lane("edm-stats");
        this.current = ContainersSnapshot.initial(EngineStatus.connecting(gateway.endpoint(), clock.now()));
    }

    public ContainersSnapshot current() {
        return current;
    }

    public void start() {
        publish(current);
        engineLane.execute(this::connect);
        long relistMs = relistEvery.toMillis();
        engineLane.everyOnTheBeat(this::safetyRelist, Lane.untilNextBeatFromNow(relistMs), relistMs);
        // The first round is queued when the engine answers (connect), so the periodic one starts an interval later.
        statsLane.everyOnTheBeat(this::sampleStats, Lane.untilNextBeatFromNow(statsEvery.toMillis()), statsEvery.toMillis());
        long beatMs = heartbeatEvery(gateway.timeout()).toMillis();
        engineLane.everyFixedDelay(this::heartbeat, beatMs, beatMs);
    }

    /**
     * The containers whose rows are on screen (ids): only they and the EDM stack are sampled. Until the
     * first call every running container is. Cheap and safe from any thread; call it when the rows change.
     */
    public void showing(Collection<String> ids) {
        if (stats.show(ids) && !closed) {
            queueExtraRound(SHOWN_DEBOUNCE);
        }
    }

    private void queueExtraRound(Duration in) {
        if (extraRoundQueued.compareAndSet(false, true)) {
            statsLane.schedule(() -> {
                extraRoundQueued.set(false);
                sampleStats();
            }, in.toMillis());
        }
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
            synchronized (stateLock) {
                outage.answered();
            }
            inspected.clear();
            relist(up, seen);
            // The periodic round may have found the engine not yet connected: figures now, not an interval later.
            queueExtraRound(Duration.ZERO);
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
        Duration delay;
        synchronized (stateLock) {
            if (closed || epoch != seen) {
                return;
            }
            epoch++;
            EngineOutage.Verdict v = outage.failed(failure, asked, current.engine(), clock.now());
            delay = v.retryIn();
            publish(new ContainersSnapshot(v.status(), current.containers(), Map.of(), current.listedAt()));
        }
        closeEventStream();
        if (retryQueued.compareAndSet(false, true)) {
            engineLane.schedule(this::connect, delay.toMillis());
        }
    }

    private volatile Consumer<EngineEvent> eventListener = e -> { };
    private volatile SwarmWatch swarm;

    /**
     * Also reads the swarm at every re-list (one /info; services, tasks and nodes on a manager) and hands each
     * changed view to {@code publish}, on the engine lane; call before start.
     */
    public void watchSwarm(Consumer<SwarmView> publish) {
        this.swarm = new SwarmWatch(new SwarmReads(gateway, clock), publish);
    }

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
        engineLane.execute(() -> {
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
        engineLane.schedule(() -> {
            relistQueued.set(false);
            if (current.engine().connected()) {
                relist(current.engine(), epoch());
            }
        }, DEBOUNCE.toMillis());
    }

    /** The swarm is converging: one more re-list (and swarm read) in a couple of seconds, unless one is queued. */
    private void scheduleSwarmFollowUp() {
        if (!swarmFollowUpQueued.compareAndSet(false, true)) {
            return;
        }
        engineLane.schedule(() -> {
            swarmFollowUpQueued.set(false);
            if (!closed && current.engine().connected()) {
                relist(current.engine(), epoch());
            }
        }, SWARM_FOLLOW_UP.toMillis());
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
            stats.retain(ids);
            if (listed.stream().anyMatch(c -> !inspected.containsKey(c.id()))) {
                // Names and states first: inspecting every new container (30 at start-up) takes a while,
                // and the operator should not wait for restart counts to see what is there.
                publishIfCurrent(seen, new ContainersSnapshot(engine, ContainerGateway.sortForDisplay(
                        listed.stream().map(this::withCachedInspect).toList(), preferredNames), stats.snapshot(listed), clock.now()));
            }
            asked = clock.now();
            List<ContainerInfo> merged = listed.stream().map(this::withInspect).toList();
            publishIfCurrent(seen, new ContainersSnapshot(engine, ContainerGateway.sortForDisplay(merged, preferredNames),
                    stats.snapshot(merged), clock.now()));
            SwarmWatch w = swarm;
            if (w != null && !closed && w.relisted(merged)) {
                scheduleSwarmFollowUp();
            }
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
        if (closed || !snap.engine().connected()) {
            return;
        }
        boolean firstReadings = stats.sample(snap.containers(), inspected::get, () -> closed);
        synchronized (stateLock) {
            // Under the lock: a re-list publishing meanwhile must not be replaced by the list read before it.
            ContainersSnapshot now = current;
            if (!closed && now.engine().connected()) {
                publish(new ContainersSnapshot(now.engine(), now.containers(), stats.snapshot(now.containers()), now.listedAt()));
            }
        }
        if (firstReadings && !closed) {
            queueExtraRound(SECOND_READING);
        }
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
        engineLane.close();
        statsLane.close();
    }
}
