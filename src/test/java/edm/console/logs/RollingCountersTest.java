package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollingCountersTest {
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final RollingCounters c = new RollingCounters(() -> now);

    private static AccessEntry req(int status, double rt) {
        return new AccessEntry(null, status, rt);
    }

    @Test
    void requestRateAndServerErrorShareOverOneFiveAndFifteenMinutes() {
        // 10 minutes ago: 100 requests, 50 of them 5xx. Last minute: 60 requests, 3 of them 5xx.
        for (int i = 0; i < 100; i++) {
            c.record(now.minusSeconds(600), i % 2 == 0 ? LogLevel.ERROR : LogLevel.INFO, req(i % 2 == 0 ? 500 : 200, Double.NaN));
        }
        for (int i = 0; i < 60; i++) {
            c.record(now.minusSeconds(i), i < 3 ? LogLevel.ERROR : LogLevel.INFO, req(i < 3 ? 503 : 200, Double.NaN));
        }
        WindowStats m1 = c.window(Duration.ofMinutes(1));
        assertEquals(60, m1.requests());
        assertEquals(3, m1.serverErrors());
        assertEquals(0.05, m1.serverErrorShare(), 1e-9);
        assertEquals(1.0, m1.requestsPerSecond(), 1e-9);
        WindowStats m5 = c.window(Duration.ofMinutes(5));
        assertEquals(60, m5.requests());
        WindowStats m15 = c.window(Duration.ofMinutes(15));
        assertEquals(160, m15.requests());
        assertEquals(53, m15.serverErrors());
        assertEquals(53, m15.count(LogLevel.ERROR));
        assertEquals(107, m15.count(LogLevel.INFO));
        assertEquals(160, m15.lines());
    }

    @Test
    void oldCountsFallOutAsTheClockMoves() {
        c.record(now, LogLevel.WARN, null);
        assertEquals(1, c.window(Duration.ofMinutes(1)).count(LogLevel.WARN));
        now = now.plusSeconds(61);
        assertEquals(0, c.window(Duration.ofMinutes(1)).count(LogLevel.WARN));
        assertEquals(1, c.window(Duration.ofMinutes(5)).count(LogLevel.WARN));
        now = now.plusSeconds(15 * 60);
        assertEquals(0, c.window(Duration.ofMinutes(15)).lines());
        // A slot reused 15 minutes later starts from zero, not from the old count.
        c.record(now, LogLevel.WARN, null);
        assertEquals(1, c.window(Duration.ofMinutes(15)).count(LogLevel.WARN));
    }

    @Test
    void linesOlderThanTheLongestWindowAreIgnoredAndFutureOnesCountNow() {
        c.record(now.minus(Duration.ofMinutes(20)), LogLevel.ERROR, null);
        c.record(now.plusSeconds(3600), LogLevel.ERROR, null);
        assertEquals(1, c.window(Duration.ofMinutes(15)).count(LogLevel.ERROR));
        assertEquals(1, c.window(Duration.ofMinutes(1)).count(LogLevel.ERROR));
    }

    @Test
    void responseTimePercentilesWithinABucketWidth() {
        for (int i = 1; i <= 1000; i++) {
            c.record(now, LogLevel.INFO, req(200, i / 1000.0)); // 1 ms .. 1 s, uniform
        }
        WindowStats w = c.window(Duration.ofMinutes(1));
        assertEquals(1000, w.timedRequests());
        assertBetween(0.500, w.p50(), 0.500 * 1.25);
        assertBetween(0.900, w.p90(), 0.900 * 1.25);
        assertBetween(0.990, w.p99(), 0.990 * 1.25);
    }

    @Test
    void noRequestsMeansNoShareAndNoPercentiles() {
        c.record(now, LogLevel.INFO, null);
        WindowStats w = c.window(Duration.ofMinutes(1));
        assertTrue(Double.isNaN(w.serverErrorShare()));
        assertTrue(Double.isNaN(w.p50()));
        assertEquals(0, w.requests());
    }

    @Test
    void metricsExposeTheThreeStandardWindowsPerSource() {
        LogMetrics m = new LogMetrics(() -> now);
        m.counters("nginx/access.log").record(now, LogLevel.ERROR, req(500, 0.2));
        LogMetrics.SourceMetrics s = m.of("nginx/access.log").orElseThrow();
        assertEquals(1.0, s.lastMinute().serverErrorShare(), 1e-9);
        assertEquals(100.0, s.lastFifteenMinutes().serverErrorPercent(), 1e-9);
        assertTrue(m.of("other").isEmpty());
    }

    private static void assertBetween(double low, double actual, double high) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }
}
