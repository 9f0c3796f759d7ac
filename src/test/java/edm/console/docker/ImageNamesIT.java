package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.ContainerInfo;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the real engine: a container created by image id (as console deploys used to) is listed, inspected
 * and stated with the image's tag; one created from the tag records the tag itself.
 */
@RequiresDocker
class ImageNamesIT {
    private static final String BY_ID = "edm-it-byid-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String BY_TAG = "edm-it-bytag-" + UUID.randomUUID().toString().substring(0, 8);
    private static ContainerGateway gateway;
    private static String imageId;

    @BeforeAll
    static void create() {
        String tag = TestImages.busybox();
        imageId = DockerEngine.client().inspectImageCmd(tag).exec().getId();
        DockerEngine.client().createContainerCmd(imageId).withName(BY_ID).withCmd("sleep", "60").exec();
        DockerEngine.client().createContainerCmd(tag).withName(BY_TAG).withCmd("sleep", "60").exec();
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void remove() {
        gateway.close();
        DockerEngine.client().removeContainerCmd(BY_ID).withForce(true).exec();
        DockerEngine.client().removeContainerCmd(BY_TAG).withForce(true).exec();
    }

    @Test
    void theEngineItselfReportsTheIdForAContainerCreatedById() {
        assertTrue(DockerEngine.client().inspectContainerCmd(BY_ID).exec().getConfig().getImage().startsWith("sha256:"),
                "the premise: without the console's help a person reads sha256:...");
    }

    @Test
    void listInspectAndStateShowTheTagWithTheIdAsDetail() {
        for (String name : new String[] {BY_ID, BY_TAG}) {
            ContainerInfo listed = gateway.listContainers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            assertEquals(TestImages.BUSYBOX, listed.image(), name);
            assertEquals(TestImages.BUSYBOX, gateway.inspect(name).summary().image(), name);
            assertEquals(imageId, gateway.inspect(name).imageId(), "the id stays available as the detail");
            DeployOps.State s = gateway.deployOps().state(name).orElseThrow();
            assertEquals(TestImages.BUSYBOX, s.imageRef(), name);
            assertEquals(imageId, s.imageId());
        }
    }
}
