package edm.console.backup;

import edm.console.i18n.Messages;

/**
 * A backup action's result: the backup written, and its verification right after — the record written
 * into its manifest, or null with {@code notVerified} saying why verification could not run (an
 * encrypted backup without the private key on this machine).
 */
public record BackupOutcome(BackupRecord record, Verification verification, String notVerified) {
    public boolean verified() {
        return verification != null && verification.passed();
    }

    public boolean failedVerification() {
        return verification != null && !verification.passed();
    }

    /** Writes the backup, then verifies it with the configured private key; one action. */
    static BackupOutcome run(BackupEnvironment env, BackupKind kind, PgTools listTool, BackupProgress progress, Cancellation cancel) {
        progress.step(BackupProgress.Step.DUMP);
        BackupRecord r = kind == BackupKind.DATABASE ? DatabaseBackup.run(env, progress, cancel) : FilesBackup.run(env, progress, cancel);
        progress.step(BackupProgress.Step.VERIFY);
        BackupKeys.Identity identity;
        try {
            identity = env.identity(null);
        } catch (BackupException e) {
            return new BackupOutcome(r, null, e.getMessage());
        }
        if (r.manifest().encrypted() && identity == null) {
            return new BackupOutcome(r, null, Messages.t("backup.verify.needKey", r.id()));
        }
        Verification v = BackupVerifier.verify(env, r, identity, listTool, progress, cancel);
        return new BackupOutcome(new BackupRecord(r.manifest().withVerification(v), r.dir(), null), v, null);
    }
}
