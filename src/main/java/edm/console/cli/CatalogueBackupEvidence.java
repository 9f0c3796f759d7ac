package edm.console.cli;

import edm.console.backup.BackupCatalogue;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupRecord;
import edm.console.checklist.BackupEvidence;
import edm.console.config.ConsoleConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The "backup completed" checklist evidence from the backup catalogue: when the newest database backup
 * that is complete on disk and has passed verification was taken. A backup never verified does not count.
 */
public final class CatalogueBackupEvidence implements BackupEvidence {
    private final ConsoleConfig config;

    public CatalogueBackupEvidence(ConsoleConfig config) {
        this.config = config;
    }

    @Override
    public Optional<Instant> newestVerifiedDatabaseBackup() {
        BackupCatalogue catalogue = BackupCatalogue.scan(Map.of(BackupKind.DATABASE, config.resolve(config.backups.databaseDir)));
        return catalogue.good(BackupKind.DATABASE).stream().filter(BackupRecord::verified).map(BackupRecord::created)
                .max(Instant::compareTo);
    }
}
