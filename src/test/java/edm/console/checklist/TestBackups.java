package edm.console.checklist;

import java.time.Instant;
import java.util.Optional;

/** Backup evidence for tests of the checklists. */
public final class TestBackups {
    private TestBackups() {
    }

    /** One encrypted database backup taken at {@code created} whose verification passed. */
    public static BackupEvidence verified(Instant created) {
        return () -> Optional.of(new BackupEvidence.NewestBackup("db-1", created, true, BackupEvidence.Verified.PASSED,
                "812 entries, 7 tables (live database: 7 tables), 3 MiB read"));
    }
}
