package edm.console.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Health and Alerts panels' data: every probe's latest result with the time of its last success
 * (absent: never succeeded since the console started), and the alerts, firing first.
 */
public record HealthSnapshot(List<ProbeResult> probes, Map<String, Instant> lastSuccess, List<Alert> alerts,
                             long needingAttention) {
    public HealthSnapshot {
        probes = List.copyOf(probes);
        lastSuccess = Map.copyOf(lastSuccess);
        alerts = List.copyOf(alerts);
    }

    public static HealthSnapshot empty() {
        return new HealthSnapshot(List.of(), Map.of(), List.of(), 0);
    }
}
