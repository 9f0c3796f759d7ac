package edm.console.core;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The console's background work on as few threads as it needs: one timer thread for every periodic
 * and delayed task of every monitor (a timer wheel instead of one scheduler per monitor), and a pool of
 * workers that run the tasks, each monitor's in order on its own {@link Lane}. A worker exists only while
 * some lane has work (and a while after): a sample that takes milliseconds borrows the worker the other
 * monitors use too, and only a call that blocks (a hung engine, a hung network mount) holds a worker of
 * its own meanwhile. Idle means blocked: the timer sleeps until the next deadline, workers wait for work.
 */
public final class Background {
    private static final long WORKER_KEEP_ALIVE_SECONDS = 30;
    private static final Background SHARED = new Background();

    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor workers;

    Background() {
        timer = new ScheduledThreadPoolExecutor(1, Threads.daemon("edm-timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, WORKER_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Threads.daemon("edm-worker"));
    }

    /** The process's one instance: every monitor shares its timer and workers. */
    public static Background shared() {
        return SHARED;
    }

    /** A new serial lane; {@code name} names the worker thread while it runs the lane's tasks. */
    public Lane lane(String name) {
        return new Lane(this, name);
    }

    /**
     * Runs {@code quick} on the timer thread itself after the delay. Only for work that takes
     * microseconds and never blocks (an interrupt, a flag): anything else goes through a lane.
     */
    public ScheduledFuture<?> onTimer(Runnable quick, long delayMillis) {
        return timer.schedule(quick, delayMillis, TimeUnit.MILLISECONDS);
    }

    void runOnWorker(Runnable r) {
        workers.execute(r);
    }

    /** Threads alive in the pool now (for tests: a blocked lane must not hold the others up). */
    int workerCount() {
        return workers.getPoolSize();
    }
}
