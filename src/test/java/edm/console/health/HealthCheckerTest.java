package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCheckerTest {

    /** A health URL whose server accepts the connection and never answers: the probe's own timeout ends it. */
    private static ConsoleConfig config(Path dir, int port) {
        ConsoleConfig c = new ConsoleConfig();
        c.projectDir = dir.toString();
        c.services.forEach(s -> s.healthUrl = "");
        c.health.urls = List.of(new ConsoleConfig.HealthUrl("api", "http://127.0.0.1:" + port + "/health"));
        c.health.timeoutSeconds = 0.3;
        return c;
    }

    @Test
    void roundsReuseThreadsInsteadOfBuildingAPoolEachRound(@TempDir Path dir) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HealthChecker checker = new HealthChecker(config(dir, silent.getLocalPort()), Clock.SYSTEM);
            List<ProbeResult> warm = checker.runNetworkProbes();
            assertEquals(3, warm.size(), warm.toString());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long startedBefore = threads.getTotalStartedThreadCount();
            int rounds = 5;
            for (int i = 0; i < rounds; i++) {
                List<ProbeResult> r = checker.runNetworkProbes();
                ProbeResult http = r.get(0);
                assertNotEquals(ProbeStatus.OK, http.status(), "a server that never answers is not healthy: " + http);
                assertEquals(ProbeStatus.UNKNOWN, r.get(1).status(), "no database URL: " + r.get(1));
            }
            long started = threads.getTotalStartedThreadCount() - startedBefore;
            // A pool per round started one thread per probe, every round (3 x 5 = 15).
            assertTrue(started < rounds * warm.size(), started + " threads started for " + rounds + " rounds of 3 probes");
        }
    }
}
