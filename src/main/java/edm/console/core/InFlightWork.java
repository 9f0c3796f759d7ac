package edm.console.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The changes the console has started and not yet finished (a deploy, a rollback, a restart, a backup),
 * and whether the operator's terminal is still there. The console does not end while any runs: when the
 * terminal goes away (SSH drop, SIGHUP, SIGTERM) it finishes them, or rolls them back, and then exits.
 * What finishes after the terminal went away is handed to {@link #onFinishedWhileAway} so that the next
 * console can tell the operator.
 */
public final class InFlightWork {
    /** One running piece of work; {@link #finished} (or close) ends it. */
    public final class Ticket implements AutoCloseable {
        private final long id;
        private final String what;
        private final String subject;
        private final Instant started;
        private boolean done;

        private Ticket(long id, String what, String subject, Instant started) {
            this.id = id;
            this.what = what;
            this.subject = subject;
            this.started = started;
        }

        /**
         * Ends the work with its result. A result reached after the terminal went away is reported first,
         * and only then does the work count as ended: the console must not exit before the report is written.
         */
        public void finished(boolean ok, String result) {
            Instant lost;
            synchronized (InFlightWork.this) {
                if (done) {
                    return;
                }
                lost = terminalLostAt;
            }
            if (lost != null) {
                try {
                    awayListener.accept(new Finished(what, subject, ok, result, started, clock.now(), lost));
                } catch (RuntimeException ignored) {
                    // Reporting must never be the reason the console cannot end cleanly.
                }
            }
            close();
        }

        /** Ends the work without a result (a refusal before anything changed, or a bug). */
        @Override
        public void close() {
            synchronized (InFlightWork.this) {
                if (!done) {
                    done = true;
                    running.remove(id);
                    InFlightWork.this.notifyAll();
                }
            }
        }
    }

    /** Work that ended while nobody was watching. */
    public record Finished(String what, String subject, boolean ok, String result, Instant started, Instant finished,
                           Instant terminalLostAt) {
    }

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, String> running = new LinkedHashMap<>();
    private volatile Instant terminalLostAt;
    private volatile Consumer<Finished> awayListener = f -> { };

    public InFlightWork(Clock clock) {
        this.clock = clock;
    }

    /** Registers work about to start; what is the kind ("deploy"), subject what it acts on ("backend"). */
    public synchronized Ticket begin(String what, String subject) {
        long id = ids.incrementAndGet();
        running.put(id, what + " " + subject);
        return new Ticket(id, what, subject, clock.now());
    }

    public synchronized boolean busy() {
        return !running.isEmpty();
    }

    /** What runs now, e.g. ["deploy backend"]. */
    public synchronized List<String> running() {
        return new ArrayList<>(running.values());
    }

    /** Waits until nothing runs; false when the deadline passed first. */
    public synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!running.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The terminal is gone: from now on nothing may be drawn, and results are reported for later. */
    public void terminalLost() {
        synchronized (this) {
            if (terminalLostAt == null) {
                terminalLostAt = clock.now();
            }
            notifyAll();
        }
    }

    public boolean terminalGone() {
        return terminalLostAt != null;
    }

    public void onFinishedWhileAway(Consumer<Finished> listener) {
        this.awayListener = listener;
    }
}
