package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import edm.console.core.HostSnapshot.NetworkRate;
import edm.console.host.NetworkRateTracker.InterfaceCounters;

class NetworkRateTrackerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void ratesFromSuccessiveReadingsSortedByName() {
        var tracker = new NetworkRateTracker();
        tracker.update(List.of(new InterfaceCounters("eth1", 0, 0), new InterfaceCounters("eth0", 1_000, 500)), 0);
        List<NetworkRate> rates = tracker.update(
                List.of(new InterfaceCounters("eth1", 10, 20), new InterfaceCounters("eth0", 5_000, 2_500)), 2 * SECOND);
        assertEquals(List.of(new NetworkRate("eth0", 2_000, 1_000), new NetworkRate("eth1", 5, 10)), rates);
    }

    @Test
    void newInterfaceReadsZeroUntilItHasTwoReadings() {
        var tracker = new NetworkRateTracker();
        tracker.update(List.of(), 0);
        assertEquals(List.of(new NetworkRate("eth0", 0, 0)),
                tracker.update(List.of(new InterfaceCounters("eth0", 9_000, 9_000)), SECOND));
        assertEquals(List.of(new NetworkRate("eth0", 1_000, 0)),
                tracker.update(List.of(new InterfaceCounters("eth0", 10_000, 9_000)), 2 * SECOND));
    }

    @Test
    void interfaceThatDisappearedAndCameBackStartsOver() {
        var tracker = new NetworkRateTracker();
        tracker.update(List.of(new InterfaceCounters("wg0", 100, 100)), 0);
        tracker.update(List.of(), SECOND);
        // Without forgetting, 100 -> 1_000_000 over 2 s would read as 500 kB/s of traffic that never happened here.
        assertEquals(List.of(new NetworkRate("wg0", 0, 0)),
                tracker.update(List.of(new InterfaceCounters("wg0", 1_000_000, 100)), 2 * SECOND));
    }

    @Test
    void resetCounterReadsZeroThenCountsFromTheNewValue() {
        var tracker = new NetworkRateTracker();
        tracker.update(List.of(new InterfaceCounters("eth0", 50_000, 50_000)), 0);
        assertEquals(List.of(new NetworkRate("eth0", 0, 0)),
                tracker.update(List.of(new InterfaceCounters("eth0", 100, 100)), SECOND));
        assertEquals(List.of(new NetworkRate("eth0", 100, 0)),
                tracker.update(List.of(new InterfaceCounters("eth0", 200, 100)), 2 * SECOND));
    }
}
