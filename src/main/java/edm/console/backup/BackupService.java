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

    public BackupRecord backup(BackupKind kind, BackupProgress progress, Cancellation cancel) {
        // A backup killed earlier (kill -9) left its partial file; never one of a backup still running elsewhere.
        StalePartials.remove(env.dir(kind), StalePartials.PROCESSES);
        return kind == BackupKind.DATABASE ? DatabaseBackup.run(env, progress, cancel) : FilesBackup.run(env, progress, cancel);
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

    public List<String> verify(BackupRecord r, BackupKeys.Identity identity, BackupProgress progress, Cancellation cancel) {
        return BackupVerifier.verify(env, r, identity, structureTool(), progress, cancel).details();
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
     * pg_restore --list runs on the host: it reads only the table of contents and stops, which docker
     * exec's stdin cannot cope with (see ContainerExec). Without a host pg_restore the dump's header is
     * checked instead, and the report says so.
     */
    private PgTools structureTool() {
        if (env.pg() != null && env.pg().runner() instanceof HostPgRunner) {
            return env.pg();
        }
        return onPath("pg_restore") ? new PgTools(new HostPgRunner(), new DbTarget(null, 0, "", "", "")) : null;
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
