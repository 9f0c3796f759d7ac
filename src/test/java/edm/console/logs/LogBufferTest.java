package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBufferTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static LogLine line(String src, int second, String text) {
        return new LogLine(src, LogLine.Origin.STDOUT, T0.plusSeconds(second), text, LogLevel.NONE);
    }

    @Test
    void keepsTheNewestLinesUpToTheLineLimit() {
        LogBuffer b = new LogBuffer(3, 1 << 20);
        for (int i = 0; i < 10; i++) {
            b.append(line("a", i, "l" + i));
        }
        assertEquals(List.of("l7", "l8", "l9"), b.snapshot().stream().map(LogLine::text).toList());
        assertEquals(10, b.received());
        assertEquals(7, b.evicted());
    }

    @Test
    void byteLimitEvictsOldLinesAndStaysFlat() {
        LogLine big = line("a", 0, "x".repeat(1000));
        LogBuffer b = new LogBuffer(10_000, 10 * big.weight());
        for (int i = 0; i < 1000; i++) {
            b.append(line("a", i, "x".repeat(1000)));
        }
        assertEquals(10, b.size());
        assertTrue(b.bytes() <= 10 * big.weight());
        b.append(line("a", 2000, "y".repeat(100_000)));
        assertEquals(1, b.size(), "a line bigger than the limit still shows, alone");
    }

    @Test
    void backlogsMergeByTimeIntoWhatIsThere() {
        LogBuffer b = new LogBuffer(100, 1 << 20);
        b.appendAll(List.of(line("a", 1, "a1"), line("a", 5, "a5")));
        b.mergeByTime(List.of(line("b", 0, "b0"), line("b", 3, "b3"), line("b", 9, "b9")));
        assertEquals(List.of("b0", "a1", "b3", "a5", "b9"), b.snapshot().stream().map(LogLine::text).toList());
        assertEquals(5, b.received());
    }

    @Test
    void mergeRespectsTheLimitAndCountsOnlyRealEvictions() {
        LogBuffer b = new LogBuffer(3, 1 << 20);
        b.appendAll(List.of(line("a", 1, "a1"), line("a", 5, "a5")));
        List<LogLine> backlog = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            backlog.add(line("b", 2 + i, "b" + i));
        }
        b.mergeByTime(backlog);
        assertEquals(List.of("b1", "b2", "a5"), b.snapshot().stream().map(LogLine::text).toList());
        assertEquals(2, b.evicted());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LogBuffer(0, 10));
    }
}
