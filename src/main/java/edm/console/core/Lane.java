package edm.console.core;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;

/**
 * One monitor's tasks, run one at a time in the order they became due, on a worker of {@link Background}:
 * what a single-thread scheduled executor gave each monitor, without a thread of its own. A task that
 * throws does not stop later ones (periodic ones included). {@link #close} drops what is queued, cancels
 * what is scheduled, and interrupts the running task (a blocked engine call gives up at once).
 */
public final class Lane implements Executor, AutoCloseable {
    private final Background background;
    private final String name;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final Set<Future<?>> timers = new HashSet<>();
    private boolean draining;
    private Thread runner;
    private boolean closed;

    Lane(Background background, String name) {
        this.background = background;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.addLast(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        background.runOnWorker(this::drain);
    }

    /** Runs the task on this lane after the delay; cancel the result to drop it. */
    public Future<?> schedule(Runnable task, long delayMillis) {
        synchronized (this) {
            if (closed) {
                return CANCELLED;
            }
            Future<?>[] self = new Future<?>[1];
            ScheduledFuture<?> f = background.onTimer(() -> {
                synchronized (this) {
                    timers.remove(self[0]);
                }
                execute(task);
            }, delayMillis);
            self[0] = f;
            if (!f.isDone()) {
                timers.add(f);
            }
            return f;
        }
    }

    /** Runs the task after {@code initialMillis}, then again {@code delayMillis} after each run ends. */
    public void everyFixedDelay(Runnable task, long initialMillis, long delayMillis) {
        schedule(new Runnable() {
            @Override
            public void run() {
                try {
                    task.run();
                } finally {
                    schedule(this, delayMillis);
                }
            }
        }, initialMillis);
    }

    /**
     * Runs the task after {@code initialMillis}, then on every beat of {@code periodMillis}: at the instants
     * the wall clock is a multiple of the period (the next one after each run ends; a run that overruns a
     * beat skips it). Monitors with commensurate periods (host 2.5 s, stats 5 s, health 15 s) so sample in
     * the same moment and their snapshots share one frame: apart, an idle console drew a frame for each.
     */
    public void everyOnTheBeat(Runnable task, long initialMillis, long periodMillis) {
        schedule(new Runnable() {
            @Override
            public void run() {
                try {
                    task.run();
                } finally {
                    schedule(this, untilNextBeat(System.currentTimeMillis(), periodMillis));
                }
            }
        }, initialMillis);
    }

    /** Milliseconds from now to the next beat of the period: the first delay of a task that is to keep the beat. */
    public static long untilNextBeatFromNow(long periodMillis) {
        return untilNextBeat(System.currentTimeMillis(), periodMillis);
    }

    /** Milliseconds from {@code nowMillis} to the next multiple of the period (a whole period when on one). */
    static long untilNextBeat(long nowMillis, long periodMillis) {
        return periodMillis - Math.floorMod(nowMillis, periodMillis);
    }

    private void drain() {
        Thread me = Thread.currentThread();
        String workerName = me.getName();
        me.setName(name);
        try {
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = closed ? null : queue.pollFirst();
                    if (task == null) {
                        draining = false;
                        runner = null;
                        return;
                    }
                    runner = me;
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    // Like a scheduled executor's task failing, but without silently ending a periodic one.
                } finally {
                    synchronized (this) {
                        runner = null;
                    }
                    // An interrupt meant for this task (close) must not reach the next one, nor another lane's.
                    Thread.interrupted();
                }
            }
        } finally {
            me.setName(workerName);
        }
    }

    /** Whether close was called. */
    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            timers.forEach(f -> f.cancel(false));
            timers.clear();
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    private static final Future<?> CANCELLED = CompletableFuture.failedFuture(new CancellationException("lane closed"));
}
