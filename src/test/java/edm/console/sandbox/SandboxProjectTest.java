package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxProjectTest {
    @TempDir
    Path tmp;

    @Test
    void defaultDirPrefersExplicitThenXdgThenHome() {
        assertEquals(Path.of("/x/sb"), SandboxProject.defaultDir(Map.of("EDM_SANDBOX_DIR", "/x/sb", "XDG_DATA_HOME", "/xdg"), "/home/u"));
        assertEquals(Path.of("/xdg/edm-console/sandbox"), SandboxProject.defaultDir(Map.of("XDG_DATA_HOME", "/xdg"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/edm-console/sandbox"), SandboxProject.defaultDir(Map.of("XDG_DATA_HOME", " "), "/home/u"));
    }

    @Test
    void prepareCreatesSpecLayoutAndPrivateEnvFile() throws Exception {
        SandboxProject p = new SandboxProject(tmp.resolve("sb"));
        SandboxCredentials creds = p.prepare();
        for (String sub : SandboxProject.LAYOUT) {
            assertTrue(Files.isDirectory(p.dir().resolve(sub)), sub);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.envFile())));
        Map<String, String> env = SandboxProject.parseEnv(Files.readString(p.envFile()));
        assertEquals("postgresql://edm:" + creds.dbPassword() + "@127.0.0.1:18003/edm_sandbox", env.get("DATABASE_URL"));
        assertEquals("redis://127.0.0.1:18004", env.get("REDIS_URL"));
        assertEquals(creds.jwtSecret(), env.get("JWT_SECRET"));
        assertTrue(creds.jwtSecret().matches("[0-9a-f]{64}"), "JWT secret is 256 random bits");
        assertTrue(Files.readString(p.configFile()).contains("projectDir: " + p.dir()));
        assertTrue(Files.isExecutable(p.dir().resolve("scripts/health-check.sh")));
    }

    @Test
    void prepareMakesABackupKeyPairOnceAndTheConfigEncryptsToItAndVerifiesWithIt() throws Exception {
        SandboxProject p = new SandboxProject(tmp.resolve("sb"));
        p.prepare();
        Path priv = p.dir().resolve("keys/edm-backup.pem");
        Path pub = p.dir().resolve("keys/edm-backup.pub.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)), "private key mode 600");
        String before = Files.readString(priv);
        p.prepare();
        assertEquals(before, Files.readString(priv), "kept across sandbox up: older backups stay readable");

        edm.console.config.LoadedConfig loaded = edm.console.config.ConfigLoader.loadFile(p.configFile());
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
        var env = edm.console.backup.BackupEnvironment.from(loaded.config(), () -> null, edm.console.core.Clock.SYSTEM);
        assertEquals(edm.console.backup.BackupKeys.readPublic(pub).fingerprint(), env.recipient().fingerprint(), "backups are encrypted");
        assertEquals(env.recipient().fingerprint(), env.identity(null).fingerprint(), "and verified with the matching private key");
    }

    @Test
    void secretsAreKeptAcrossPrepareBecausePostgresDataKeepsItsPassword() {
        SandboxProject p = new SandboxProject(tmp.resolve("sb"));
        SandboxCredentials first = p.prepare();
        assertEquals(first, p.prepare());
        assertEquals(first, p.credentials());
        assertNotEquals(first, new SandboxProject(tmp.resolve("other")).prepare());
    }

    @Test
    void parseEnvSkipsCommentsAndStripsQuotes() {
        assertEquals(Map.of("A", "1", "B", "two words", "C", "x=y"),
                SandboxProject.parseEnv("# c\n\nA=1\nB=\"two words\"\n  C = x=y \nnot a line\n"));
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        SandboxCredentials c = new SandboxCredentials("pw123456", "jwtsecretvalue");
        assertTrue(!c.toString().contains("pw123456") && !c.toString().contains("jwtsecretvalue"), c.toString());
    }

    @Test
    void backendContainerUsesNetworkAliasesWhileEnvFileUsesPublishedPorts() {
        SandboxCredentials c = new SandboxCredentials("pw", "jwt");
        assertTrue(c.containerEnv("backend").contains("DATABASE_URL=postgresql://edm:pw@postgres:5432/edm_sandbox"));
        assertTrue(c.containerEnv("backend").contains("REDIS_URL=redis://redis:6379"));
        assertTrue(c.containerEnv("postgres").contains("POSTGRES_PASSWORD=pw"));
    }
}
