package edm.console.checklist;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the "backup completed" item learns about the newest complete database backup: when it was
 * taken, whether it is encrypted, and its verification record — the same record the Backups panel,
 * {@code backup status} and {@code check} read. With none bound the item is UNKNOWN ("not available"),
 * never a pass.
 */
@FunctionalInterface
public interface BackupEvidence {
    /** The last verification's outcome; NEVER when the backup was never verified. */
    enum Verified { PASSED, FAILED, NEVER }

    /**
     * @param verification what was checked (passed) or why it failed; empty when never verified
     */
    record NewestBackup(String id, Instant created, boolean encrypted, Verified verified, String verification) {
    }

    /** The newest complete database backup, empty when there is none. */
    Optional<NewestBackup> newestDatabaseBackup() throws Exception;

    /** The stand-in used when no catalogue is bound. */
    BackupEvidence NOT_AVAILABLE = () -> {
        throw new UnsupportedOperationException();
    };
}
