package edm.console.backup;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The pg_dump / pg_dumpall / pg_restore / psql calls the backups need, through a {@link PgRunner}. */
public final class PgTools {
    /** Every user table (and partitioned parent) with its exact row count, in one round trip. */
    static final String ROW_COUNTS_SQL = "SELECT format('%I.%I', n.nspname, c.relname), "
            + "(xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND NOT c.relispartition ORDER BY 1";

    /**
     * User tables as pg_dump writes them (one TABLE entry each, partitions included): ordinary and
     * partitioned tables outside the system schemas that no extension owns.
     */
    static final String TABLE_COUNT_SQL = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' "
            + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";
    /** A table's own entry in pg_restore --list ("TABLE DATA" and "TABLE ATTACH" are other entries). */
    private static final Pattern TABLE_ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ TABLE (?!DATA |ATTACH )");

    /** What a dump's table of contents holds. */
    public record Contents(int entries, int tables) {
        /** Counts the entries (non-comment lines) and the tables of pg_restore --list output. */
        public static Contents of(String toc) {
            List<String> lines = toc.lines().filter(l -> !l.isBlank() && !l.startsWith(";")).toList();
            int tables = (int) lines.stream().filter(l -> TABLE_ENTRY.matcher(l).find()).count();
            return new Contents(lines.size(), tables);
        }
    }

    private final PgRunner runner;
    private final DbTarget target;

    public PgTools(PgRunner runner, DbTarget target) {
        this.runner = runner;
        this.target = target;
    }

    public PgRunner runner() {
        return runner;
    }

    public DbTarget target() {
        return target;
    }

    /** A consistent snapshot of the database in pg_dump's custom format (compressed, restorable selectively). */
    public void dump(OutputStream out, Cancellation cancel) {
        List<String> argv = new ArrayList<>(List.of("pg_dump", "--format=custom"));
        argv.addAll(target.connectionArgs());
        argv.add("--dbname=" + target.database());
        check("pg_dump", runner.run(argv, target.env(), null, 0, out, cancel));
    }

    /** Roles and tablespaces as SQL, and a note when they had to be taken without role passwords. */
    public record Globals(byte[] sql, String note) {
    }

    /**
     * Roles and tablespaces ({@code pg_dumpall --globals-only}); small, so held in memory. Reading role
     * passwords needs a superuser; for another user the roles are taken without passwords, with a note.
     */
    public Globals dumpGlobals(Cancellation cancel) {
        List<String> argv = new ArrayList<>(List.of("pg_dumpall", "--globals-only"));
        argv.addAll(target.connectionArgs());
        argv.add("--database=" + target.database());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PgRunner.Result r = runner.run(argv, target.env(), null, 0, new LimitedSink(out, 64 << 20), cancel);
        if (r.ok()) {
            return new Globals(out.toByteArray(), null);
        }
        out.reset();
        argv.add("--no-role-passwords");
        check("pg_dumpall", runner.run(argv, target.env(), null, 0, new LimitedSink(out, 64 << 20), cancel));
        return new Globals(out.toByteArray(), "globals without role passwords (not a superuser)");
    }

    public String version(String tool) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PgRunner.Result r = runner.run(List.of(tool, "--version"), Map.of(), null, 0, out, Cancellation.none());
        check(tool, r);
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    /**
     * pg_restore --list over a custom-format dump on stdin: the table of contents must read. In the
     * container the rest of the input is drained after pg_restore stops reading, so the exec's stdin
     * (which must be read to its announced end) never blocks.
     */
    public Contents listContents(InputStream dump, long size, Cancellation cancel) {
        ByteArrayOutputStream toc = new ByteArrayOutputStream();
        List<String> argv = runner instanceof ContainerPgRunner
                ? List.of("sh", "-c", "pg_restore --list; rc=$?; cat >/dev/null; exit $rc")
                : List.of("pg_restore", "--list");
        check("pg_restore --list", runner.run(argv, Map.of(), dump, size, new LimitedSink(toc, 16 << 20), cancel));
        return Contents.of(toc.toString(StandardCharsets.UTF_8));
    }

    /** Tables in the live database ({@link #TABLE_COUNT_SQL}). */
    public int liveTableCount() {
        String out = sql(target.database(), TABLE_COUNT_SQL).strip();
        try {
            return Integer.parseInt(out);
        } catch (NumberFormatException e) {
            throw new BackupException("backup.error.tool", "psql", 0, out.isEmpty() ? "-" : out);
        }
    }

    /** Restores a custom-format dump from stdin into {@code database}; {@code extra} adds e.g. --clean. */
    public void restore(String database, InputStream dump, long size, List<String> extra, Cancellation cancel) {
        List<String> argv = new ArrayList<>(List.of("pg_restore", "--no-owner", "--no-acl", "--exit-on-error"));
        argv.addAll(extra);
        argv.addAll(target.connectionArgs());
        argv.add("--dbname=" + database);
        check("pg_restore", runner.run(argv, target.env(), dump, size, OutputStream.nullOutputStream(), cancel));
    }

    /** Runs one SQL statement in {@code database}; returns psql's unaligned output. */
    public String sql(String database, String statement) {
        List<String> argv = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"));
        argv.addAll(target.connectionArgs());
        argv.addAll(List.of("--dbname=" + database, "-c", statement));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        check("psql", runner.run(argv, target.env(), null, 0, new LimitedSink(out, 16 << 20), Cancellation.none()));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Exact row count of every user table, by qualified name. */
    public Map<String, Long> rowCounts(String database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : sql(database, ROW_COUNTS_SQL).split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                counts.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).strip()));
            }
        }
        return counts;
    }

    public static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void check(String tool, PgRunner.Result r) {
        if (!r.ok()) {
            throw new BackupException("backup.error.tool", tool, r.exitCode(), r.stderr().isBlank() ? "-" : r.stderr());
        }
    }

    /** Keeps at most {@code limit} bytes; a runaway output cannot fill memory. */
    private static final class LimitedSink extends OutputStream {
        private final ByteArrayOutputStream out;
        private final int limit;

        LimitedSink(ByteArrayOutputStream out, int limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            if (out.size() < limit) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(b, off, Math.max(0, Math.min(len, limit - out.size())));
        }
    }
}
