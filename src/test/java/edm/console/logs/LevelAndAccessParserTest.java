package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelAndAccessParserTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-29 10:00:00,123 ERROR [main] c.e.Api - failed | ERROR",
            "2026-11-29T10:00:00Z WARN  low disk | WARN",
            "INFO:root:started | INFO",
            "ERROR:root:boom | ERROR",
            "2026/11/29 10:00:00 [error] 12#12: *1 connect() failed | ERROR",
            "2026/11/29 10:00:00 [warn] 12#12: upstream buffered | WARN",
            "2026/11/29 10:00:00 [notice] 1#1: start worker | INFO",
            "time=2026-11-29T10:00:00Z level=error msg=boom | ERROR",
            "time=2026-11-29T10:00:00Z lvl=warn msg=slow | WARN",
            "{\"level\":\"error\",\"msg\":\"db down\"} | ERROR",
            "{\"ts\":1,\"level\": \"debug\"} | DEBUG",
            "FATAL: database system is shutting down | ERROR",
            "2026-11-29 10:00:00.000 UTC [1] LOG:  checkpoint starting | NONE",
            "no error was found, all fine | NONE",
            "warning: lower case prose does not count | NONE",
            "TRACE entering | DEBUG",
            "[CRITICAL] redis oom | ERROR"})
    void levelsInCommonFormats(String line, LogLevel expected) {
        assertEquals(expected, LevelDetector.detect(line, AccessLogParser.parse(line)));
    }

    @Test
    void combinedFormatWithAndWithoutRequestTime() {
        AccessEntry a = AccessLogParser.parse("203.0.113.9 - - [29/Nov/2026:10:00:00 +0800] \"GET /api/x HTTP/1.1\" 502 157 "
                + "\"-\" \"curl/8.0\"");
        assertEquals(502, a.status());
        assertEquals(Instant.parse("2026-11-29T02:00:00Z"), a.time());
        assertTrue(Double.isNaN(a.requestTimeSeconds()));
        assertEquals(LogLevel.ERROR, a.level());
        AccessEntry b = AccessLogParser.parse("10.0.0.1 - bob [29/Nov/2026:10:00:00 +0000] \"POST /login HTTP/2.0\" 404 0 "
                + "\"https://x/\" \"Mozilla/5.0 (X11)\" 0.123");
        assertEquals(404, b.status());
        assertEquals(0.123, b.requestTimeSeconds(), 1e-9);
        assertEquals(LogLevel.WARN, b.level());
        AccessEntry c = AccessLogParser.parse("10.0.0.1 - - [29/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"ua\" rt=1.5 uct=\"0.001\"");
        assertEquals(200, c.status());
        assertTrue(Double.isNaN(c.requestTimeSeconds()), "rt= not at the end: not guessed");
        AccessEntry d = AccessLogParser.parse("10.0.0.1 - - [29/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"ua\" rt=1.5");
        assertEquals(1.5, d.requestTimeSeconds(), 1e-9);
    }

    @Test
    void jsonFormat() {
        AccessEntry a = AccessLogParser.parse("{\"time_iso8601\":\"2026-11-29T10:00:00+08:00\",\"remote_addr\":\"1.2.3.4\","
                + "\"request\":\"GET / HTTP/1.1\",\"status\": \"503\",\"body_bytes_sent\":0,\"request_time\":\"2.250\"}");
        assertEquals(503, a.status());
        assertEquals(2.25, a.requestTimeSeconds(), 1e-9);
        assertEquals(Instant.parse("2026-11-29T02:00:00Z"), a.time());
        AccessEntry b = AccessLogParser.parse("{\"status\":200,\"request_time\":0.004,\"time_local\":\"29/Nov/2026:10:00:00 +0000\"}");
        assertEquals(200, b.status());
        assertEquals(0.004, b.requestTimeSeconds(), 1e-9);
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), b.time());
    }

    @Test
    void otherLinesAreNotAccessLines() {
        assertNull(AccessLogParser.parse("2026-11-29 10:00:00 INFO started"));
        assertNull(AccessLogParser.parse("{\"level\":\"info\",\"msg\":\"status ok\"}"));
        assertNull(AccessLogParser.parse("[29/Nov/2026] \"quoted\" but not nginx"));
        assertNull(AccessLogParser.parse(""));
    }

    @Test
    void timestampsOfCommonFormats() {
        assertEquals(Instant.parse("2026-11-29T10:00:00.123456789Z"),
                LogTimestamps.dockerPrefix("2026-11-29T10:00:00.123456789Z hello").time());
        assertEquals(31, LogTimestamps.dockerPrefix("2026-11-29T10:00:00.123456789Z hello").textStart());
        assertNull(LogTimestamps.dockerPrefix("hello world this is not a time"));
        assertEquals(Instant.parse("2026-11-29T10:00:00.123Z"), LogTimestamps.find("2026-11-29 10:00:00,123 INFO x", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-29T02:00:00Z"), LogTimestamps.find("2026-11-29T10:00:00+08:00 x", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), LogTimestamps.find("2026/11/29 10:00:00 [error] x", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-29T02:00:00Z"),
                LogTimestamps.find("1.2.3.4 - - [29/Nov/2026:10:00:00 +0800] \"GET /\" 200 1", ZoneOffset.UTC));
        assertNull(LogTimestamps.find("plain words", ZoneOffset.UTC));
        assertNull(LogTimestamps.find("2026-13-45 99:00:00 not a date", ZoneOffset.UTC));
    }
}
