package edm.console.backup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The backups as one API, the same from the CLI, a future panel and tests: take, list, verify, prune,
 * drill, restore, status. Every long operation reports progress and honours its {@link Cancellation};
 * every failure is a {@link BackupException} with one clear line.
 */
public final class BackupService {
    private final BackupEnvironment env;

    public BackupService(BackupEnvironment env) {
        this.env = env;
    }

    public BackupEnvironment environment() {
        return env;
    }

    /**
     * Takes a backup and verifies it right after, as one action (steps dump → write → verify, reported to
     * {@code progress}). A backup that fails verification is kept, with its failed record, so that the
     * operator can see it; the caller reports the outcome. A backup killed earlier (kill -9) left its partial
     * file: removed first, never one of a backup still running elsewhere.
     */
    public BackupOutcome backup(BackupKind kind, BackupProgress progress, Cancellation cancel) {
        StalePartials.remove(env.dir(kind), StalePartials.PROCESSES);
        return BackupOutcome.run(env, kind, listTool(env), progress, cancel);
    }

    public BackupCatalogue catalogue() {
        return env.catalogue();
    }

    /** The backup named by id, or the newest good one of the kind; a clear error when there is none. */
    public BackupRecord find(String id, BackupKind kindWhenNoId) {
        BackupCatalogue c = catalogue();
        Optional<BackupRecord> r = c.newestOrId(kindWhenNoId, id);
        if (r.isEmpty()) {
            throw id == null || id.isBlank() ? new BackupException("backup.error.noBackup", kindWhenNoId.word())
                    : new BackupException("backup.error.unknownId", id);
        }
        if (!r.get().good()) {
            throw new BackupException("backup.error.damaged", r.get().id(), r.get().problem());
        }
        return r.get();
    }

    /**
     * Verifies a backup and records the outcome in its manifest, passed or failed; returns that record.
     * Throws only when verification cannot run (no key for an encrypted backup, cancelled, manifest not writable).
     */
    public Verification verify(BackupRecord r, BackupKeys.Identity identity, BackupProgress progress, Cancellation cancel) {
        return BackupVerifier.verify(env, r, identity, listTool(env), progress, cancel);
    }

    public RestoreDrill.Result restoreDrill(BackupRecord r, BackupKeys.Identity identity, BackupProgress progress, Cancellation cancel) {
        return RestoreDrill.run(env, r, identity, progress, cancel);
    }

    /** Restores over the live database; {@code typedName} must be the database's name. Returns the safety backup. */
    public BackupRecord restoreLive(BackupRecord r, BackupKeys.Identity identity, String typedName, Map<String, String> processEnv,
                                    BackupProgress progress, Cancellation cancel) {
        return LiveRestore.run(env, r, identity, typedName, processEnv, progress, cancel);
    }

    public int prune(boolean dryRun, Consumer<String> out) {
        return BackupPruner.prune(env, dryRun, out);
    }

    public Map<BackupKind, BackupStatus> status() {
        Map<BackupKind, Optional<BackupAttempts.Attempt>> last = new EnumMap<>(BackupKind.class);
        for (BackupKind k : BackupKind.values()) {
            last.put(k, BackupAttempts.last(env.dir(k)));
        }
        return BackupStatus.of(catalogue(), last, env.maxAge(), env.clock().now());
    }

    /** The database name restore --live asks the operator to type. */
    public String liveDatabaseName() {
        return env.requirePg().target().database();
    }

    /**
     * Where pg_restore --list reads a dump's table of contents: on the host when it has pg_restore (it
     * reads only the table of contents and stops), else in the database container (which then drains the
     * rest of its input, see {@link PgTools#listContents}). Null when neither: verify then fails, since it
     * cannot count what the dump holds.
     */
    static PgTools listTool(BackupEnvironment env) {
        if (env.pg() != null && env.pg().runner() instanceof HostPgRunner) {
            return env.pg();
        }
        if (onPath("pg_restore")) {
            return new PgTools(new HostPgRunner(), new DbTarget(null, 0, "", "", ""));
        }
        return env.pg();
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isBlank() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
