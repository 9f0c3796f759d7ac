package edm.console.backup;

import java.time.Duration;

/** Progress of a long step: what runs, bytes so far (written, or read when verifying), time since the step began. */
@FunctionalInterface
public interface BackupProgress {
    void update(String step, long bytes, Duration elapsed);

    BackupProgress NONE = (step, bytes, elapsed) -> { };
}
