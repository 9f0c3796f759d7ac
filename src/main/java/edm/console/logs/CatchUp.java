package edm.console.logs;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a followed container stream close to now, and knows how far behind it is. Docker stamps every
 * line when it reads it from the container, so a line's age when it reaches us is how far the view is
 * behind. Each line is weighed as its first bytes arrive, before it is decoded. A stream that falls
 * more than {@link #BEHIND_NANOS} behind first drops lines unread (counted: the cheap way, which
 * catches up when our side was the slow one); if dropping does not gain ground within
 * {@link #PATIENCE_NANOS}, the engine itself cannot deliver as fast as the container writes, and the
 * source reconnects at the end of the log (what lies between is skipped unseen; its span is counted).
 *
 * <p>Decisions are made on one stream's callback thread; the figures are read from any thread. Times
 * are epoch nanoseconds (the caller's clock, injectable in tests).
 */
public final class CatchUp {
    /** What to do with a line. */
    public enum Decision { KEEP, DROP, RECONNECT }

    /** Lines older than this on arrival: the view is behind, start catching up; also where "following" ends. */
    public static final long BEHIND_NANOS = 1_000_000_000L;
    /** While dropping, a line this fresh ends the catch-up. */
    static final long CAUGHT_UP_NANOS = 250_000_000L;
    /** Dropping that has not made up ground after this long: the engine is the slow one, reconnect. */
    static final long PATIENCE_NANOS = 500_000_000L;
    /** Dropping never goes on longer than this: reconnecting is quicker by then. */
    static final long MAX_DROP_NANOS = 1_500_000_000L;
    /** No line for this long: the stream is idle, that is caught up as of its last line. */
    static final long IDLE_NANOS = 1_000_000_000L;
    private static final long NONE = LogTimestamps.NO_TIME;

    private boolean dropping;
    private long dropStart;
    private long dropStartLag;
    private boolean reconnected;
    private long seenBeforeReconnect = NONE;
    /** The engine's own delay as seen right after a reconnect (clock skew, a slow engine): not ours to catch up. */
    private long floor;
    private volatile long newestShown = NONE;
    private volatile long newestSeen = NONE;
    private volatile long lastArrival = NONE;
    private final AtomicLong skippedLines = new AtomicLong();
    private final AtomicLong skippedNanos = new AtomicLong();

    /** The start of a line stamped {@code lineTime} arrived at {@code now}: keep it, drop it, or reconnect. */
    public Decision line(long lineTime, long now) {
        lastArrival = now;
        long lag = now - lineTime;
        if (reconnected) {
            reconnected = false;
            if (seenBeforeReconnect != NONE && lineTime > seenBeforeReconnect) {
                skippedNanos.addAndGet(lineTime - seenBeforeReconnect);
            }
            // The freshest line the engine can give: if even that is behind, reconnecting again will not help.
            floor = lag > BEHIND_NANOS ? lag : 0;
        }
        if (lineTime > newestSeen) {
            newestSeen = lineTime;
        }
        long relative = lag - floor;
        if (dropping) {
            if (relative <= CAUGHT_UP_NANOS) {
                dropping = false;
            } else if ((now - dropStart >= PATIENCE_NANOS && relative >= dropStartLag) || now - dropStart >= MAX_DROP_NANOS) {
                dropping = false;
                reconnected = true;
                seenBeforeReconnect = newestSeen;
                skippedLines.incrementAndGet();
                return Decision.RECONNECT;
            } else {
                skippedLines.incrementAndGet();
                return Decision.DROP;
            }
        } else if (relative > BEHIND_NANOS) {
            dropping = true;
            dropStart = now;
            dropStartLag = relative;
            skippedLines.incrementAndGet();
            return Decision.DROP;
        }
        if (lineTime > newestShown) {
            newestShown = lineTime;
        }
        return Decision.KEEP;
    }

    /** A line without a timestamp we can read: kept, and it shows the stream is alive. */
    public void untimed(long now) {
        lastArrival = now;
    }

    /**
     * How far behind the newest kept line is at {@code now}: its age while lines keep coming, and its age
     * when the last one came once the stream is idle (a quiet container is not behind). Zero before any line.
     */
    public long lagNanos(long now) {
        long shown = newestShown;
        long arrival = lastArrival;
        if (shown == NONE || arrival == NONE) {
            return 0;
        }
        long reference = now - arrival > IDLE_NANOS ? arrival : now;
        return Math.max(0, reference - shown);
    }

    /** Lines dropped unread to catch up (exact). */
    public long skippedLines() {
        return skippedLines.get();
    }

    /** Log time skipped unseen by reconnecting at the end (the lines in it were never read, so not counted). */
    public long skippedNanos() {
        return skippedNanos.get();
    }

    /** The newest line time seen, kept or dropped; {@link LogTimestamps#NO_TIME} before any. */
    public long newestSeenNanos() {
        return newestSeen;
    }

    public boolean dropping() {
        return dropping;
    }
}
