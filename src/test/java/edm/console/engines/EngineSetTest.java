package edm.console.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.config.ConsoleConfig.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineSetTest {
    @Test
    void theMainEngineComesFirstNamedLocalThenTheConfiguredOnes() {
        ConsoleConfig c = new ConsoleConfig();
        c.docker.endpoint = "unix:///tmp/main.sock";
        c.docker.timeoutSeconds = 4;
        EngineSettings app2 = new EngineSettings("app2", "ssh://ubuntu@10.0.0.6:2222");
        app2.config = "/etc/edm/app2.yml";
        c.engines.add(app2);
        c.engines.add(new EngineSettings("staging", "tcp://10.0.0.7:2376"));
        EngineSet set = EngineSet.of(c);
        assertEquals(3, set.size());
        assertEquals(new EngineSpec("local", "unix:///tmp/main.sock", null, null, "/var/run/docker.sock", null, "docker", ""), set.main());
        assertTrue(set.main().main());
        EngineSpec ssh = set.specs().get(1);
        assertEquals(EngineSpec.Transport.SSH, ssh.transport());
        assertEquals("ubuntu", ssh.sshUser());
        assertEquals("10.0.0.6", ssh.sshHost());
        assertEquals(2222, ssh.sshPort());
        assertEquals(Path.of("/etc/edm/app2.yml"), ssh.configFile());
        assertEquals("engines[0]", ssh.key());
        assertEquals(EngineSpec.Transport.TCP, set.named("staging").orElseThrow().transport());
        assertNull(set.named("staging").orElseThrow().tls());
        assertEquals(Duration.ofSeconds(4), set.timeout());
    }

    @Test
    void theConfigNamesTheMainEngine() {
        ConsoleConfig c = new ConsoleConfig();
        c.docker.name = "prod-1";
        c.docker.endpoint = "unix:///tmp/main.sock";
        assertEquals("prod-1 unix:///tmp/main.sock", EngineSet.of(c).main().label());
    }

    @Test
    void aPlainEngineOpensWithItsOwnEndpointInItsConfig() {
        ConsoleConfig c = new ConsoleConfig();
        c.docker.endpoint = "unix:///tmp/main.sock";
        c.engines.add(new EngineSettings("other", "unix:///tmp/other.sock"));
        EngineSet set = EngineSet.of(c);
        try (EngineConnection other = set.open(set.named("other").orElseThrow())) {
            assertEquals("unix:///tmp/other.sock", other.endpoint());
            assertEquals("unix:///tmp/other.sock", other.config().docker.endpoint);
            assertEquals("other", other.config().docker.name);
            assertEquals("unix:///tmp/other.sock", other.gateway().endpoint());
        }
    }

    @Test
    void anEngineWhoseConfigHasProblemsCannotBeOpenedAndSaysWhichLine() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("engineset");
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.yml"), "thresholds:\n  diskPercent: 300\n");
        ConsoleConfig c = new ConsoleConfig();
        EngineSettings e = new EngineSettings("other", "unix:///tmp/other.sock");
        e.config = bad.toString();
        c.engines.add(e);
        EngineSet set = EngineSet.of(c);
        EngineUnavailableException x = assertThrows(EngineUnavailableException.class, () -> set.open(set.specs().get(1)));
        assertTrue(x.getMessage().startsWith(bad + ":2: thresholds.diskPercent: "), x.getMessage());
    }
}
