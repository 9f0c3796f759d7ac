package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups against a real PostgreSQL on the host (host mode: pg_dump with DATABASE_URL's credentials in PGPASSWORD). */
class HostBackupIT {
    static final String USER = "edm_bk_it";
    static final String DB = "edm_bk_it";
    /** Distinctive, so that a leak anywhere is found by a plain text search. */
    static final String PASSWORD = "Pw-Leak-Canary-7Qx2";
    /** A second database, empty at first, for the table-count rules. */
    static final String EMPTY_USER = "edm_bk_it_empty";
    static final String EMPTY_DB = "edm_bk_it_empty";
    static Path privateKey;
    static BackupKeys.Recipient recipient;
    static BackupKeys.Identity identity;
    static BackupKeys.Identity otherIdentity;
    static Path keys;

    @BeforeAll
    static void database(@TempDir Path tmp) {
        HostPostgres.assumeRunning();
        HostPostgres.createUserAndDatabase(USER, PASSWORD, DB);
        HostPostgres.createUserAndDatabase(EMPTY_USER, PASSWORD, EMPTY_DB);
        HostPostgres.superuserSql(DB, "SET ROLE " + USER + "; CREATE TABLE accounts AS SELECT g AS id, md5(g::text) AS email FROM generate_series(1, 20000) g",
                "SET ROLE " + USER + "; CREATE TABLE mails (id bigint primary key, body text)",
                "SET ROLE " + USER + "; INSERT INTO mails SELECT g, repeat(md5(g::text), 20) FROM generate_series(1, 3000) g",
                "SET ROLE " + USER + "; CREATE TABLE empty_table (x int)");
        keys = tmp;
        Path[] pair = BackupKeys.writePair(BackupKeys.generate(), tmp, "k");
        recipient = BackupKeys.readPublic(pair[0]);
        identity = BackupKeys.readPrivate(pair[1]);
        privateKey = pair[1];
        otherIdentity = BackupKeys.readPrivate(BackupKeys.writePair(BackupKeys.generate(), tmp, "other")[1]);
    }

    @AfterAll
    static void drop() {
        HostPostgres.dropUserAndDatabase(USER, DB);
        HostPostgres.dropUserAndDatabase(EMPTY_USER, EMPTY_DB);
    }

    static PgTools tools(PgRunner runner) {
        return new PgTools(runner, new DbTarget(HostPostgres.HOST, HostPostgres.PORT, USER, PASSWORD, DB));
    }

    static BackupEnvironment env(Path project, PgRunner runner) {
        Map<BackupKind, Path> dirs = Map.of(BackupKind.DATABASE, project.resolve("backups/database"),
                BackupKind.FILES, project.resolve("backups/files"));
        return env(project, tools(runner), recipient);
    }

    static BackupEnvironment env(Path project, PgTools pg, BackupKeys.Recipient to) {
        Map<BackupKind, Path> dirs = Map.of(BackupKind.DATABASE, project.resolve("backups/database"),
                BackupKind.FILES, project.resolve("backups/files"));
        return new BackupEnvironment(project, dirs, pg, to, List.of(project.resolve("data/uploads")), 7, 4,
                Map.of(BackupKind.DATABASE, Duration.ofHours(26), BackupKind.FILES, Duration.ofDays(8)), to == null ? null : privateKey,
                Clock.SYSTEM, ZoneOffset.UTC, 0.5);
    }

    @Test
    void backupThenVerifyThenRestoreDrillGivesEqualRowCounts(@TempDir Path project) {
        BackupService service = new BackupService(env(project, new HostPgRunner()));
        List<BackupProgress.Step> steps = new java.util.ArrayList<>();
        BackupOutcome o = service.backup(BackupKind.DATABASE, new BackupProgress() {
            @Override
            public void update(String step, long bytes, Duration elapsed) {
            }

            @Override
            public void step(Step step) {
                steps.add(step);
            }
        }, Cancellation.none());
        BackupRecord r = o.record();
        assertEquals(List.of(BackupProgress.Step.DUMP, BackupProgress.Step.WRITE, BackupProgress.Step.VERIFY), steps, "one action, its steps shown");
        assertTrue(o.verified(), "verified right after it was written: " + o);
        assertTrue(r.manifest().encrypted());
        assertEquals(recipient.fingerprint(), r.manifest().keyFingerprint());
        assertEquals(r.id(), service.catalogue().good(BackupKind.DATABASE).get(0).id());

        Verification v = service.verify(r, identity, BackupProgress.NONE, Cancellation.none());
        assertTrue(v.passed(), v.toString());
        assertEquals(3, v.tables(), "accounts, mails, empty_table");
        assertEquals(3, v.liveTables());
        assertTrue(v.entries() >= 6 && v.bytes() == r.manifest().size(), v.toString());
        assertTrue(v.details().get(0).contains("pg_restore --list"), v.details().toString());
        assertEquals(v, service.catalogue().find(r.id()).orElseThrow().verification(), "the record in the manifest is the outcome");

        RestoreDrill.Result drill = service.restoreDrill(r, identity, BackupProgress.NONE, Cancellation.none());
        assertTrue(drill.ok(), drill.toString());
        assertEquals(3, drill.tables());
        assertTrue(drill.scratchDatabase().startsWith("edm_restore_drill_"));
        String dbs = tools(new HostPgRunner()).sql(DB, "SELECT string_agg(datname, ',') FROM pg_database");
        assertFalse(dbs.contains("edm_restore_drill_"), "scratch database dropped: " + dbs);
        assertTrue(Files.exists(project.resolve("backups/database").resolve(BackupCatalogue.DRILL_LOG)));
    }

    @Test
    void aCorruptedByteATruncatedFileAndAWrongKeyEachFailVerifyWithAClearMessage(@TempDir Path project) throws IOException {
        BackupService service = new BackupService(env(project, new HostPgRunner()));
        BackupRecord r = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none()).record();
        Path dump = r.part("dump");

        BackupException wrongKey = assertThrows(BackupException.class,
                () -> service.verify(r, otherIdentity, BackupProgress.NONE, Cancellation.none()));
        assertTrue(wrongKey.getMessage().contains("Wrong key"), wrongKey.getMessage());

        byte[] original = Files.readAllBytes(dump);
        try (RandomAccessFile f = new RandomAccessFile(dump.toFile(), "rw")) {
            f.seek(original.length / 2);
            f.write(original[original.length / 2] ^ 0x20);
        }
        assertTrue(service.catalogue().find(r.id()).orElseThrow().verified(), "the wrong key says nothing about the backup");
        Verification corrupt = service.verify(r, identity, BackupProgress.NONE, Cancellation.none());
        assertFalse(corrupt.passed());
        assertTrue(corrupt.reason().contains("SHA-256 mismatch") && corrupt.reason().contains(dump.getFileName().toString()), corrupt.reason());
        assertEquals(corrupt, service.catalogue().find(r.id()).orElseThrow().verification(), "the failure is the record, with its reason");
        assertEquals(null, service.catalogue().find(r.id()).orElseThrow().manifest().verifiedAt());

        Files.write(dump, java.util.Arrays.copyOf(original, original.length - 1000));
        BackupRecord shorter = service.catalogue().find(r.id()).orElseThrow();
        Verification truncated = service.verify(new BackupRecord(shorter.manifest(), shorter.dir(), null), identity, BackupProgress.NONE,
                Cancellation.none());
        assertFalse(truncated.passed());
        assertTrue(truncated.reason().contains("truncated"), truncated.reason());
        for (String m : List.of(wrongKey.getMessage(), corrupt.reason(), truncated.reason())) {
            assertFalse(m.contains("\n"), "one line: " + m);
        }
    }

    @Test
    void aBackupCancelledHalfWayLeavesNothingListedAsGood(@TempDir Path project) {
        HostPgRunner real = new HostPgRunner();
        Cancellation cancel = new Cancellation();
        long[] seen = {0};
        // Cancels once pg_dump has streamed 64 KiB: a real dump interrupted mid-stream.
        PgRunner cutting = new PgRunner() {
            @Override
            public Result run(List<String> argv, Map<String, String> env, InputStream stdin, long n, OutputStream stdout, Cancellation c) {
                OutputStream watching = new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        stdout.write(b, off, len);
                        if (argv.get(0).equals("pg_dump") && (seen[0] += len) > 64 * 1024) {
                            cancel.cancel();
                        }
                    }
                };
                return real.run(argv, env, stdin, n, watching, c);
            }

            @Override
            public String where() {
                return "host";
            }
        };
        BackupService service = new BackupService(env(project, cutting));
        assertThrows(BackupCancelledException.class, () -> service.backup(BackupKind.DATABASE, BackupProgress.NONE, cancel));
        assertTrue(seen[0] > 64 * 1024, "the dump was running when cancelled");
        assertTrue(service.catalogue().good(BackupKind.DATABASE).isEmpty());
        assertEquals(List.of(BackupCatalogue.ATTEMPTS_LOG), listNames(project.resolve("backups/database")), "no partial or part file left");
        assertEquals(BackupAttempts.Result.CANCELLED, BackupAttempts.last(project.resolve("backups/database")).orElseThrow().result());
    }

    @Test
    void liveRestoreNeedsTheTypedNameTakesABackupFirstRestoresAndAudits(@TempDir Path project) throws IOException {
        BackupService service = new BackupService(env(project, new HostPgRunner()));
        BackupRecord r = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none()).record();
        PgTools pg = tools(new HostPgRunner());
        pg.sql(DB, "DELETE FROM mails WHERE id > 100");
        Map<String, String> who = Map.of("SUDO_USER", "alice", "USER", "root", "SSH_CONNECTION", "10.0.0.5 5022 10.0.0.1 22");

        BackupException refused = assertThrows(BackupException.class,
                () -> service.restoreLive(r, identity, "edm_wrong", who, BackupProgress.NONE, Cancellation.none()));
        assertEquals("backup.restore.notConfirmed", refused.key());
        assertEquals("100", pg.sql(DB, "SELECT count(*) FROM mails").strip(), "nothing changed");

        BackupRecord safety = service.restoreLive(r, identity, DB, who, BackupProgress.NONE, Cancellation.none());
        assertEquals("3000", pg.sql(DB, "SELECT count(*) FROM mails").strip());
        assertFalse(safety.id().equals(r.id()), "a fresh backup was taken first");
        String audit = Files.readString(project.resolve(AuditLog.FILE));
        assertTrue(audit.contains("\"user\":\"alice\"") && audit.contains("10.0.0.5") && audit.contains("\"result\":\"ok\""), audit);
        assertTrue(audit.contains(r.id()) && audit.contains(safety.id()), audit);
    }

    @Test
    void anEmptyDumpFileFailsVerify(@TempDir Path project) throws Exception {
        BackupService service = new BackupService(env(project, tools(new HostPgRunner()), null));
        BackupRecord r = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none()).record();
        // An empty dump whose manifest agrees with it (size 0, the empty file's SHA-256): only the structure check can catch it.
        Files.write(r.part("dump"), new byte[0]);
        String emptySha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(new byte[0]));
        List<BackupManifest.Part> parts = r.manifest().parts().stream()
                .map(p -> p.role().equals("dump") ? new BackupManifest.Part(p.file(), p.role(), 0, emptySha, 0) : p).toList();
        BackupManifest m = r.manifest();
        BackupJson.writeManifest(r.dir(), new BackupManifest(m.formatVersion(), m.id(), m.kind(), m.created(), m.size(), emptySha,
                false, "", m.source(), m.toolVersions(), null, m.durationMillis(), parts, m.notes()));
        BackupRecord empty = service.catalogue().find(r.id()).orElseThrow();
        assertTrue(empty.good(), "complete on disk as far as the listing can tell");

        Verification v = service.verify(empty, null, BackupProgress.NONE, Cancellation.none());
        assertFalse(v.passed(), v.toString());
        assertTrue(v.reason().contains(r.part("dump").getFileName().toString()), v.reason());
        assertFalse(service.catalogue().find(r.id()).orElseThrow().verified());
        assertEquals(BackupStatus.class, service.status().get(BackupKind.DATABASE).getClass());
        assertEquals(edm.console.core.ProbeStatus.CRITICAL, service.status().get(BackupKind.DATABASE).worst(), "a failed verification is critical");
    }

    @Test
    void aDumpWithNoOrFarTooFewTablesFailsAndAnEmptyDatabaseSaysSo(@TempDir Path project) {
        PgTools empty = new PgTools(new HostPgRunner(), new DbTarget(HostPostgres.HOST, HostPostgres.PORT, EMPTY_USER, PASSWORD, EMPTY_DB));
        BackupService service = new BackupService(env(project, empty, null));

        BackupOutcome ofEmpty = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none());
        assertTrue(ofEmpty.verified(), "an empty dump of an empty database is the truth: " + ofEmpty);
        assertEquals(0, ofEmpty.verification().tables());
        assertEquals(0, ofEmpty.verification().liveTables(), "and it says 0 tables");

        HostPostgres.superuserSql(EMPTY_DB, "SET ROLE " + EMPTY_USER + "; CREATE TABLE contacts (id int)");
        Verification now = service.verify(ofEmpty.record(), null, BackupProgress.NONE, Cancellation.none());
        assertFalse(now.passed(), "0 tables while the database has one: " + now);
        assertTrue(now.reason().contains("no tables") && now.reason().contains("has 1"), now.reason());
        assertFalse(service.catalogue().find(ofEmpty.record().id()).orElseThrow().verified(), "the record follows the outcome");

        BackupOutcome one = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none());
        assertTrue(one.verified(), one.toString());
        HostPostgres.superuserSql(EMPTY_DB, "SET ROLE " + EMPTY_USER + "; CREATE TABLE lists (id int)",
                "SET ROLE " + EMPTY_USER + "; CREATE TABLE sends (id int)");
        Verification few = service.verify(one.record(), null, BackupProgress.NONE, Cancellation.none());
        assertFalse(few.passed(), "1 table of 3 is below half: " + few);
        assertTrue(few.reason().contains("1 tables") && few.reason().contains("has 3"), few.reason());
    }

    static List<String> listNames(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String readAllText(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return sb.toString();
    }
}
