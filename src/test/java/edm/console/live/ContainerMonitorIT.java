package edm.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import edm.console.core.Clock;
import edm.console.core.ContainerStats;
import edm.console.core.ContainerStatus;
import edm.console.docker.ContainerGateway;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor against the real engine: event-driven list, state changes, cgroup stats. */
@RequiresDocker
class ContainerMonitorIT {
    private final String name = "edm-it-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeContainer() {
        try {
            DockerEngine.client().removeContainerCmd(name).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // not created or already gone
        }
    }

    @Test
    void followsAContainerStartedAfterLaunchThroughStopAndRemoval() throws Exception {
        DockerClient docker = DockerEngine.client();
        String image = TestImages.busybox();
        MonitorProbe probe = new MonitorProbe();
        try (ContainerGateway gw = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
             ContainerMonitor monitor = new ContainerMonitor(gw, List.of(name), Duration.ofMillis(500),
                     Duration.ofMinutes(10), true, Clock.SYSTEM, probe::accept)) {
            monitor.start();
            probe.await("engine connected", s -> s.engine().connected());
            assertTrue(MonitorProbe.named(probe.last(), name).isEmpty());

            // The safety re-list is 10 minutes away: only the event stream can bring this in.
            String id = docker.createContainerCmd(image).withName(name).exec().getId();
            docker.startContainerCmd(id).exec();
            var shown = probe.await("running " + name, s -> MonitorProbe.named(s, name)
                    .filter(c -> c.status() == ContainerStatus.RUNNING && c.startedAt() != null).isPresent());
            assertEquals(name, shown.containers().get(0).name(), "configured names come first");
            assertEquals(0, MonitorProbe.named(shown, name).orElseThrow().restartCount());

            var sampled = probe.await("stats for " + name, s -> s.stats().containsKey(id));
            ContainerStats st = sampled.stats().get(id);
            assertTrue(st.memoryUsedBytes() > 0 && st.memoryLimitBytes() >= st.memoryUsedBytes(), st.toString());
            assertTrue(st.cpuPercent() >= 0, st.toString());

            docker.stopContainerCmd(id).withTimeout(5).exec();
            var stopped = probe.await("exited " + name, s -> MonitorProbe.named(s, name)
                    .filter(c -> c.status() == ContainerStatus.EXITED).isPresent());
            assertTrue(!stopped.stats().containsKey(id), "no stats for a stopped container");

            docker.removeContainerCmd(id).exec();
            probe.await("removal of " + name, s -> MonitorProbe.named(s, name).isEmpty());
        }
    }
}
