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

/** services[].stopSeconds: per-service docker stop grace, falling back to deploy.stopGraceSeconds (10, Docker's). */
class StopSecondsConfigTest {
    @TempDir
    Path dir;

    private LoadedConfig load(String yaml) throws IOException {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, yaml);
        return ConfigLoader.loadFile(f);
    }

    @Test
    void withoutStopSecondsEveryServiceGetsDockersTenSeconds() {
        ConsoleConfig c = new ConsoleConfig();
        for (ConsoleConfig.ServiceConfig s : c.services) {
            assertEquals(10, c.stopSeconds(s), s.name);
        }
        assertEquals(10, c.stopSecondsOfContainer("edm-backend-prod"));
        assertEquals(10, c.stopSecondsOfContainer("someone-elses-container"));
    }

    @Test
    void aServiceStopSecondsOverridesTheDeployDefaultForThatServiceOnly() throws IOException {
        LoadedConfig loaded = load("""
                services:
                  - name: postgres
                    stopSeconds: 60
                  - name: backend
                    stopSeconds: 0
                  - name: frontend
                deploy:
                  stopGraceSeconds: 4
                """);
        assertTrue(loaded.valid(), loaded.problems().toString());
        ConsoleConfig c = loaded.config();
        assertEquals(60, c.stopSecondsOfContainer("edm-postgres-prod"));
        assertEquals(0, c.stopSecondsOfContainer("edm-backend-prod"));
        assertEquals(4, c.stopSecondsOfContainer("edm-frontend-prod"));
        assertEquals(4, c.stopSecondsOfContainer("not-in-the-stack"));
    }

    @Test
    void negativeOrHugeGracesAreProblemsWithTheirLine() throws IOException {
        Path f = dir.resolve("c.yml");
        LoadedConfig loaded = load("""
                services:
                  - name: backend
                    stopSeconds: -1
                  - name: frontend
                    stopSeconds: 86400
                deploy:
                  stopGraceSeconds: -5
                """);
        assertEquals(List.of(
                f + ":3: services[0].stopSeconds: -1 is not a stop grace period, expected whole seconds from 0 (SIGKILL at once) to 3600",
                f + ":5: services[1].stopSeconds: 86400 is not a stop grace period, expected whole seconds from 0 (SIGKILL at once) to 3600",
                f + ":7: deploy.stopGraceSeconds: -5 is not a stop grace period, expected whole seconds from 0 (SIGKILL at once) to 3600"),
                loaded.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void configShowLeavesAnUnsetStopSecondsOutRatherThanPrintingNull() {
        String yaml = ConfigCommands.toYaml(new ConsoleConfig());
        assertFalse(yaml.contains("stopSeconds"), yaml);
        assertTrue(yaml.contains("stopGraceSeconds: 10"), yaml);
    }
}
