package edm.console.docker;

import edm.console.core.Background;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Deadlines that really hold on the engine's unix socket. docker-java talks to a unix socket through
 * a {@link java.nio.channels.SocketChannel}, whose streams ignore the socket read timeout: a SIGSTOPed
 * dockerd accepts the connection (the kernel's backlog) and then never answers, and the read waits
 * forever. Such a channel is interruptible, though: interrupting the blocked thread closes the channel
 * and the read fails at once. A deadline interrupts the thread that armed it when it passes.
 * <p>
 * On a TCP endpoint the interrupt does nothing to a blocked socket; there the transport's own socket
 * timeouts hold, because plain sockets honour them.
 * <p>
 * The deadlines run on the console's one timer thread ({@link Background}): firing one is an interrupt.
 */
final class EngineDeadline implements AutoCloseable {
    private static final Background WATCHDOG = Background.shared();
    private static final Duration REPEAT = Duration.ofMillis(50);

    private final Thread thread;
    private final Duration limit;
    private ScheduledFuture<?> pending;
    private boolean done;
    private boolean fired;

    private EngineDeadline(Thread thread, Duration limit) {
        this.thread = thread;
        this.limit = limit;
    }

    /** Arms a deadline for the calling thread; close it when the guarded call returns. */
    static EngineDeadline arm(Duration limit) {
        EngineDeadline d = new EngineDeadline(Thread.currentThread(), limit);
        d.restart();
        return d;
    }

    /** Progress was made (body bytes sent or read): the deadline starts again from now. */
    synchronized void restart() {
        if (done || fired) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = WATCHDOG.onTimer(this::fire, limit.toMillis());
    }

    private synchronized void fire() {
        if (!done) {
            fired = true;
            thread.interrupt();
            // The transport retries an idempotent request whose connection broke, on a fresh connection
            // that would wait again without a deadline: interrupt again until the call gives up.
            pending = WATCHDOG.onTimer(this::fire, REPEAT.toMillis());
        }
    }

    /** Whether the deadline passed before the call returned. */
    synchronized boolean fired() {
        return fired;
    }

    Duration limit() {
        return limit;
    }

    /**
     * Disarms. When the deadline fired, the interrupt it sent is cleared here: it was meant for the
     * blocked read, not for whatever the thread does next.
     */
    @Override
    public synchronized void close() {
        if (done) {
            return;
        }
        done = true;
        if (pending != null) {
            pending.cancel(false);
        }
        if (fired && thread == Thread.currentThread()) {
            Thread.interrupted();
        }
    }
}
