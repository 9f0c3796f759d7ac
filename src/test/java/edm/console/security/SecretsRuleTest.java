package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The env file's mode and owner, JWT_SECRET's strength and the secrets' ages, without a value ever in a finding. */
class SecretsRuleTest {
    private static final String HEX64 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant DAY0 = Instant.parse("2026-09-01T10:00:00Z");

    @TempDir
    Path project;

    private SecuritySettings settings() {
        SecuritySettings s = new SecuritySettings();
        s.deployUser = System.getProperty("user.name");
        return s;
    }

    private List<Finding> check(String env, String mode, Clock clock) throws Exception {
        Path f = project.resolve(".env.production");
        Files.writeString(f, env, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return new SecretsRule().check(Fixtures.context(project, project, settings(), HostCommands.NONE,
                ContainerFacts.Listing.of(List.of()), clock));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"rw-------, OK", "r--------, OK", "rw-r--r--, CRITICAL", "rw-rw----, WARNING", "rw----r--, CRITICAL"})
    void envFileMode(String mode, ProbeStatus expected) throws Exception {
        Finding f = Fixtures.only(check("JWT_SECRET=" + HEX64 + "\n", mode, Clock.SYSTEM), "secrets.mode");
        assertEquals(expected, f.status(), f.toString());
        assertTrue(f.evidence().startsWith(mode), f.evidence());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "spec placeholder       | <生产环境密钥>                                     | CRITICAL",
        "changeme               | changeme                                           | CRITICAL",
        "short hex              | 0123456789abcdef                                   | CRITICAL",
        "one word repeated      | abababababababababababababababababababababababab   | CRITICAL",
        "24 random bytes base64 | q2CbCPOeJ3xQ/2k1zU8y0rYpHnTWm4fA                   | WARNING",
        "openssl rand -hex 32   | 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 | OK",
        "openssl rand -base64 32| 8tHZ1XkqP0mR3v6yQwE9sL2bN5cJ7fA4gT1uI8oK0dM=       | OK"})
    void jwtSecretStrength(String what, String value, ProbeStatus expected) throws Exception {
        Finding f = Fixtures.only(check("NODE_ENV=production\nJWT_SECRET=" + value + "\n", "rw-------", Clock.SYSTEM), "secrets.jwtSecret");
        assertEquals(expected, f.status(), what + ": " + f);
        assertFalse(f.evidence().contains(value) || f.fix().contains(value), "the value leaked: " + f);
        assertTrue(f.evidence().contains(".env.production:2"), f.evidence());
    }

    @Test
    void jwtSecretMissingIsCritical() throws Exception {
        assertEquals(ProbeStatus.CRITICAL, Fixtures.only(check("NODE_ENV=production\n", "rw-------", Clock.SYSTEM), "secrets.jwtSecret").status());
    }

    @Test
    void aSecretUnchangedPastRotateDaysIsAWarningUntilItChanges() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(DAY0);
        Clock clock = now::get;
        String env = "JWT_SECRET=" + HEX64 + "\nDATABASE_URL=postgresql://edm:hunter2@postgres:5432/edm\nNODE_ENV=production\n";
        assertEquals(ProbeStatus.OK, Fixtures.only(check(env, "rw-------", clock), "secrets.rotation").status());
        now.set(DAY0.plus(Duration.ofDays(91)));
        List<Finding> late = check(env, "rw-------", clock);
        Finding jwt = Fixtures.only(late, "secrets.rotation.JWT_SECRET");
        assertEquals(ProbeStatus.WARNING, jwt.status());
        assertTrue(jwt.evidence().contains("2026-09-01") && jwt.evidence().contains("91"), jwt.evidence());
        assertEquals(ProbeStatus.WARNING, Fixtures.only(late, "secrets.rotation.DATABASE_URL").status());
        // A new value is a new secret: its age starts again.
        List<Finding> rotated = check(env.replace(HEX64, HEX64.replace('9', '8')), "rw-------", clock);
        assertTrue(rotated.stream().noneMatch(x -> x.rule().equals("secrets.rotation.JWT_SECRET")), rotated.toString());
        assertEquals(ProbeStatus.WARNING, Fixtures.only(rotated, "secrets.rotation.DATABASE_URL").status());
    }

    @Test
    void theStateHoldsSaltedFingerprintsNeverValues() throws Exception {
        check("JWT_SECRET=" + HEX64 + "\nREDIS_PASSWORD=hunter2hunter2\n", "rw-------", Clock.SYSTEM);
        Path state = project.resolve("state/security");
        String text = Files.readString(state.resolve(SecretAges.FILE));
        assertFalse(text.contains(HEX64) || text.contains("hunter2"), text);
        assertTrue(text.contains("JWT_SECRET\t") && text.contains("REDIS_PASSWORD\t"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(SecretAges.SALT))));
        // Salted: the same value under another salt gives another fingerprint.
        assertFalse(SecretAges.fingerprint(new byte[32], HEX64).equals(text.split("\t")[1]));
    }

    @Test
    void ownerOtherThanTheDeployUserIsAWarning() throws Exception {
        assertEquals(ProbeStatus.OK, Fixtures.only(check("JWT_SECRET=" + HEX64 + "\n", "rw-------", Clock.SYSTEM), "secrets.owner").status());
        Path f = project.resolve(".env.production");
        SecuritySettings s = settings();
        s.deployUser = "someone-else";
        Finding owner = Fixtures.only(new SecretsRule().check(Fixtures.context(project, project, s, HostCommands.NONE,
                ContainerFacts.Listing.of(List.of()), Clock.SYSTEM)), "secrets.owner");
        assertEquals(ProbeStatus.WARNING, owner.status());
        assertTrue(owner.fix().contains("someone-else " + f), owner.fix());
    }

    @Test
    void noEnvFileIsUnknown() {
        List<Finding> f = new SecretsRule().check(Fixtures.context(project, project));
        assertEquals(ProbeStatus.UNKNOWN, Fixtures.only(f, "secrets.envFile").status());
    }
}
