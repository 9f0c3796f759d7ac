package edm.console.ui;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The status bar clock's tick. The clock shows seconds, so the tick comes just after each second of the wall
 * clock begins: the second shown is the current one and each tick changes what the clock shows (a tick at
 * launch time + n s showed a second up to a second late, and a slow frame could make it skip one). It is
 * re-aligned at every tick, so a clock that is set (NTP step) is followed at once.
 */
final class ClockTick {
    /** A little after the second begins, so a timer firing a millisecond early still shows the new second. */
    static final long AFTER_SECOND_MILLIS = 5;

    private ClockTick() {
    }

    /** Runs {@code tick} on {@code timer} just after every second, until the timer is shut down. */
    static void start(ScheduledExecutorService timer, Runnable tick) {
        try {
            timer.schedule(() -> {
                tick.run();
                start(timer, tick);
            }, millisToNextSecond(System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    static long millisToNextSecond(long epochMillis) {
        return 1000 - Math.floorMod(epochMillis, 1000L) + AFTER_SECOND_MILLIS;
    }
}
