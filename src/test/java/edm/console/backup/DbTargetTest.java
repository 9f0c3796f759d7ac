package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbTargetTest {
    @Test
    void parsesDatabaseUrlWithPercentEncodedPassword() {
        DbTarget t = DbTarget.fromUrl("postgresql://edm:p%40ss%3Aw0rd@db.local:8003/edm_prod?sslmode=disable", "test");
        assertEquals("db.local", t.host());
        assertEquals(8003, t.port());
        assertEquals("edm", t.user());
        assertEquals("p@ss:w0rd", t.password());
        assertEquals("edm_prod", t.database());
    }

    @Test
    void thePasswordGoesOnlyIntoTheEnvironmentNeverIntoArgumentsOrDescriptions() {
        DbTarget t = DbTarget.fromUrl("postgres://edm:Secret-Pw-1@127.0.0.1/edm", "test");
        assertEquals(5432, t.port());
        assertEquals("Secret-Pw-1", t.env().get("PGPASSWORD"));
        List<String> args = t.connectionArgs();
        assertFalse(String.join(" ", args).contains("Secret"), args.toString());
        assertTrue(args.contains("--no-password"), "never prompts");
        assertFalse(t.describe().contains("Secret") || t.toString().contains("Secret"));
        assertEquals("edm@127.0.0.1:5432/edm", t.describe());
    }

    @Test
    void inTheContainerItUsesTheLocalSocket() {
        DbTarget t = DbTarget.fromUrl("postgresql://edm:x@postgres:5432/edm", "test").inContainer();
        assertEquals(List.of("-U", "edm", "--no-password"), t.connectionArgs());
    }

    @Test
    void aBadUrlIsOneLineNamingTheSourceWithoutThePassword() {
        BackupException e = assertThrows(BackupException.class,
                () -> DbTarget.fromUrl("postgresql://edm:Hidden-9@host:5432/", "/opt/edm/.env.production: DATABASE_URL"));
        assertTrue(e.getMessage().contains("/opt/edm/.env.production: DATABASE_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("Hidden-9"));
    }
}
