package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.compose.ComposeModel;
import edm.console.compose.ComposeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's generated compose file says what the sandbox runs, with the tags in its env file. */
class SandboxComposeFileTest {
    @TempDir
    Path dir;

    @Test
    void theGeneratedFileNamesEveryServiceAsTheSandboxRunsIt() throws Exception {
        SandboxProject p = new SandboxProject(dir);
        p.prepare();
        String envBefore = Files.readString(p.envFile());
        p.prepare();
        assertEquals(envBefore, Files.readString(p.envFile()), "a second up changes nothing (a deployed tag stays)");
        ComposeModel m = ComposeReader.read(dir.resolve("docker-compose.yml"), p.envFile(), "", Map.of());
        assertEquals(SandboxSpec.COMPOSE_PROJECT, m.project());
        for (SandboxService s : SandboxSpec.SERVICES) {
            ComposeModel.Service c = m.service(s.name()).orElseThrow();
            assertEquals(s.image(), c.image());
            assertEquals(s.containerName(), c.containerName());
            assertEquals("127.0.0.1:" + s.hostPort() + ":" + s.containerPort(), c.ports().get(0));
        }
        assertTrue(envBefore.contains("\nBACKEND_TAG=" + SandboxSpec.CURRENT_VERSION + "\n"), envBefore);
        assertTrue(Files.isSymbolicLink(dir.resolve(".env")));
        assertEquals(p.credentials(), SandboxCredentials.from(SandboxProject.parseEnv(Files.readString(p.envFile()))));
    }
}
