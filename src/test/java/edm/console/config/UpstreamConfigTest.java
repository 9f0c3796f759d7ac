package edm.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** services[].upstream (blue-green through nginx; default on for frontend and backend) and deploy.drainSeconds. */
class UpstreamConfigTest {
    @TempDir
    Path dir;

    private LoadedConfig load(String yaml) throws IOException {
        Files.writeString(dir.resolve("c.yml"), yaml);
        return ConfigLoader.loadFile(dir.resolve("c.yml"));
    }

    @Test
    void frontendAndBackendAreBehindNginxByDefault() {
        ConsoleConfig c = new ConsoleConfig();
        assertEquals(List.of("backend", "frontend"), c.services.stream().filter(ConsoleConfig.ServiceConfig::upstreamManaged).map(s -> s.name).toList());
        assertEquals(10, c.deploy.drainSeconds);
    }

    @Test
    void upstreamCanBeTurnedOnOrOffPerService() throws IOException {
        LoadedConfig loaded = load("""
                services:
                  - name: backend
                    port: 8002
                    upstream: false
                  - name: images
                    port: 8005
                    upstream: true
                deploy:
                  drainSeconds: 3
                """);
        assertTrue(loaded.valid(), loaded.problems().toString());
        assertFalse(loaded.config().service("backend").orElseThrow().upstreamManaged());
        assertTrue(loaded.config().service("images").orElseThrow().upstreamManaged());
        assertEquals(3, loaded.config().deploy.drainSeconds);
    }

    @Test
    void badValuesAreProblemsNamingTheKey() throws IOException {
        Path f = dir.resolve("c.yml");
        LoadedConfig loaded = load("""
                services:
                  - name: tracker
                    upstream: true
                deploy:
                  drainSeconds: -1
                """);
        assertEquals(List.of(
                f + ":3: services[0].upstream: is true but the service has no port, expected services[0].port (the port that nginx's upstream names"
                        + " inside the container) or upstream: false",
                f + ":5: deploy.drainSeconds: -1 is not a drain time, expected whole seconds from 0 to 3600"),
                loaded.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void configShowLeavesAnUnsetUpstreamOut() {
        assertFalse(ConfigCommands.toYaml(new ConsoleConfig()).contains("upstream"));
    }
}
