package edm.console.app;

import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineEndpoint;
import edm.console.docker.FirstList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The container list of the console's first frame: read on its own thread from launch on (while the
 * terminal switches to the full screen), handed to the UI, and only then the container monitor starts,
 * with docker-java, its event stream and the inspects. Until the monitor has listed for itself, its
 * snapshots keep the first list's rows: "connecting" says less than the list the engine has just given;
 * "down" or "not answering" shows them as the last known rows, as it does for the monitor's own.
 */
final class FirstFrame {
    /** The monitor does not wait longer than this for the first list: a hung engine is the monitor's to report. */
    static final Duration MONITOR_WAIT = Duration.ofSeconds(1);
    /** The first list's own deadline (at most the engine timeout); an answer later than {@link #MONITOR_WAIT} is dropped. */
    static final Duration LIST_DEADLINE = Duration.ofSeconds(2);

    /**
     * The monitor starts this long after the list was handed to the UI: the UI thread, idle by then, paints
     * it within milliseconds, and docker-java's start-up does not compete with that frame for the CPU.
     */
    static final Duration FRAME_WAIT = Duration.ofMillis(200);

    private final CompletableFuture<Optional<ContainersSnapshot>> list;
    /** The endpoint the list is read from; null when unknown (tests). */
    private final String endpoint;
    /** The names that go first (the stack's), in the config's order; set once the config is read. */
    private volatile List<String> preferredNames = List.of();
    private final AtomicBoolean monitorStarted = new AtomicBoolean();
    private volatile Runnable startMonitor;
    private final long startedNanos = System.nanoTime();
    /** The first list while the UI shows it and the monitor has not listed yet; null before and after. */
    private volatile ContainersSnapshot shown;

    FirstFrame(CompletableFuture<Optional<ContainersSnapshot>> list) {
        this(list, null);
    }

    private FirstFrame(CompletableFuture<Optional<ContainersSnapshot>> list, String endpoint) {
        this.list = list;
        this.endpoint = endpoint;
    }

    /**
     * Starts reading the list on a daemon thread; a failure just means the first frame waits for the monitor.
     * Called before the config is read, with the endpoint the environment names: reading and checking the
     * config took tens of milliseconds of the way to the first frame, and it rarely names another engine.
     */
    static FirstFrame start(String endpoint, Duration timeout, Clock clock) {
        return start(() -> FirstList.read(endpoint, min(timeout, LIST_DEADLINE), List.of(), clock), endpoint);
    }

    /** {@link #start(String, Duration, Clock)} with the environment's engine; none when its docker context is unusable. */
    static FirstFrame startEarly(Duration timeout, Clock clock) {
        String endpoint;
        try {
            endpoint = EngineEndpoint.resolve(null);
        } catch (EngineEndpoint.ContextException e) {
            // Said in one line once the config is read (the config's endpoint may not even need the context).
            return new FirstFrame(CompletableFuture.completedFuture(Optional.empty()), null);
        }
        return start(endpoint, timeout, clock);
    }

    /**
     * This list, once the config is known: sorted with the stack's names first, or read again from the
     * config's endpoint when that is another one (the early answer is dropped).
     */
    FirstFrame forConfig(String configuredEndpoint, Duration timeout, List<String> stackFirst, Clock clock) {
        FirstFrame f = configuredEndpoint.equals(endpoint) ? this : start(configuredEndpoint, timeout, clock);
        f.preferredNames = List.copyOf(stackFirst);
        return f;
    }

    static FirstFrame start(Supplier<Optional<ContainersSnapshot>> read) {
        return start(read, null);
    }

    static FirstFrame start(Supplier<Optional<ContainersSnapshot>> read, String endpoint) {
        CompletableFuture<Optional<ContainersSnapshot>> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(read.get());
            } catch (RuntimeException e) {
                f.complete(Optional.empty());
            }
        }, "edm-first-list");
        t.setDaemon(true);
        t.start();
        return new FirstFrame(f, endpoint);
    }

    /**
     * Once the list is read (or {@link #MONITOR_WAIT} after launch at the latest): hands it to the UI; the
     * monitor starts {@link #FRAME_WAIT} after the hand-over, at once when there is no list. Its snapshots
     * always come after the list.
     */
    void then(Consumer<ContainersSnapshot> post, Runnable startMonitor) {
        this.startMonitor = startMonitor;
        long left = Math.max(0, MONITOR_WAIT.toNanos() - (System.nanoTime() - startedNanos));
        list.completeOnTimeout(Optional.empty(), left, TimeUnit.NANOSECONDS).thenAccept(first -> {
            try {
                if (first.isPresent()) {
                    ContainersSnapshot s = first.get();
                    List<String> stackFirst = preferredNames;
                    shown = stackFirst.isEmpty() ? s : new ContainersSnapshot(s.engine(),
                            ContainerGateway.sortForDisplay(s.containers(), stackFirst), s.stats(), s.listedAt());
                    post.accept(shown);
                    CompletableFuture.delayedExecutor(FRAME_WAIT.toMillis(), TimeUnit.MILLISECONDS).execute(this::startMonitorOnce);
                    return;
                }
            } catch (RuntimeException e) {
                Launch.logFailure(e);
            }
            startMonitorOnce();
        });
    }

    private void startMonitorOnce() {
        Runnable start = startMonitor;
        if (start != null && monitorStarted.compareAndSet(false, true)) {
            try {
                start.run();
            } catch (RuntimeException e) {
                // Started after the console had already ended (quit within the first second): nothing to monitor.
                Launch.logFailure(e);
            }
        }
    }

    /** The monitor's snapshot as the UI is to show it. */
    ContainersSnapshot merge(ContainersSnapshot fromMonitor) {
        ContainersSnapshot first = shown;
        if (first == null) {
            return fromMonitor;
        }
        if (fromMonitor.listedAt() != null) {
            shown = null;
            return fromMonitor;
        }
        EngineStatus e = fromMonitor.engine();
        if (!e.connected() && e.error().isEmpty()) {
            return first;
        }
        return new ContainersSnapshot(e, first.containers(), fromMonitor.stats(), first.listedAt());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
