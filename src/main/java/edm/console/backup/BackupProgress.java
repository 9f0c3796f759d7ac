package edm.console.backup;

import java.time.Duration;

/**
 * Progress of a backup action: which of its steps began (dump → write → verify), and within a long step
 * what runs, bytes so far (written, or read when verifying) and time since the step began.
 */
@FunctionalInterface
public interface BackupProgress {
    /** The steps of one backup action, in order; every backup is verified right after it is written. */
    enum Step { DUMP, WRITE, VERIFY }

    void update(String step, long bytes, Duration elapsed);

    /** A step of the action began. */
    default void step(Step step) {
    }

    BackupProgress NONE = (step, bytes, elapsed) -> { };
}
