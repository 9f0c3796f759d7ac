package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.ProcessRun;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.SandboxFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's docker-compose.yml is the stack as docker-compose sees it: right after {@code sandbox up},
 * Debian's docker-compose 1.29 run in the project dir finds every container it would have made and changes
 * nothing (same ids), as on a production box whose stack compose brought up.
 */
@RequiresDocker
class SandboxComposeIT {
    @Test
    void dockerComposeUpInTheProjectDirChangesNothingAfterSandboxUp() throws Exception {
        Assumptions.assumeTrue(run(Path.of("/"), "docker-compose", "version").startsWith("0:"), "docker-compose is not installed");
        Path dir = SandboxFixture.up().projectDir();
        // Containers made by an earlier build carry no compose labels: made again by this one.
        List<String> out = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().down(false, out::add), String.join("\n", out));
        dir = SandboxFixture.up().projectDir();
        Map<String, String> before = ids();
        String up = run(dir, "docker-compose", "--env-file", ".env.production", "up", "-d");
        assertTrue(up.startsWith("0:"), up);
        assertEquals(before, ids(), "docker-compose up -d re-created nothing:\n" + up);
        String ps = run(dir, "docker-compose", "--env-file", ".env.production", "ps", "-q");
        assertEquals(SandboxSpec.containerNames().size(), ps.substring(2).strip().lines().count(), "compose counts every container: " + ps);
    }

    private static Map<String, String> ids() {
        DockerClient docker = DockerEngine.client();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : SandboxSpec.containerNames()) {
            try {
                ids.put(name, docker.inspectContainerCmd(name).exec().getId());
            } catch (NotFoundException e) {
                ids.put(name, "missing");
            }
        }
        return ids;
    }

    static String run(Path cwd, String... cmd) throws IOException, InterruptedException {
        return ProcessRun.run(cwd, cmd);
    }
}
