package edm.console.backup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel switch shared by an operation and whoever may stop it (Ctrl-C hook, a panel key). Running
 * steps register what stops them (destroy a process, close an exec stream); {@link #check()} is called
 * between chunks so that a cancelled operation unwinds through its normal cleanup.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
        for (Runnable r : onCancel) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // Best effort: the step notices the flag at its next check anyway.
            }
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Throws when cancelled; call between units of work. */
    public void check() {
        if (cancelled) {
            throw new BackupCancelledException();
        }
    }

    /** Registers a stopper for the current step; returns a handle that unregisters it. */
    public Registration onCancel(Runnable stopper) {
        onCancel.add(stopper);
        if (cancelled) {
            stopper.run();
        }
        return () -> onCancel.remove(stopper);
    }

    /** Undoes {@link #onCancel}; for try-with-resources. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
