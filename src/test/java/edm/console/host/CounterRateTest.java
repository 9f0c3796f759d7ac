package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void increasePerSecond() {
        assertEquals(500.0, CounterRate.perSecond(1_000, 2_000, 2 * SECOND), 1e-9);
    }

    @Test
    void noElapsedTimeGivesZeroNotInfinity() {
        assertEquals(0.0, CounterRate.perSecond(1_000, 2_000, 0));
        assertEquals(0.0, CounterRate.perSecond(1_000, 2_000, -5));
    }

    @Test
    void counterResetGivesZeroInsteadOfASpike() {
        assertEquals(0.0, CounterRate.perSecond(4_000_000_000L, 1_000, SECOND));
    }

    @Test
    void countersAboveSignedRangeAreUnsigned() {
        long previous = Long.MAX_VALUE - 99;     // 2^63 - 100
        long current = Long.MIN_VALUE + 100;     // 2^63 + 100 as unsigned, negative as a Java long
        assertEquals(200.0, CounterRate.perSecond(previous, current, SECOND), 1e-9);
    }

    @Test
    void wrapIsIndistinguishableFromResetAndReadsZero() {
        assertEquals(0.0, CounterRate.perSecond(-10L /* 2^64 - 10 */, 10, SECOND));
        assertEquals(0.0, CounterRate.perSecond(0xFFFF_FF00L /* near the top of a 32-bit counter */, 10, SECOND));
    }
}
