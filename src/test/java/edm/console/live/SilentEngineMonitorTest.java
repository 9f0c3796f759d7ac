package edm.console.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.testsupport.SilentEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console started while the engine hangs says "not answering" after the timeout, not "connecting" forever. */
class SilentEngineMonitorTest {
    @TempDir
    Path dir;

    @Test
    void startedDuringAHangItReportsNotAnsweringAndKeepsAsking() throws Exception {
        MonitorProbe probe = new MonitorProbe();
        try (SilentEngine engine = new SilentEngine(dir.resolve("docker.sock"), SilentEngine.Mode.NEVER_ANSWER);
             ContainerGateway gw = new ContainerGateway(engine.endpoint(), Duration.ofSeconds(1));
             ContainerMonitor monitor = new ContainerMonitor(gw, List.of("edm-backend-prod"), Duration.ofSeconds(1),
                     Duration.ofMinutes(10), true, Clock.SYSTEM, probe::accept)) {
            monitor.start();
            var silent = probe.await("not answering", s -> s.engine().notAnswering());
            assertFalse(silent.engine().connected());
            assertTrue(silent.engine().error().contains("not answering"), silent.engine().error());
            int asked = engine.connections();
            probe.await("asked again", s -> engine.connections() > asked);
        }
    }

    @Test
    void heartbeatNoticesAHangWithinTheTimeoutAndAFewSeconds() {
        // Half the timeout, at least a second, at most five: detection within interval + timeout < 2x timeout.
        assertTrue(ContainerMonitor.heartbeatEvery(Duration.ofSeconds(3)).toMillis() == 1500);
        assertTrue(ContainerMonitor.heartbeatEvery(Duration.ofSeconds(10)).toSeconds() == 5);
        assertTrue(ContainerMonitor.heartbeatEvery(Duration.ofSeconds(1)).toSeconds() == 1);
        assertTrue(ContainerMonitor.heartbeatEvery(Duration.ofSeconds(60)).toSeconds() == 5);
    }
}
