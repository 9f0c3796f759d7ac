package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.live.GatewayLogApi;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A container writing as fast as it can (bounded: 20 s, rotated json-file log) on the real engine. What
 * matters is that the view tells the truth: the lag it reports is the age of its newest line, it never
 * says "following" while its newest line is seconds old, and once it has skipped to catch up it says so
 * with a count. Closing during the flood is prompt (a generous bound: a liveness check, not a benchmark).
 */
@RequiresDocker
class LogFloodIT {
    private static final String NAME = "edm-logs-it-flood";
    private static final String LINE = "flood line: as fast as the container can write";
    /** How much the reported lag may differ from the newest line's real age (sampling, the pump's hand-off). */
    private static final double TOLERANCE_SECONDS = 1.0;
    private final DockerClient docker = DockerEngine.client();
    private ContainerGateway gateway;
    private LogSession session;

    @AfterEach
    void cleanUp() {
        if (session != null) {
            session.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        remove();
    }

    private void remove() {
        try {
            docker.removeContainerCmd(NAME).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // not there
        }
    }

    @Test
    void theViewSaysHowFarBehindItIsSkipsWithACountAndClosesPromptly() throws Exception {
        remove();
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("none")
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "100m", "max-file", "2")));
        docker.createContainerCmd(TestImages.busybox()).withName(NAME).withHostConfig(host)
                .withCmd("/bin/sh", "-c", "trap 'exit 0' TERM; yes '" + LINE + "' & sleep 20; kill $!")
                .exec();
        docker.startContainerCmd(NAME).exec();
        Thread.sleep(1000); // the log is already flooding when the view opens
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
        LogSessions sessions = new LogSessions(new GatewayLogApi(gateway), Path.of("/nonexistent"), List.of(), 500,
                10_000, 8 << 20, Clock.SYSTEM);
        session = sessions.open(List.of(LogSourceSpec.container(NAME)), () -> { });

        List<String> samples = new ArrayList<>();
        double bestAfterCatchUp = Double.MAX_VALUE;
        boolean wasBehind = false;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 12_000_000_000L) {
            Thread.sleep(200);
            Instant now = Instant.now();
            FollowStatus st = session.status(now);
            double real = newestAge(now);
            double shown = st.lag().toMillis() / 1000.0;
            String sample = String.format("real %.2f s, shown %.2f s, %s", real, shown, st);
            samples.add(sample);
            if (real < 0) {
                continue; // nothing from the flood yet
            }
            wasBehind |= real > 1.5;
            if (st.link() == FollowStatus.Link.CONNECTED) {
                assertTrue(Math.abs(real - shown) <= TOLERANCE_SECONDS, "reported lag is the real lag: " + sample + "\n" + samples);
                assertTrue(!st.following() || real < 1 + TOLERANCE_SECONDS, "'following' only when up to date: " + sample);
            }
            if (System.nanoTime() - start > 4_000_000_000L) {
                bestAfterCatchUp = Math.min(bestAfterCatchUp, real);
            }
        }
        FollowStatus end = session.status(Instant.now());
        assertTrue(!wasBehind || end.skippedLines() > 0, "behind at some point, so it skipped, with a count: " + end + "\n" + samples);
        assertTrue(end.skippedAny(), "a flood faster than the engine delivers is caught up by skipping: " + end + "\n" + samples);
        // After catching up the newest line is recent (generous: the machine is shared).
        assertTrue(bestAfterCatchUp <= 3.0, "newest line within a few seconds once caught up: " + samples);

        // Dropping never leaves pieces of a line behind (the engine's frames may be split anywhere).
        List<String> pieces = session.buffer().snapshot().stream().filter(l -> !l.own()).map(LogLine::text)
                .filter(t -> !t.equals(LINE)).distinct().limit(5).toList();
        assertTrue(pieces.isEmpty(), "only whole lines on screen: " + pieces);

        long closeStart = System.nanoTime();
        session.close();
        gateway.close();
        session = null;
        gateway = null;
        double closeSeconds = (System.nanoTime() - closeStart) / 1e9;
        assertTrue(closeSeconds < 5, "closing during a flood does not wait for the stream: " + closeSeconds + " s");
        System.out.printf("flood: %s; closed in %.0f ms%n", end, closeSeconds * 1000);
    }

    /** Age of the newest line from the container in the buffer (not the console's own), or -1 when none. */
    private double newestAge(Instant now) {
        List<LogLine> lines = session.buffer().snapshot();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).own() && lines.get(i).text().equals(LINE)) {
                return Duration.between(lines.get(i).time(), now).toMillis() / 1000.0;
            }
        }
        return -1;
    }
}
