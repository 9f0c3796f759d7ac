package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogFilterTest {
    private static LogLine l(String text, LogLevel level, LogLine.Origin o) {
        return new LogLine("s", o, Instant.EPOCH, text, level);
    }

    private final List<LogLine> lines = List.of(
            l("GET /api 200", LogLevel.INFO, LogLine.Origin.FILE),
            l("GET /api 502", LogLevel.ERROR, LogLine.Origin.FILE),
            l("slow query", LogLevel.WARN, LogLine.Origin.STDOUT),
            l("debugging", LogLevel.DEBUG, LogLine.Origin.STDOUT),
            l("container restarted", LogLevel.NONE, LogLine.Origin.MARKER));

    private List<String> texts(LogFilter f) {
        return f.apply(lines).stream().map(LogLine::text).toList();
    }

    @Test
    void matchModesAndLevels() {
        Pattern api = Pattern.compile("/api");
        assertEquals(5, texts(LogFilter.NONE).size());
        assertEquals(List.of("GET /api 200", "GET /api 502"), texts(LogFilter.NONE.withPattern(api).withMode(LogFilter.MatchMode.ONLY_MATCHING)));
        assertEquals(List.of("slow query", "debugging", "container restarted"),
                texts(LogFilter.NONE.withPattern(api).withMode(LogFilter.MatchMode.HIDE_MATCHING)));
        assertEquals(List.of("GET /api 502", "slow query", "container restarted"), texts(LogFilter.NONE.withMinLevel(LogLevel.WARN)),
                "markers always pass the level filter");
        assertEquals(5, texts(LogFilter.NONE.withPattern(api)).size(), "a search alone does not filter");
    }
}
