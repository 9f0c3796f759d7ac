package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import edm.console.config.ConsoleConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxConfigFileTest {
    private static final Path DIR = Path.of("/tmp/some/sandbox");

    private static ConsoleConfig roundTrip() throws Exception {
        String yaml = SandboxConfigFile.yaml(SandboxConfigFile.build(DIR));
        ObjectMapper strict = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return strict.readerForUpdating(new ConsoleConfig()).readValue(yaml);
    }

    @Test
    void writtenFileLoadsStrictlyIntoConsoleConfigWithTheSandboxNames() throws Exception {
        ConsoleConfig c = roundTrip();
        assertEquals("sandbox", c.environment);
        assertEquals(DIR.toString(), c.projectDir);
        assertEquals("edm-sandbox_edm-network", c.network);
        assertEquals(List.of("edm-postgres-sandbox", "edm-redis-sandbox", "edm-backend-sandbox", "edm-frontend-sandbox",
                "edm-nginx-sandbox"), c.containerNames());
        assertEquals("edm-backend", c.service("backend").orElseThrow().imageRepository(c.project));
    }

    @Test
    void healthUrlsGoThroughNginxForTheServicesBehindIt() throws Exception {
        // After a blue-green deploy the new backend publishes no host port: its own port would check nothing.
        ConsoleConfig c = roundTrip();
        assertEquals("http://127.0.0.1:18080/api/health", c.service("backend").orElseThrow().healthUrl);
        assertEquals("http://127.0.0.1:18080/", c.service("frontend").orElseThrow().healthUrl);
        assertEquals("http://127.0.0.1:18080/nginx-health", c.service("nginx").orElseThrow().healthUrl);
        assertEquals("", c.service("postgres").orElseThrow().healthUrl);
        assertEquals(List.of("http://127.0.0.1:18080/api/health", "http://127.0.0.1:18080/"),
                c.health.urls.stream().map(u -> u.url).toList());
        assertEquals(5432, c.service("postgres").orElseThrow().port);
    }

    @Test
    void onlySandboxSpecificSectionsAreWrittenSoLaterDefaultsStillApply() {
        String yaml = SandboxConfigFile.yaml(SandboxConfigFile.build(DIR));
        assertFalse(yaml.contains("thresholds"), yaml);
        assertFalse(yaml.contains("tkmail.fun"), yaml);
        assertTrue(yaml.startsWith("#"), yaml);
    }

    @Test
    void ofTheBackupsOnlyTheKeyPairIsWritten() throws Exception {
        String yaml = SandboxConfigFile.yaml(SandboxConfigFile.build(DIR));
        assertTrue(yaml.contains("backups:\n  publicKey: keys/edm-backup.pub.pem\n  privateKey: keys/edm-backup.pem\n"), yaml);
        assertFalse(yaml.contains("keepDaily"), yaml);
        ConsoleConfig c = roundTrip();
        assertEquals(new ConsoleConfig().backups.keepDaily, c.backups.keepDaily);
    }

    @Test
    void theSecurityPortRangesAreTheSandboxsSoItsOwnPortsAreNoFinding() throws Exception {
        ConsoleConfig c = roundTrip();
        // Every port the sandbox publishes is in its EDM range, nginx's as the entry; nothing else of the security section.
        for (SandboxService s : SandboxSpec.SERVICES) {
            int from = Integer.parseInt(c.security.edmPorts.split("-")[0]);
            int to = Integer.parseInt(c.security.edmPorts.split("-")[1]);
            assertTrue(s.hostPort() >= from && s.hostPort() <= to, s + " outside " + c.security.edmPorts);
        }
        assertEquals("18000-18099", c.security.edmPorts);
        assertEquals("17000-17099", c.security.otherPorts);
        assertEquals(List.of(SandboxSpec.NGINX_PORT), c.security.entryPorts);
        assertEquals(System.getProperty("user.name"), c.security.deployUser, "the sandbox's env file is its creator's");
        assertEquals(new ConsoleConfig().security.rotateDays, c.security.rotateDays);
        String yaml = SandboxConfigFile.yaml(SandboxConfigFile.build(DIR));
        assertFalse(yaml.contains("rotateDays") || yaml.contains("allowedPublicPorts"), yaml);
    }
}
