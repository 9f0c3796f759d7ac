package edm.console.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SPEC-006's "定期测试恢复流程": restores a database backup into a scratch database
 * ({@code edm_restore_drill_<timestamp>}, never the live one), compares every table's row count with
 * the source, drops the scratch database whatever happened, and appends the result to the drill log.
 * The source is read now, not at backup time: on a busy database a difference is reported per table.
 */
public final class RestoreDrill {
    public static final String SCRATCH_PREFIX = "edm_restore_drill_";

    /** The drill log line. */
    public record Result(Instant time, String backupId, String scratchDatabase, String source, boolean ok, int tables,
                  List<String> differences, String error, long durationMillis) {
    }

    private RestoreDrill() {
    }

    static Result run(BackupEnvironment env, BackupRecord r, BackupKeys.Identity identity, BackupProgress progress, Cancellation cancel) {
        if (r.kind() != BackupKind.DATABASE) {
            throw new BackupException("backup.drill.notDatabase", r.id());
        }
        if (r.manifest().encrypted() && identity == null) {
            throw new BackupException("backup.verify.needKey", r.id());
        }
        PgTools pg = env.requirePg();
        String live = pg.target().database();
        String scratch = SCRATCH_PREFIX + BackupIds.stamp(env.clock().now()).toLowerCase();
        if (scratch.equals(live)) {
            throw new BackupException("backup.drill.scratchIsLive", scratch);
        }
        long t0 = System.nanoTime();
        Result result;
        boolean created = false;
        try {
            pg.sql(live, "CREATE DATABASE " + PgTools.quoteIdent(scratch));
            created = true;
            progress.update("pg_restore → " + scratch, 0, Duration.ZERO);
            try (InputStream dump = open(r, "dump", identity)) {
                pg.restore(scratch, dump, plainSize(r, "dump"), List.of(), cancel);
            }
            cancel.check();
            Map<String, Long> source = pg.rowCounts(live);
            Map<String, Long> restored = pg.rowCounts(scratch);
            List<String> diffs = new ArrayList<>();
            for (String table : new TreeSet<>(union(source, restored))) {
                Long a = source.get(table);
                Long b = restored.get(table);
                if (!java.util.Objects.equals(a, b)) {
                    diffs.add(table + ": source " + (a == null ? "-" : a) + ", restored " + (b == null ? "-" : b));
                }
            }
            result = new Result(env.clock().now(), r.id(), scratch, pg.target().describe(), diffs.isEmpty(), restored.size(), diffs,
                    null, Duration.ofNanos(System.nanoTime() - t0).toMillis());
        } catch (BackupCancelledException e) {
            throw e;
        } catch (BackupException e) {
            result = new Result(env.clock().now(), r.id(), scratch, pg.target().describe(), false, 0, List.of(), e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - t0).toMillis());
        } catch (IOException e) {
            result = new Result(env.clock().now(), r.id(), scratch, pg.target().describe(), false, 0, List.of(),
                    BackupException.describe(e), Duration.ofNanos(System.nanoTime() - t0).toMillis());
        } finally {
            if (created) {
                dropQuietly(pg, live, scratch);
            }
        }
        try {
            AtomicFile.appendLine(env.dir(BackupKind.DATABASE).resolve(BackupCatalogue.DRILL_LOG), BackupJson.line(result));
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.write", BackupException.describe(e));
        }
        return result;
    }

    private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static void dropQuietly(PgTools pg, String live, String scratch) {
        try {
            pg.sql(live, "DROP DATABASE IF EXISTS " + PgTools.quoteIdent(scratch) + " WITH (FORCE)");
        } catch (BackupException e) {
            // Reported by the caller through the scratch name in the log; a leftover drill db is harmless.
        }
    }

    /** The decrypted content of a part, authenticated chunk by chunk as it is read. */
    static InputStream open(BackupRecord r, String role, BackupKeys.Identity identity) throws IOException {
        Path file = r.part(role);
        if (file == null) {
            throw new BackupException("backup.verify.missing", role);
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
        return r.manifest().encrypted() ? new DecryptingInputStream(in, identity) : in;
    }

    static long plainSize(BackupRecord r, String role) {
        return r.manifest().parts().stream().filter(p -> p.role().equals(role)).mapToLong(BackupManifest.Part::plainSize).findFirst().orElse(0);
    }
}
