package edm.console.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C as a request to stop cleanly: SIGINT runs the shutdown hook, which flags the request (and runs
 * {@code onRequest}), then holds the JVM until the work calls {@link #finished()} — so half-written
 * files are removed, or a half-done workflow rolled back, before the process exits.
 */
final class CtrlCStop {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    CtrlCStop(String name, Duration waitAtMost, Runnable onRequest) {
        this.hook = new Thread(() -> {
            requested.set(true);
            onRequest.run();
            try {
                done.await(waitAtMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested.get();
    }

    /** The work has ended (and cleaned up): the JVM may exit now. */
    void finished() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that done is counted down
        }
    }
}
