package edm.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private final String offScreen = name + "-off";
    private final String onScreen = name + "-on";

    @AfterEach
    void removeContainer() {
        for (String n : List.of(name, offScreen, onScreen)) {
            try {
                DockerEngine.client().removeContainerCmd(n).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // not created or already gone
            }
        }
    }

    @Test
    void theFirstFiguresComeRightAfterConnectingNotAStatsIntervalLater() throws Exception {
        DockerClient docker = DockerEngine.client();
        String id = docker.createContainerCmd(TestImages.busybox()).withName(name).exec().getId();
        docker.startContainerCmd(id).exec();
        MonitorProbe probe = new MonitorProbe();
        // A stats interval far beyond the probe's deadline: only the round queued on connecting can answer in time.
        try (ContainerGateway gw = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
             ContainerMonitor monitor = new ContainerMonitor(gw, List.of(name), Duration.ofMinutes(10),
                     Duration.ofMinutes(10), true, Clock.SYSTEM, probe::accept)) {
            monitor.start();
            var s = probe.await("a CPU figure for the running container", x -> x.stats().containsKey(id)
                    && !Double.isNaN(x.stats().get(id).cpuPercent()));
            assertTrue(s.stats().get(id).memoryUsedBytes() > 0, "memory figure: " + s.stats().get(id));
        }
    }

    @Test
    void samplesOnlyTheRowsOnScreenAndTheStack() throws Exception {
        DockerClient docker = DockerEngine.client();
        String image = TestImages.busybox();
        String stack = docker.createContainerCmd(image).withName(name).exec().getId();
        String off = docker.createContainerCmd(image).withName(offScreen).exec().getId();
        String on = docker.createContainerCmd(image).withName(onScreen).exec().getId();
        for (String id : List.of(stack, off, on)) {
            docker.startContainerCmd(id).exec();
        }
        MonitorProbe probe = new MonitorProbe();
        try (ContainerGateway gw = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
             ContainerMonitor monitor = new ContainerMonitor(gw, List.of(name), Duration.ofMillis(300),
                     Duration.ofMinutes(10), true, Clock.SYSTEM, probe::accept)) {
            monitor.start();
            probe.await("all three listed", s -> s.containers().size() >= 3 && MonitorProbe.named(s, onScreen).isPresent()
                    && MonitorProbe.named(s, offScreen).isPresent());
            // Before the screen says anything, every running container is sampled (as before).
            probe.await("stats for the one off screen, before the screen says", s -> s.stats().containsKey(off));
            monitor.showing(List.of(on));
            // Two rounds later: the row on screen and the stack member (configured name) have figures, the other none.
            var first = probe.await("stats for the row on screen", s -> s.stats().containsKey(on) && s.stats().containsKey(stack));
            var later = probe.await("a later round", s -> s.stats().containsKey(on)
                    && s.stats().get(on).sampledAt().isAfter(first.stats().get(on).sampledAt()));
            assertTrue(later.stats().containsKey(stack), "the EDM stack is always sampled: " + later.stats().keySet());
            assertFalse(later.stats().containsKey(off), "a row off screen is not sampled: " + later.stats().keySet());

            monitor.showing(List.of(off));
            probe.await("stats once it scrolls into view", s -> s.stats().containsKey(off) && !s.stats().containsKey(on));
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
