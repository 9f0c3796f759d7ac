package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup commands as an operator runs them (a separate JVM from target/classes + target/lib), in host
 * mode against the host PostgreSQL, with DATABASE_URL in .env.production as in SPEC-006.
 */
class BackupCliIT {
    static final String USER = "edm_bk_cli";
    static final String DB = "edm_bk_cli";
    static final String PASSWORD = "Cli-Leak-Canary-93Kd";
    static Path project;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        HostPostgres.assumeRunning();
        HostPostgres.createUserAndDatabase(USER, PASSWORD, DB);
        // Big enough (~100 MB of table data) that a dump runs for a while and can be killed half-way.
        HostPostgres.superuserSql(DB, "SET ROLE " + USER + "; CREATE TABLE big AS SELECT g AS id, md5(g::text) || md5((g * 7)::text) AS v "
                + "FROM generate_series(1, 1500000) g");
        project = dir;
        Files.createDirectories(project.resolve("data/uploads"));
        Files.writeString(project.resolve("data/uploads/hello.txt"), "hello");
        Files.writeString(project.resolve(".env.production"),
                "POSTGRES_PASSWORD=" + PASSWORD + "\nDATABASE_URL=postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:5432/" + DB + "\n");
        Files.writeString(project.resolve("edm-console.yml"), String.join("\n",
                "projectDir: " + project,
                "backups:",
                "  databaseMode: host",
                "  publicKey: keys/edm-backup.pub.pem",
                "  privateKey: keys/edm-backup.pem", ""));
        assertEquals(0, cli(List.of("backup", "keygen", "--out", project.resolve("keys").toString())).code);
    }

    @AfterAll
    static void drop() {
        HostPostgres.dropUserAndDatabase(USER, DB);
    }

    record Run(int code, String output) {
    }

    static final List<String> OUTPUTS = new ArrayList<>();

    static Run cli(List<String> args) throws IOException {
        Process p = start(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor(300, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OUTPUTS.add(out);
        return new Run(p.exitValue(), out);
    }

    static Process start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "target/classes" + File.pathSeparator + "target/lib/*", "edm.console.app.Main", "--lang", "en"));
        cmd.addAll(args);
        if (!args.get(1).equals("keygen")) {
            cmd.addAll(List.of("--config", project.resolve("edm-console.yml").toString()));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    @Test
    void aBackupKilledHalfWayIsNeverListedAsGood() throws Exception {
        Path dir = project.resolve("backups/database");
        List<String> before = BackupCatalogue.scan(java.util.Map.of(BackupKind.DATABASE, dir)).all().stream().map(BackupRecord::id).toList();
        Process p = start(List.of("backup", "db"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        boolean killed = false;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.isDirectory(dir) && partialBytes(dir) > 256 * 1024) {
                p.destroyForcibly(); // SIGKILL: no cleanup at all
                killed = true;
                break;
            }
            Thread.sleep(5);
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertTrue(killed, "the dump was caught mid-stream");
        Run list = cli(List.of("backup", "list"));
        assertTrue(list.output().contains("incomplete (not a backup)"), list.output());
        BackupCatalogue c = BackupCatalogue.scan(java.util.Map.of(BackupKind.DATABASE, dir));
        assertEquals(before, c.all().stream().map(BackupRecord::id).toList(), "the killed backup is not listed");
        assertFalse(c.leftovers().isEmpty());
    }

    private static long partialBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(AtomicFile.TEMP_SUFFIX)).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Test
    void theDatabasePasswordAppearsInNoOutputManifestLogOrAuditFile() throws IOException {
        Run all = cli(List.of("backup", "all", "--lang", "en"));
        assertEquals(0, all.code(), all.output());
        assertTrue(all.output().contains("step 1/3: dump") && all.output().contains("step 2/3: write")
                && all.output().contains("step 3/3: verify"), "one action, its steps shown: " + all.output());
        assertTrue(all.output().contains("verified: ") && all.output().contains("1 tables (live database: 1 tables)"), all.output());
        Run list = cli(List.of("backup", "list", "--lang", "en"));
        assertEquals(0, list.code());
        assertTrue(list.output().contains("1 tables (live database: 1 tables)"), "the same record in the list: " + list.output());
        Run status = cli(List.of("backup", "status", "--lang", "en"));
        assertEquals(0, status.code(), "fresh, verified, encrypted: " + status.output());
        assertEquals(0, cli(List.of("backup", "verify")).code());
        Run drill = cli(List.of("backup", "restore-drill"));
        assertEquals(0, drill.code(), drill.output());
        assertTrue(drill.output().contains("Restore drill passed"), drill.output());
        assertEquals(List.of(DB), HostPostgres.databasesOwnedBy(USER), "the scratch database was dropped");
        cli(List.of("backup", "status"));
        cli(List.of("backup", "prune", "--dry-run"));
        String id = BackupCatalogue.scan(java.util.Map.of(BackupKind.DATABASE, project.resolve("backups/database")))
                .good(BackupKind.DATABASE).get(0).id();
        Run restore = cli(List.of("backup", "restore", id, "--live", "--confirm", DB));
        assertEquals(0, restore.code(), restore.output());
        // A failing run too: its error line must not carry the password either.
        Files.writeString(project.resolve("bad.yml"), "projectDir: " + project + "\nbackups:\n  databaseMode: host\n"
                + "  databaseUrl: postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:1/" + DB + "\n");
        Process bad = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                "target/classes" + File.pathSeparator + "target/lib/*", "edm.console.app.Main", "--lang", "en", "backup", "db",
                "--config", project.resolve("bad.yml").toString()).redirectErrorStream(true).start();
        String badOut = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        OUTPUTS.add(badOut);
        assertTrue(badOut.contains("pg_dump failed") || badOut.contains("failed"), badOut);

        String everything = String.join("\n", OUTPUTS) + HostBackupIT.readAllText(project.resolve("backups"))
                + HostBackupIT.readAllText(project.resolve("logs"));
        assertTrue(everything.contains("\"action\":\"backup.restore.live\""), "the audit log was searched too");
        assertFalse(everything.contains(PASSWORD), "the password leaked somewhere");
        assertFalse(everything.contains(PASSWORD.substring(4)), "a fragment of the password leaked");
    }
}
