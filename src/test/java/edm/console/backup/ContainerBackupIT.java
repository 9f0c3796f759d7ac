package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production layout on the sandbox: pg_dump, pg_restore and psql run inside edm-postgres-sandbox
 * through docker exec, with the credentials from the sandbox's .env.production.
 */
@RequiresSandbox
class ContainerBackupIT {
    static SandboxFixture.RunningSandbox sandbox;
    static ContainerGateway gateway;
    static BackupKeys.Identity identity;
    static BackupKeys.Recipient recipient;

    @BeforeAll
    static void setUp(@TempDir Path keys) {
        sandbox = SandboxFixture.up();
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30));
        // The sandbox's own key pair, made by sandbox up: the encrypted path end to end.
        BackupEnvironment configured = BackupEnvironment.from(sandbox.config(), () -> gateway, Clock.SYSTEM);
        recipient = configured.recipient();
        identity = configured.identity(null);
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** The sandbox config (container mode is the default), backups into a temp dir. */
    static BackupEnvironment env(Path backups) {
        ConsoleConfig c = sandbox.config();
        BackupEnvironment fromConfig = BackupEnvironment.from(c, () -> gateway, Clock.SYSTEM);
        return new BackupEnvironment(fromConfig.projectDir(), Map.of(BackupKind.DATABASE, backups.resolve("db"),
                BackupKind.FILES, backups.resolve("files")), fromConfig.pg(), recipient, fromConfig.filePaths(), 7, 4,
                fromConfig.maxAge(), fromConfig.privateKey(), Clock.SYSTEM, fromConfig.zone(), fromConfig.minTableShare());
    }

    @Test
    void dumpsInsideTheContainerAndTheDrillRestoresThroughDockerExecWithEqualCounts(@TempDir Path backups) throws Exception {
        BackupEnvironment env = env(backups);
        assertTrue(env.pg().runner().where().startsWith("container edm-postgres-sandbox"), env.pg().runner().where());
        BackupService service = new BackupService(env);
        assertTrue(recipient != null && identity != null, "sandbox up made a key pair and configured it");
        BackupOutcome o = service.backup(BackupKind.DATABASE, BackupProgress.NONE, Cancellation.none());
        BackupRecord r = o.record();
        assertTrue(r.manifest().encrypted(), "the sandbox's backups are encrypted");
        assertTrue(o.verified(), "verified right after it was written: " + o);
        int live = env.pg().liveTableCount();
        assertTrue(live >= 1, "the sandbox database has tables: " + live);
        assertEquals(live, o.verification().tables(), o.verification().toString());
        assertEquals(live, o.verification().liveTables());
        assertTrue(r.manifest().source().contains("container edm-postgres-sandbox"), r.manifest().source());
        assertTrue(r.manifest().notes().isEmpty(), "the sandbox user is a superuser: roles with passwords " + r.manifest().notes());

        // pg_restore --list inside the container (a server without postgresql-client): the dump is drained to its end.
        Verification inContainer = BackupVerifier.verify(env, r, identity, env.pg(), BackupProgress.NONE, Cancellation.none());
        assertTrue(inContainer.passed(), inContainer.toString());
        assertEquals(o.verification().entries(), inContainer.entries());
        assertEquals(o.verification().tables(), inContainer.tables());

        RestoreDrill.Result drill = service.restoreDrill(r, identity, BackupProgress.NONE, Cancellation.none());
        assertTrue(drill.ok(), drill.toString());
        // The sandbox's seeded EDM schema: 8 tables and the seed marker, 252,315 rows, compared table by table.
        assertTrue(drill.tables() >= 9, drill.toString());
        assertEquals(List.of(), drill.differences());
        long dumped = r.manifest().parts().stream().mapToLong(BackupManifest.Part::plainSize).sum();
        assertTrue(dumped > 1024 * 1024, "a dump of real data, not an empty schema: " + dumped + " bytes");
        assertEquals(null, drill.cleanupError());

        BackupOutcome files = service.backup(BackupKind.FILES, BackupProgress.NONE, Cancellation.none());
        assertTrue(files.verified(), files.toString());
        assertTrue(files.verification().details().get(0).contains("tar.gz"), files.verification().details().toString());
        String manifests = HostBackupIT.readAllText(backups);
        assertFalse(manifests.contains(sandbox.credentials().dbPassword()), "no password in manifests or logs");
    }

    @Test
    void cancellingTheDumpStopsPgDumpInTheContainerAndLeavesNoGoodBackup(@TempDir Path backups) throws Exception {
        BackupEnvironment env = env(backups);
        Cancellation cancel = new Cancellation();
        BackupProgress cancelSoon = (step, bytes, elapsed) -> {
            if (step.equals("pg_dump") && bytes > 0) {
                cancel.cancel();
            }
        };
        // Slow the dump down inside the container so that it is certainly running when cancelled.
        PgTools pg = env.pg();
        String db = pg.target().database();
        pg.sql(db, "DROP TABLE IF EXISTS bk_it_big; CREATE TABLE bk_it_big AS SELECT g AS id, md5(g::text) || md5((g+1)::text) AS v "
                + "FROM generate_series(1, 1500000) g");
        try {
            assertThrows(BackupCancelledException.class, () -> new BackupService(env).backup(BackupKind.DATABASE, cancelSoon, cancel));
            assertTrue(env.catalogue().good(BackupKind.DATABASE).isEmpty());
            assertEquals(List.of(BackupCatalogue.ATTEMPTS_LOG), HostBackupIT.listNames(backups.resolve("db")));
            String ps = "";
            for (int i = 0; i < 50; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                gateway.exec("edm-postgres-sandbox", List.of("ps", "-eo", "args"), List.of(), null, 0, out, OutputStream.nullOutputStream(), s -> { });
                ps = out.toString(StandardCharsets.UTF_8);
                if (!ps.contains("pg_dump")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertFalse(ps.contains("pg_dump"), "pg_dump still running in the container:\n" + ps);
        } finally {
            pg.sql(db, "DROP TABLE IF EXISTS bk_it_big");
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
