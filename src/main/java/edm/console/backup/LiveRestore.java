package edm.console.backup;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Restores a database backup over the live database — the one destructive action here. The caller has
 * already had the operator type the database's name; this takes a fresh backup first (so the restore
 * can itself be undone), restores in a single transaction ({@code --clean --if-exists}: all or nothing),
 * and writes an audit line whatever the outcome.
 */
final class LiveRestore {
    private LiveRestore() {
    }

    static BackupRecord run(BackupEnvironment env, BackupRecord r, BackupKeys.Identity identity, String typedName,
                            Map<String, String> processEnv, BackupProgress progress, Cancellation cancel) {
        PgTools pg = env.requirePg();
        String db = pg.target().database();
        if (!db.equals(typedName)) {
            throw new BackupException("backup.restore.notConfirmed", db);
        }
        if (r.kind() != BackupKind.DATABASE || !r.good()) {
            throw new BackupException("backup.drill.notDatabase", r.id());
        }
        if (r.manifest().encrypted() && identity == null) {
            throw new BackupException("backup.verify.needKey", r.id());
        }
        long t0 = System.nanoTime();
        String result = "failed";
        String message = "";
        String safety = null;
        try {
            // The safety net is a backup like any other: verified right after it is written, or no restore.
            BackupOutcome net = BackupOutcome.run(env, BackupKind.DATABASE, BackupService.listTool(env), progress, cancel);
            safety = net.record().id();
            if (net.failedVerification()) {
                throw new BackupException("backup.restore.safetyFailed", safety, net.verification().reason());
            }
            try (InputStream dump = RestoreDrill.open(r, "dump", identity)) {
                pg.restore(db, dump, RestoreDrill.plainSize(r, "dump"), List.of("--clean", "--if-exists", "--single-transaction"), cancel);
            }
            result = "ok";
            return env.catalogue().find(safety).orElse(r);
        } catch (BackupCancelledException e) {
            result = "cancelled";
            message = e.getMessage();
            throw e;
        } catch (BackupException e) {
            message = e.getMessage();
            throw e;
        } catch (IOException e) {
            message = BackupException.describe(e);
            throw new BackupException(e, "backup.error.read", message);
        } finally {
            AuditLog.append(env.projectDir(), new AuditLog.Entry(env.clock().now(), AuditLog.who(processEnv),
                    processEnv.get("SSH_CONNECTION"), "backup.restore.live", pg.target().describe(),
                    "backup " + r.id() + (safety == null ? "" : ", safety backup " + safety), result, message,
                    Duration.ofNanos(System.nanoTime() - t0).toMillis()));
        }
    }
}
