package edm.console.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database backup: pg_dump (custom format, one consistent snapshot) and pg_dumpall --globals-only,
 * each streamed through encryption into its own part, then the manifest. The manifest is written last,
 * so until then the backup does not exist for the catalogue; on failure the parts are deleted.
 */
final class DatabaseBackup {
    private DatabaseBackup() {
    }

    static BackupRecord run(BackupEnvironment env, BackupProgress progress, Cancellation cancel) {
        PgTools pg = env.requirePg();
        Path dir = env.dir(BackupKind.DATABASE);
        Instant started = env.clock().now();
        long t0 = System.nanoTime();
        String id = BackupIds.next(BackupKind.DATABASE, dir, started);
        String ext = env.recipient() == null ? "" : ".edmenc";
        List<BackupManifest.Part> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put("pg_dump", pg.version("pg_dump"));
            versions.put("edm-console", BackupIds.consoleVersion());
            cancel.check();
            parts.add(PartWriter.write(dir, id + ".dump" + ext, "dump", env.recipient(), "pg_dump", progress, cancel,
                    out -> pg.dump(out, cancel)).part());
            progress.step(BackupProgress.Step.WRITE);
            PgTools.Globals globals = pg.dumpGlobals(cancel);
            if (globals.note() != null) {
                notes.add(globals.note());
            }
            parts.add(PartWriter.write(dir, id + ".globals.sql" + ext, "globals", env.recipient(), "pg_dumpall", progress,
                    cancel, out -> out.write(globals.sql())).part());
            cancel.check();
            BackupManifest m = new BackupManifest(BackupManifest.FORMAT_VERSION, id, BackupKind.DATABASE, started,
                    parts.stream().mapToLong(BackupManifest.Part::size).sum(), parts.get(0).sha256(), env.recipient() != null,
                    env.recipient() == null ? "" : env.recipient().fingerprint(),
                    pg.runner().where() + ": " + pg.target().describe(), versions, null,
                    Duration.ofNanos(System.nanoTime() - t0).toMillis(), parts, notes);
            BackupJson.writeManifest(dir, m);
            BackupAttempts.record(dir, new BackupAttempts.Attempt(env.clock().now(), BackupKind.DATABASE, id,
                    BackupAttempts.Result.OK, "", m.durationMillis()));
            return new BackupRecord(m, dir, null);
        } catch (RuntimeException | IOException e) {
            throw failed(env, BackupKind.DATABASE, dir, id, parts, e, t0);
        }
    }

    /** Removes the parts already committed, logs the attempt, and returns the one-line exception to throw. */
    static BackupException failed(BackupEnvironment env, BackupKind kind, Path dir, String id, List<BackupManifest.Part> parts,
                                  Exception e, long t0) {
        for (BackupManifest.Part p : parts) {
            try {
                Files.deleteIfExists(dir.resolve(p.file()));
            } catch (IOException ignored) {
                // no manifest: never listed; prune removes it
            }
        }
        BackupException be = e instanceof BackupException b ? b
                : new BackupException(e, "backup.error.write", BackupException.describe(e));
        BackupAttempts.Result result = be instanceof BackupCancelledException ? BackupAttempts.Result.CANCELLED : BackupAttempts.Result.FAILED;
        BackupAttempts.record(dir, new BackupAttempts.Attempt(env.clock().now(), kind, id, result, be.getMessage(),
                Duration.ofNanos(System.nanoTime() - t0).toMillis()));
        return be;
    }
}
