package edm.console.cli;

import edm.console.backup.BackupCatalogue;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupRecord;
import edm.console.backup.Verification;
import edm.console.backup.VerificationText;
import edm.console.checklist.BackupEvidence;
import edm.console.config.ConsoleConfig;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.util.Map;
import java.util.Optional;

/**
 * The "backup completed" checklist evidence from the backup catalogue: the newest database backup that
 * is complete on disk, with its verification record from the manifest (the record every view reads).
 */
public final class CatalogueBackupEvidence implements BackupEvidence {
    private final ConsoleConfig config;

    public CatalogueBackupEvidence(ConsoleConfig config) {
        this.config = config;
    }

    @Override
    public Optional<NewestBackup> newestDatabaseBackup() {
        BackupCatalogue catalogue = BackupCatalogue.scan(Map.of(BackupKind.DATABASE, config.resolve(config.backups.databaseDir)));
        return catalogue.good(BackupKind.DATABASE).stream().findFirst().map(CatalogueBackupEvidence::of);
    }

    static NewestBackup of(BackupRecord r) {
        Verification v = r.verification();
        Verified verified = v == null ? Verified.NEVER : v.passed() ? Verified.PASSED : Verified.FAILED;
        String text = v == null ? "" : v.passed() ? VerificationText.checked(v, Messages.current(), Format.current()) : v.reason();
        return new NewestBackup(r.id(), r.created(), r.manifest().encrypted(), verified, text);
    }
}
