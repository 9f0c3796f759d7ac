package edm.console.host;

import java.util.ArrayList;
import java.util.List;

import oshi.hardware.CentralProcessor.TickType;

/**
 * CPU busy percentages from the kernel's cumulative tick counters (one long[] per logical CPU, indexed by
 * OSHI's {@link TickType}). A percentage needs two readings; this class keeps the previous one. Pure: the
 * ticks are handed in, so it is tested without an OS.
 *
 * <p>The very first reading has no predecessor, and a reading taken only a few milliseconds after the
 * previous one holds too few ticks to mean anything (the kernel counts in 10 ms steps). In both cases the
 * values reported are the averages since boot for the first reading, else the last good values, and the
 * baseline is kept so that the next reading spans a longer interval.
 */
final class CpuLoadTracker {

    /** At 100 ticks per second and per CPU: a reading must span at least ~100 ms to be reported. */
    static final long MIN_TICKS_PER_CPU = 10;

    private static final int IDLE = TickType.IDLE.getIndex();
    private static final int IOWAIT = TickType.IOWAIT.getIndex();

    /** CPU percentages of one reading: the whole machine and one entry per logical CPU, each 0..100. */
    record CpuLoad(double totalPercent, List<Double> perCorePercent) {
        CpuLoad {
            perCorePercent = List.copyOf(perCorePercent);
        }
    }

    private long[][] baseline;
    private CpuLoad last;

    CpuLoadTracker(long[][] initialTicks) {
        this.baseline = copy(initialTicks);
        this.last = sinceBoot(initialTicks);
    }

    /** The load between the baseline and these ticks; moves the baseline when the interval is long enough. */
    CpuLoad update(long[][] ticks) {
        if (ticks.length != baseline.length) {
            // CPUs went on- or offline: per-CPU deltas no longer line up, so start over from here.
            baseline = copy(ticks);
            last = sinceBoot(ticks);
            return last;
        }
        long[] previousTotal = sum(baseline);
        long[] currentTotal = sum(ticks);
        if (elapsedTicks(previousTotal, currentTotal) < MIN_TICKS_PER_CPU * ticks.length) {
            return last;
        }
        List<Double> perCore = new ArrayList<>(ticks.length);
        for (int i = 0; i < ticks.length; i++) {
            perCore.add(orZero(busyPercent(baseline[i], ticks[i])));
        }
        last = new CpuLoad(orZero(busyPercent(previousTotal, currentTotal)), perCore);
        baseline = copy(ticks);
        return last;
    }

    /**
     * Busy share of the ticks that elapsed between two readings, 0..100, or NaN when none elapsed.
     * I/O wait counts as idle (as in top): the CPU was free to run something else. A counter that went
     * backwards (some kernels let iowait do so) contributes nothing rather than a negative amount.
     */
    static double busyPercent(long[] previous, long[] current) {
        long total = 0;
        long idle = 0;
        for (int i = 0; i < current.length; i++) {
            long delta = Math.max(0, current[i] - (i < previous.length ? previous[i] : 0));
            total += delta;
            if (i == IDLE || i == IOWAIT) {
                idle += delta;
            }
        }
        if (total <= 0) {
            return Double.NaN;
        }
        return clampPercent(100.0 * (total - idle) / total);
    }

    private static long elapsedTicks(long[] previous, long[] current) {
        long total = 0;
        for (int i = 0; i < current.length; i++) {
            total += Math.max(0, current[i] - (i < previous.length ? previous[i] : 0));
        }
        return total;
    }

    private static CpuLoad sinceBoot(long[][] ticks) {
        long[] zero = new long[TickType.values().length];
        List<Double> perCore = new ArrayList<>(ticks.length);
        for (long[] core : ticks) {
            perCore.add(orZero(busyPercent(zero, core)));
        }
        return new CpuLoad(orZero(busyPercent(zero, sum(ticks))), perCore);
    }

    /** The kernel's machine-wide line is the sum of the per-CPU lines, so one read serves both. */
    private static long[] sum(long[][] ticks) {
        long[] total = new long[TickType.values().length];
        for (long[] core : ticks) {
            for (int i = 0; i < total.length && i < core.length; i++) {
                total[i] += core[i];
            }
        }
        return total;
    }

    private static long[][] copy(long[][] ticks) {
        long[][] copy = new long[ticks.length][];
        for (int i = 0; i < ticks.length; i++) {
            copy[i] = ticks[i].clone();
        }
        return copy;
    }

    private static double orZero(double percent) {
        return Double.isNaN(percent) ? 0 : percent;
    }

    static double clampPercent(double percent) {
        return Math.max(0, Math.min(100, percent));
    }
}
