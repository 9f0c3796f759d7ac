package edm.console.logs;

import edm.console.core.Clock;
import edm.console.core.Secrets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Turns one sanitised line of one source stream into a {@link LogLine}: its time (Docker's prefix, or
 * the line's own, or the previous line's, or now), its level (continuation lines inherit it) and,
 * for access logs, the request it records, counted in the source's rolling counters.
 */
public final class LineClassifier {
    private final String source;
    private final LogLine.Origin origin;
    private final boolean dockerTimestamps;
    private final RollingCounters counters;
    private final Clock clock;
    private final ZoneId zone;
    private Instant last;
    private LogLevel lastLevel = LogLevel.NONE;

    public LineClassifier(String source, LogLine.Origin origin, boolean dockerTimestamps, RollingCounters counters,
                          Clock clock, ZoneId zone) {
        this.source = source;
        this.origin = origin;
        this.dockerTimestamps = dockerTimestamps;
        this.counters = counters;
        this.clock = clock;
        this.zone = zone;
    }

    public LogLine classify(String raw) {
        String text = raw;
        Instant time = null;
        if (dockerTimestamps) {
            LogTimestamps.Prefixed p = LogTimestamps.dockerPrefix(raw);
            if (p != null) {
                time = p.time();
                text = raw.substring(p.textStart());
            }
        }
        text = Secrets.maskUrlPasswords(text); // postgres://user:pw@... in a log line is still a secret
        AccessEntry access = AccessLogParser.parse(text);
        if (time == null) {
            time = access != null && access.time() != null ? access.time() : LogTimestamps.find(text, zone);
        }
        if (time == null) {
            time = last != null ? last : clock.now();
        }
        last = time;
        LogLevel level = LevelDetector.detect(text, access);
        if (level == LogLevel.NONE && LevelDetector.continuation(text)) {
            level = lastLevel;
        }
        lastLevel = level;
        if (counters != null) {
            counters.record(time, level, access);
        }
        return new LogLine(source, origin, time, text, level);
    }
}
