package edm.console.logs;

import edm.console.core.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rolling counts per log source, for the health and alert rules: lines by level and, for access logs,
 * request rate, 5xx share and response-time percentiles over 1, 5 and 15 minutes. Sources record every
 * line they read (also lines the view had to skip). One instance per set of followed sources: two
 * sessions following the same file must not share one, or each line counts twice.
 */
public final class LogMetrics {
    public static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

    private final Clock clock;
    private final Map<String, RollingCounters> bySource = new ConcurrentHashMap<>();

    public LogMetrics(Clock clock) {
        this.clock = clock;
    }

    /** The counters a source records into (created on first use). */
    public RollingCounters counters(String source) {
        return bySource.computeIfAbsent(source, s -> new RollingCounters(clock));
    }

    public List<String> sources() {
        return bySource.keySet().stream().sorted().toList();
    }

    /** One source's figures over 1, 5 and 15 minutes; empty when it logged nothing yet. */
    public Optional<SourceMetrics> of(String source) {
        RollingCounters c = bySource.get(source);
        return c == null ? Optional.empty()
                : Optional.of(new SourceMetrics(source, c.window(WINDOWS.get(0)), c.window(WINDOWS.get(1)), c.window(WINDOWS.get(2))));
    }

    /** A source's figures over the three standard windows. */
    public record SourceMetrics(String source, WindowStats lastMinute, WindowStats lastFiveMinutes,
                                WindowStats lastFifteenMinutes) {
    }
}
