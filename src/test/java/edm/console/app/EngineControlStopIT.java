package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.live.Timeline;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's stop uses the service's configured services[].stopSeconds, not a fixed 10 s. */
@RequiresDocker
class EngineControlStopIT {
    private final String name = "edm-it-stopgrace-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path state;

    @AfterEach
    void remove() {
        try {
            DockerEngine.client().removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            // never created
        }
    }

    @Test
    void stopWaitsTheServicesStopSecondsThenKills() {
        DockerClient docker = DockerEngine.client();
        // A PID-1 shell without a trap ignores SIGTERM: only the SIGKILL after the grace ends it.
        String id = docker.createContainerCmd(TestImages.busybox()).withName(name)
                .withCmd("sh", "-c", "while true; do sleep 1; done").exec().getId();
        docker.startContainerCmd(id).exec();
        ConsoleConfig config = new ConsoleConfig();
        ConsoleConfig.ServiceConfig s = config.service("backend").orElseThrow();
        s.container = name;
        s.stopSeconds = 1;
        try (ContainerGateway gw = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10))) {
            EngineControl control = new EngineControl(gw, config::stopSecondsOfContainer, new Timeline(10), state.resolve("workflow.lock"));
            long t0 = System.nanoTime();
            control.stop(id);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            var state = docker.inspectContainerCmd(id).exec().getState();
            assertFalse(state.getRunning());
            assertEquals(137L, state.getExitCodeLong(), "killed after the grace");
            // Docker's default (10 s) would still be waiting; with stopSeconds 1 the kill came after about a second.
            assertTrue(millis < 8000, "stop took " + millis + " ms with stopSeconds 1");
        }
    }
}
