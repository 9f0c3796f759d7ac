package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CpuLoadTrackerTest {

    /** Ticks in OSHI's order: USER, NICE, SYSTEM, IDLE, IOWAIT, IRQ, SOFTIRQ, STEAL. */
    private static long[] ticks(long user, long system, long idle, long iowait) {
        return new long[] {user, 0, system, idle, iowait, 0, 0, 0};
    }

    @Test
    void busyShareOfElapsedTicks() {
        assertEquals(30.0, CpuLoadTracker.busyPercent(ticks(100, 0, 900, 0), ticks(120, 10, 970, 0)), 1e-9);
    }

    @Test
    void ioWaitCountsAsIdle() {
        assertEquals(20.0, CpuLoadTracker.busyPercent(ticks(0, 0, 0, 0), ticks(20, 0, 40, 40)), 1e-9);
    }

    @Test
    void counterGoingBackwardsDoesNotMakeLoadNegativeOrAbove100() {
        // iowait can decrease on some kernels; its negative delta must not shrink the total.
        double p = CpuLoadTracker.busyPercent(ticks(0, 0, 0, 500), ticks(50, 0, 50, 100));
        assertEquals(50.0, p, 1e-9);
    }

    @Test
    void noElapsedTicksIsUnknown() {
        assertTrue(Double.isNaN(CpuLoadTracker.busyPercent(ticks(5, 5, 5, 5), ticks(5, 5, 5, 5))));
    }

    @Test
    void firstUpdateMeasuresFromTheConstructionBaseline() {
        var tracker = new CpuLoadTracker(new long[][] {ticks(1000, 0, 1000, 0), ticks(0, 0, 2000, 0)});
        var load = tracker.update(new long[][] {ticks(1100, 0, 1100, 0), ticks(0, 0, 2200, 0)});
        assertEquals(List.of(50.0, 0.0), load.perCorePercent());
        assertEquals(25.0, load.totalPercent(), 1e-9);
    }

    @Test
    void tooShortIntervalKeepsBaselineAndReportsSinceBootFirst() {
        var tracker = new CpuLoadTracker(new long[][] {ticks(100, 0, 300, 0)});
        // 2 ticks elapsed: below the minimum, so the since-boot average (25 %) is reported...
        var early = tracker.update(new long[][] {ticks(102, 0, 300, 0)});
        assertEquals(25.0, early.totalPercent(), 1e-9);
        // ...and the baseline stays, so the next reading covers the whole interval since construction.
        var later = tracker.update(new long[][] {ticks(110, 0, 310, 0)});
        assertEquals(50.0, later.totalPercent(), 1e-9);
    }

    @Test
    void tooShortIntervalAfterAGoodOneRepeatsTheLastGoodValues() {
        var tracker = new CpuLoadTracker(new long[][] {ticks(0, 0, 0, 0)});
        tracker.update(new long[][] {ticks(80, 0, 20, 0)});
        assertEquals(80.0, tracker.update(new long[][] {ticks(81, 0, 20, 0)}).totalPercent(), 1e-9);
    }

    @Test
    void cpuCountChangeRestartsFromTheNewReading() {
        var tracker = new CpuLoadTracker(new long[][] {ticks(0, 0, 100, 0)});
        var load = tracker.update(new long[][] {ticks(50, 0, 50, 0), ticks(100, 0, 0, 0)});
        assertEquals(2, load.perCorePercent().size());
        assertEquals(List.of(50.0, 100.0), load.perCorePercent());
        var next = tracker.update(new long[][] {ticks(50, 0, 150, 0), ticks(200, 0, 0, 0)});
        assertEquals(List.of(0.0, 100.0), next.perCorePercent());
        assertEquals(50.0, next.totalPercent(), 1e-9);
    }
}
