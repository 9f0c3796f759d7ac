package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import edm.console.testsupport.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A sandbox container still running an image that no sandbox tag names any more (its recipe changed, e.g.
 * the SIGTERM handling, and the image was rebuilt) is made again by up, so the change reaches the stack.
 */
@RequiresSandbox
class SandboxRecreateIT {
    @AfterAll
    static void back() {
        SandboxFixture.up();
    }

    @Test
    void upRecreatesAContainerWhoseImageIsNoLongerTagged() {
        DockerClient docker = DockerEngine.client();
        SandboxService frontend = SandboxSpec.require("frontend");
        String oldId = docker.inspectContainerCmd(frontend.containerName()).exec().getId();
        // Stands in for the container of an older build: sandbox labels and name, an image no sandbox tag names.
        docker.removeContainerCmd(oldId).withForce(true).exec();
        String stale = docker.createContainerCmd(TestImages.busybox()).withName(frontend.containerName())
                .withLabels(Map.of(SandboxSpec.LABEL, "true", SandboxSpec.LABEL_DIR, SandboxFixture.projectDir().toString()))
                .exec().getId();
        docker.startContainerCmd(stale).exec();

        List<String> out = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().up(out::add), String.join("\n", out));
        assertTrue(out.contains("Recreated container edm-frontend-sandbox from edm-frontend:v1.1: its image was rebuilt from changed sandbox files"),
                String.join("\n", out));
        var now = docker.inspectContainerCmd(frontend.containerName()).exec();
        assertNotEquals(stale, now.getId());
        assertEquals(docker.inspectImageCmd(frontend.image()).exec().getId(), now.getImageId());
        assertTrue(now.getState().getRunning());

        // Once it runs the current image, up leaves it alone.
        List<String> again = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().up(again::add), String.join("\n", again));
        assertTrue(again.stream().noneMatch(l -> l.startsWith("Recreated")), String.join("\n", again));
        assertEquals(now.getId(), docker.inspectContainerCmd(frontend.containerName()).exec().getId());
    }
}
