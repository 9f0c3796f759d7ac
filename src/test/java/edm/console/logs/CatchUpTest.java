package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.logs.CatchUp.Decision;
import org.junit.jupiter.api.Test;

/** The catch-up rule on a clock of its own: when to drop, when to reconnect, and what lag and skips it reports. */
class CatchUpTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_795_000_000_000L * MS; // some instant in 2026, epoch nanoseconds

    private final CatchUp c = new CatchUp();

    @Test
    void freshLinesAreKeptAndTheLagIsTheirAgeOnArrival() {
        for (int i = 0; i < 100; i++) {
            assertEquals(Decision.KEEP, c.line(T0 + i * 10 * MS, T0 + i * 10 * MS + 20 * MS));
        }
        long last = T0 + 99 * 10 * MS;
        assertEquals(20 * MS, c.lagNanos(last + 20 * MS));
        assertEquals(0, c.skippedLines());
        assertEquals(0, c.skippedNanos());
    }

    @Test
    void aQuietStreamIsNotBehind() {
        c.line(T0, T0 + 30 * MS);
        // A minute without a line: the stream is idle, that is up to date as of the last line.
        assertEquals(30 * MS, c.lagNanos(T0 + 60_000 * MS));
        // Within the first second it could still be data on its way: the line's age.
        assertEquals(500 * MS, c.lagNanos(T0 + 500 * MS));
    }

    @Test
    void fallingBehindDropsCountedLinesUntilAFreshOneArrives() {
        c.line(T0, T0 + 10 * MS);
        long now = T0 + 2_000 * MS;
        // Lines 1.5 s old on arrival: dropped unread, each counted.
        for (int i = 0; i < 3; i++) {
            assertEquals(Decision.DROP, c.line(T0 + 500 * MS, now));
        }
        assertTrue(c.dropping());
        assertEquals(Decision.DROP, c.line(T0 + 1_500 * MS, now + 100 * MS));
        assertEquals(Decision.DROP, c.line(T0 + 1_500 * MS, now + 100 * MS));
        // The newest line on screen is the one from T0; the view says how old it is.
        assertEquals(2_100 * MS, c.lagNanos(now + 100 * MS));
        // Dropping made up ground: a fresh line ends it.
        assertEquals(Decision.KEEP, c.line(now + 150 * MS, now + 200 * MS));
        assertFalse(c.dropping());
        assertEquals(5, c.skippedLines());
        assertEquals(0, c.skippedNanos(), "nothing skipped unread");
        assertEquals(50 * MS, c.lagNanos(now + 200 * MS));
    }

    @Test
    void whenDroppingGainsNothingItReconnectsAndCountsTheSpanSkippedUnread() {
        c.line(T0, T0);
        // The engine delivers ever older lines: 1.2 s, then 1.4 s, 1.6 s behind.
        assertEquals(Decision.DROP, c.line(T0 + 800 * MS, T0 + 2_000 * MS));
        assertEquals(Decision.DROP, c.line(T0 + 900 * MS, T0 + 2_300 * MS));
        assertEquals(Decision.RECONNECT, c.line(T0 + 1_000 * MS, T0 + 2_600 * MS));
        assertEquals(3, c.skippedLines());
        // Reconnected at the end of the log: the first line is from T0 + 2.62 s; 1.62 s were never read.
        assertEquals(Decision.KEEP, c.line(T0 + 2_620 * MS, T0 + 2_640 * MS));
        assertEquals(1_620 * MS, c.skippedNanos());
        assertEquals(20 * MS, c.lagNanos(T0 + 2_640 * MS));
    }

    @Test
    void droppingNeverLastsLongerThanItsLimit() {
        c.line(T0, T0);
        long now = T0 + 3_000 * MS;
        assertEquals(Decision.DROP, c.line(now - 3_000 * MS, now));
        // Gaining, but slowly: 3 s, 2.9 s, ... behind; after 1.5 s of dropping it reconnects anyway.
        Decision d = Decision.DROP;
        long t = 0;
        while (d == Decision.DROP && t < 3_000) {
            t += 100;
            d = c.line(now - 3_000 * MS + t * 2 * MS - t * MS / 10, now + t * MS);
        }
        assertEquals(Decision.RECONNECT, d);
        assertEquals(1_500, t);
    }

    @Test
    void anEngineThatIsBehindEvenRightAfterAReconnectIsNotReconnectedToInALoop() {
        c.line(T0, T0);
        assertEquals(Decision.DROP, c.line(T0, T0 + 1_500 * MS));
        assertEquals(Decision.RECONNECT, c.line(T0, T0 + 2_100 * MS));
        // Even the freshest line the engine gives is 3 s old (a remote engine's clock, a slow engine):
        long now = T0 + 10_000 * MS;
        assertEquals(Decision.KEEP, c.line(now - 3_000 * MS, now));
        for (int i = 1; i <= 20; i++) {
            assertEquals(Decision.KEEP, c.line(now - 3_000 * MS + i * 100 * MS, now + i * 100 * MS));
        }
        // ... and the view still says how far behind its lines are.
        assertEquals(3_000 * MS, c.lagNanos(now + 2_000 * MS));
    }
}
