package edm.console.host;

/** Per-second rate from two readings of a cumulative counter (bytes received, bytes sent). */
final class CounterRate {

    private CounterRate() {
    }

    /**
     * The increase per second, or 0 when nothing can be said. The counters are unsigned 64-bit values in
     * the kernel, so they are compared unsigned; a 64-bit counter does not wrap in practice (46 years at
     * 100 Gbit/s). A counter that went down was reset (interface re-created, driver reloaded) — or a
     * 32-bit counter wrapped, which cannot be told apart — so that interval reads 0 instead of a bogus spike;
     * the next interval counts from the new value.
     */
    static double perSecond(long previous, long current, long elapsedNanos) {
        if (elapsedNanos <= 0 || Long.compareUnsigned(current, previous) < 0) {
            return 0;
        }
        double delta = unsignedToDouble(current - previous);
        return delta * 1_000_000_000.0 / elapsedNanos;
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (value >>> 1) * 2.0 + (value & 1);
    }
}
