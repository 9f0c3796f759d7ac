package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the real engine: the first frame's list, read over the unix socket without docker-java, gives the rows
 * the monitor's list through docker-java gives (a running container with a published port and labels, an
 * exited one), and the engine's versions.
 */
@RequiresDocker
class FirstListIT {
    private static final String PREFIX = "edm-it-first-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RUNNING = PREFIX + "-running";
    private static final String EXITED = PREFIX + "-exited";
    private static ContainerGateway gateway;

    @BeforeAll
    static void create() {
        String image = TestImages.busybox();
        ExposedPort p = ExposedPort.tcp(8080);
        Ports b = new Ports();
        b.bind(p, Ports.Binding.bindIpAndPort("127.0.0.1", 0));
        String id = DockerEngine.client().createContainerCmd(image).withName(RUNNING).withCmd("sleep", "120")
                .withLabels(Map.of("edm-it", "first-list", "com.example.note", "a label"))
                .withExposedPorts(p).withHostConfig(HostConfig.newHostConfig().withPortBindings(b)).exec().getId();
        DockerEngine.client().startContainerCmd(id).exec();
        String ex = DockerEngine.client().createContainerCmd(image).withName(EXITED).withCmd("true")
                .withLabels(Map.of("edm-it", "first-list")).exec().getId();
        DockerEngine.client().startContainerCmd(ex).exec();
        DockerEngine.client().waitContainerCmd(ex).start().awaitStatusCode();
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void remove() {
        if (gateway != null) {
            gateway.close();
        }
        for (String n : List.of(RUNNING, EXITED)) {
            try {
                DockerEngine.client().removeContainerCmd(n).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // not created
            }
        }
    }

    @Test
    void theFirstListGivesTheRowsOfTheMonitorsList() {
        ContainersSnapshot first = FirstList.read(DockerEngine.endpoint(), Duration.ofSeconds(10), List.of(EXITED), Clock.SYSTEM)
                .orElseThrow();
        List<ContainerInfo> viaDockerJava = gateway.listContainers();
        for (String name : List.of(RUNNING, EXITED)) {
            ContainerInfo quick = first.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            ContainerInfo full = viaDockerJava.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            assertEquals(full, quick, name);
        }
        ContainerInfo running = first.containers().stream().filter(c -> c.name().equals(RUNNING)).findFirst().orElseThrow();
        assertTrue(running.running(), running.toString());
        assertEquals(8080, running.ports().get(0).containerPort(), running.ports().toString());
        assertTrue(running.ports().get(0).hostPort() > 0, running.ports().toString());
        assertEquals("a label", running.labels().get("com.example.note"));
        assertEquals(EXITED, first.containers().get(0).name(), "in display order: the preferred names first");

        var version = gateway.version();
        assertTrue(first.engine().connected());
        assertEquals(version.apiVersion(), first.engine().apiVersion());
        assertEquals(version.engineVersion(), first.engine().engineVersion());
    }
}
