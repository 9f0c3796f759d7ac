package edm.console.checklist;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the "backup completed" item learns when the newest verified database backup was taken.
 * The backup catalogue provides it; with none bound the item is UNKNOWN ("not available"), never a pass.
 */
@FunctionalInterface
public interface BackupEvidence {
    /** Time of the newest database backup whose verification succeeded, empty when there is none. */
    Optional<Instant> newestVerifiedDatabaseBackup() throws Exception;

    /** The stand-in used when no catalogue is bound. */
    BackupEvidence NOT_AVAILABLE = () -> {
        throw new UnsupportedOperationException();
    };
}
