package edm.console.logs;

import edm.console.core.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-second counters of one source over the last 15 minutes: lines by level, requests, 4xx and 5xx,
 * and a response-time histogram. A line counts in the second of its own timestamp (so the backlog
 * read at start-up lands where it belongs, and lines older than the longest window are ignored), or
 * of now when it has none or claims to be from the future. Memory is fixed: 900 slots, the
 * histogram only allocated once an access line with a response time is seen.
 */
public final class RollingCounters {
    public static final Duration LONGEST = Duration.ofMinutes(15);
    static final int SLOTS = (int) LONGEST.toSeconds();
    /** Histogram bucket i holds times up to FIRST_BOUND * GROWTH^i seconds: 1 ms .. about 2 minutes. */
    static final double FIRST_BOUND = 0.001;
    static final double GROWTH = 1.25;
    static final int BUCKETS = 54;
    private static final LogLevel[] LEVELS = LogLevel.values();

    private final Clock clock;
    private final long[] second = new long[SLOTS];
    private final int[][] levels = new int[SLOTS][LEVELS.length];
    private final int[] requests = new int[SLOTS];
    private final int[] server = new int[SLOTS];
    private final int[] client = new int[SLOTS];
    private int[][] latency;

    public RollingCounters(Clock clock) {
        this.clock = clock;
        java.util.Arrays.fill(second, Long.MIN_VALUE);
    }

    public synchronized void record(Instant lineTime, LogLevel level, AccessEntry access) {
        long now = clock.now().getEpochSecond();
        long s = lineTime == null ? now : Math.min(now, lineTime.getEpochSecond());
        if (s <= now - SLOTS) {
            return;
        }
        int i = slot(s);
        levels[i][level.ordinal()]++;
        if (access != null) {
            requests[i]++;
            if (access.serverError()) {
                server[i]++;
            } else if (access.clientError()) {
                client[i]++;
            }
            if (!Double.isNaN(access.requestTimeSeconds())) {
                if (latency == null) {
                    latency = new int[SLOTS][BUCKETS];
                }
                latency[i][bucket(access.requestTimeSeconds())]++;
            }
        }
    }

    /** Totals over the last {@code window} (at most 15 minutes), ending now. */
    public synchronized WindowStats window(Duration window) {
        long now = clock.now().getEpochSecond();
        int span = (int) Math.max(1, Math.min(SLOTS, window.toSeconds()));
        long[] lv = new long[LEVELS.length];
        long req = 0;
        long srv = 0;
        long cli = 0;
        long[] hist = new long[BUCKETS];
        for (int k = 0; k < span; k++) {
            long s = now - k;
            int i = Math.floorMod(s, SLOTS);
            if (second[i] != s) {
                continue;
            }
            for (int l = 0; l < lv.length; l++) {
                lv[l] += levels[i][l];
            }
            req += requests[i];
            srv += server[i];
            cli += client[i];
            if (latency != null) {
                for (int b = 0; b < BUCKETS; b++) {
                    hist[b] += latency[i][b];
                }
            }
        }
        Map<LogLevel, Long> byLevel = new EnumMap<>(LogLevel.class);
        long lines = 0;
        for (int l = 0; l < lv.length; l++) {
            byLevel.put(LEVELS[l], lv[l]);
            lines += lv[l];
        }
        long timed = 0;
        for (long h : hist) {
            timed += h;
        }
        return new WindowStats(Duration.ofSeconds(span), lines, byLevel, req, srv, cli, req / (double) span,
                req == 0 ? Double.NaN : srv / (double) req, timed,
                percentile(hist, timed, 0.50), percentile(hist, timed, 0.90), percentile(hist, timed, 0.99));
    }

    private int slot(long s) {
        int i = Math.floorMod(s, SLOTS);
        if (second[i] != s) {
            second[i] = s;
            java.util.Arrays.fill(levels[i], 0);
            requests[i] = 0;
            server[i] = 0;
            client[i] = 0;
            if (latency != null) {
                java.util.Arrays.fill(latency[i], 0);
            }
        }
        return i;
    }

    static int bucket(double seconds) {
        if (seconds <= FIRST_BOUND) {
            return 0;
        }
        int b = (int) Math.ceil(Math.log(seconds / FIRST_BOUND) / Math.log(GROWTH));
        return Math.min(BUCKETS - 1, Math.max(0, b));
    }

    static double upperBound(int bucket) {
        return FIRST_BOUND * Math.pow(GROWTH, bucket);
    }

    /** The upper bound of the bucket holding the q-quantile: at most 25 % above the true value. */
    private static double percentile(long[] hist, long total, double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen >= rank) {
                return upperBound(b);
            }
        }
        return upperBound(hist.length - 1);
    }
}
