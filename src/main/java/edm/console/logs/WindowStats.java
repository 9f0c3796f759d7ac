package edm.console.logs;

import java.time.Duration;
import java.util.Map;

/**
 * What one source logged in the last {@code window}: lines by level and, for access logs, requests,
 * their rate, the share of 5xx answers (NaN without requests) and response-time percentiles in
 * seconds (NaN when the log carries no {@code $request_time}).
 */
public record WindowStats(Duration window, long lines, Map<LogLevel, Long> byLevel, long requests, long serverErrors,
                          long clientErrors, double requestsPerSecond, double serverErrorShare, long timedRequests,
                          double p50, double p90, double p99) {
    public WindowStats {
        byLevel = Map.copyOf(byLevel);
    }

    public long count(LogLevel level) {
        return byLevel.getOrDefault(level, 0L);
    }

    /** The 5xx share in percent, for thresholds written as percentages (SPEC-006: error rate > 5 %). */
    public double serverErrorPercent() {
        return serverErrorShare * 100;
    }
}
