package edm.console.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import edm.console.core.Clock;
import edm.console.core.ContainerStatus;
import edm.console.docker.ContainerGateway;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.SocketProxy;
import edm.console.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine going away and coming back, through a socket proxy (the real daemon keeps running for
 * the other tests): the monitor reports the outage with its reason, retries, and recovers by itself,
 * including what changed while it was away.
 */
@RequiresDocker
class EngineOutageIT {
    private final String name = "edm-it-outage-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanup() {
        try {
            DockerEngine.client().removeContainerCmd(name).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // not created
        }
    }

    @Test
    void survivesTheEngineGoingAwayAndComingBack() throws Exception {
        String endpoint = DockerEngine.endpoint();
        org.junit.jupiter.api.Assumptions.assumeTrue(endpoint.startsWith("unix://"), "needs a local unix socket engine");
        Path real = Path.of(endpoint.substring("unix://".length()));
        Path dir = Files.createTempDirectory("edm-outage");
        DockerClient docker = DockerEngine.client();
        String image = TestImages.busybox();
        MonitorProbe probe = new MonitorProbe();
        SocketProxy proxy = new SocketProxy(dir.resolve("docker.sock"), real).start();
        try (ContainerGateway gw = new ContainerGateway(proxy.endpoint(), Duration.ofSeconds(3));
             ContainerMonitor monitor = new ContainerMonitor(gw, List.of(), Duration.ofSeconds(1),
                     Duration.ofMinutes(10), true, Clock.SYSTEM, probe::accept)) {
            monitor.start();
            probe.await("connected", s -> s.engine().connected());

            proxy.close();
            var down = probe.await("engine down", s -> !s.engine().connected() && !s.engine().error().isEmpty());
            assertTrue(down.engine().nextRetry() != null, "a retry is scheduled");
            assertFalse(down.containers().isEmpty() && down.engine().connected());

            // Something happens while the console cannot see the engine.
            String id = docker.createContainerCmd(image).withName(name).exec().getId();
            docker.startContainerCmd(id).exec();

            proxy = new SocketProxy(dir.resolve("docker.sock"), real).start();
            var back = probe.await("recovered with the new container", s -> s.engine().connected()
                    && MonitorProbe.named(s, name).filter(c -> c.status() == ContainerStatus.RUNNING).isPresent());
            assertTrue(back.engine().error().isEmpty());

            // And the event stream works again after the reconnect.
            docker.stopContainerCmd(id).withTimeout(5).exec();
            probe.await("stop seen after reconnect", s -> MonitorProbe.named(s, name)
                    .filter(c -> c.status() == ContainerStatus.EXITED).isPresent());
        } finally {
            proxy.close();
        }
    }
}
