package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    static BackupKeys.Recipient recipient;
    static BackupKeys.Identity identity;
    static BackupKeys.Identity otherIdentity;
    static Path keys;

    @BeforeAll
    static void database(@TempDir Path tmp) {
        HostPostgres.assumeRunning();
        HostPostgres.createUserAndDatabase(USER, PASSWORD, DB);
        HostPostgres.superuserSql(DB, "SET ROLE " + USER + "; CREATE TABLE accounts AS SELECT g AS id, md5(g::text) AS email FROM generate_series(1, 20000) g",
                "SET ROLE " + USER + "; CREATE TABLE mails (id bigint primary key, body text)",
                "SET ROLE " + USER + "; INSERT INTO mails SELECT g, repeat(md5(g::text), 20) FROM generate_series(1, 3000) g",
                "SET ROLE " + USER + "; CREATE TABLE empty_table (x int)");
        keys = tmp;
        Path[] pair = BackupKeys.writePair(BackupKeys.generate(), tmp, "k");
        recipient = BackupKeys.readPublic(pair[0]);
        identity = BackupKeys.readPrivate(pair[1]);
        otherIdentity = BackupKeys.readPrivate(BackupKeys.writePair(BackupKeys.generate(), tmp, "other")[1]);
    }

    @AfterAll
    static void drop() {
        HostPostgres.dropUserAndDatabase(USER, DB);
    }

    static PgTools tools(PgRunner runner) {
        return new PgTools(runner, new DbTarget(HostPostgres.HOST, HostPostgres.PORT, USER, PASSWORD, DB));
    }

    static BackupEnvironment env(Path project, PgRunner runner) {
        Map<BackupKind, Path> dirs = Map.of(BackupKind.DATABASE, project.resolve("backups/database"),
                BackupKind.FILES, project.resolve("backups/files"));
        return new BackupEnvironment(project, dirs, tools(runner), recipient, List.of(project.resolve("data/uploads")), 7, 4,
                Map.of(BackupKind.DATABASE, Duration.ofHours(26), BackupKind.FILES, Duration.ofDays(8)), null, Clock.SYSTEM, ZoneOffset.UTC);
    }

    @Test
    void backupThenVerifyThenRestoreDrillGivesEqualRowCounts(@TempDir Path project) {
        BackupService service = new BackupService(env(project, new HostPgRunner()));
        BackupRecord r = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none());
        assertTrue(r.manifest().encrypted());
        assertEquals(recipient.fingerprint(), r.manifest().keyFingerprint());
        assertEquals(r.id(), service.catalogue().good(BackupKind.DATABASE).get(0).id());

        List<String> details = service.verify(r, identity, BackupProgress.NONE, Cancellation.none());
        assertTrue(details.get(0).contains("pg_restore --list"), details.toString());
        assertNotNull(service.catalogue().find(r.id()).orElseThrow().manifest().verifiedAt(), "verified-at recorded");

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
        BackupRecord r = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none());
        Path dump = r.part("dump");

        BackupException wrongKey = assertThrows(BackupException.class,
                () -> service.verify(r, otherIdentity, BackupProgress.NONE, Cancellation.none()));
        assertTrue(wrongKey.getMessage().contains("Wrong key"), wrongKey.getMessage());

        byte[] original = Files.readAllBytes(dump);
        try (RandomAccessFile f = new RandomAccessFile(dump.toFile(), "rw")) {
            f.seek(original.length / 2);
            f.write(original[original.length / 2] ^ 0x20);
        }
        BackupException corrupt = assertThrows(BackupException.class, () -> service.verify(r, identity, BackupProgress.NONE, Cancellation.none()));
        assertEquals("backup.verify.checksum", corrupt.key(), corrupt.getMessage());
        assertTrue(corrupt.getMessage().contains(dump.getFileName().toString()));

        Files.write(dump, java.util.Arrays.copyOf(original, original.length - 1000));
        BackupException truncated = assertThrows(BackupException.class, () -> service.verify(r, identity, BackupProgress.NONE, Cancellation.none()));
        assertEquals("backup.verify.size", truncated.key(), truncated.getMessage());
        for (BackupException e : List.of(wrongKey, corrupt, truncated)) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        assertEquals(null, service.catalogue().find(r.id()).orElseThrow().manifest().verifiedAt(), "a failed verify records nothing");
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
        BackupRecord r = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none());
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
