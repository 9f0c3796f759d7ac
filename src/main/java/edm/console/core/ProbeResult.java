package edm.console.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One probe's latest result. value is a short human summary ("200 in 43 ms", "12/100 connections");
 * metrics are the numbers alert rules look at (e.g. "latencySeconds", "usedPercent", "up" = 1 or 0);
 * error is a one-line reason, empty when the probe succeeded. Never holds a secret.
 */
public record ProbeResult(String id, String kind, String target, ProbeStatus status, String value,
                          Duration latency, Instant checkedAt, String error, Map<String, Double> metrics) {
    public ProbeResult {
        metrics = Map.copyOf(metrics);
        error = error == null ? "" : error;
        value = value == null ? "" : value;
    }

    public boolean ok() {
        return status == ProbeStatus.OK;
    }

    public double metric(String name, double fallback) {
        Double v = metrics.get(name);
        return v == null ? fallback : v;
    }
}
