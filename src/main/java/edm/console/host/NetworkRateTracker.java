package edm.console.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import edm.console.core.HostSnapshot.NetworkRate;

/** Bytes per second per interface from successive counter readings. Pure: counters and time are handed in. */
final class NetworkRateTracker {

    /** Cumulative byte counters of one interface at one reading. */
    record InterfaceCounters(String name, long bytesReceived, long bytesSent) {
    }

    private record Reading(long bytesReceived, long bytesSent, long nanoTime) {
    }

    private Map<String, Reading> previous = new HashMap<>();

    /**
     * Rates since the previous reading, sorted by interface name. An interface seen for the first time has
     * no previous reading and reads 0 until the next call; interfaces that disappeared are forgotten.
     */
    List<NetworkRate> update(List<InterfaceCounters> counters, long nanoTime) {
        Map<String, Reading> current = new HashMap<>();
        List<NetworkRate> rates = new ArrayList<>(counters.size());
        for (InterfaceCounters c : counters) {
            Reading before = previous.get(c.name());
            double rx = 0;
            double tx = 0;
            if (before != null) {
                long elapsed = nanoTime - before.nanoTime();
                rx = CounterRate.perSecond(before.bytesReceived(), c.bytesReceived(), elapsed);
                tx = CounterRate.perSecond(before.bytesSent(), c.bytesSent(), elapsed);
            }
            current.put(c.name(), new Reading(c.bytesReceived(), c.bytesSent(), nanoTime));
            rates.add(new NetworkRate(c.name(), rx, tx));
        }
        previous = current;
        rates.sort(Comparator.comparing(NetworkRate::name));
        return rates;
    }
}
