package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.live.GatewayLogApi;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Container logs on the real engine: followed live, stdout and stderr apart, across restart and re-creation. */
@RequiresDocker
class ContainerLogsIT {
    private static final String FOLLOW = "edm-logs-it-follow";
    private static final String RECREATE = "edm-logs-it-recreate";
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
        for (String n : List.of(FOLLOW, RECREATE)) {
            try {
                docker.removeContainerCmd(n).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // not there
            }
        }
    }

    private String run(String name, String script) {
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // not there
        }
        String id = docker.createContainerCmd(TestImages.busybox()).withName(name)
                .withCmd("/bin/sh", "-c", "trap 'exit 0' TERM; " + script).exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    private LogSession follow(String name) {
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
        LogSessions sessions = new LogSessions(new GatewayLogApi(gateway), Path.of("/nonexistent"), List.of(), 500,
                10_000, 8 << 20, Clock.SYSTEM);
        return sessions.open(List.of(LogSourceSpec.container(name)), () -> { });
    }

    private static List<LogLine> await(LogSession s, Predicate<List<LogLine>> done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<LogLine> lines = s.buffer().snapshot();
        while (!done.test(lines) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lines = s.buffer().snapshot();
        }
        assertTrue(done.test(lines), "timed out; have: " + lines);
        return lines;
    }

    private static boolean has(List<LogLine> lines, String text) {
        return lines.stream().anyMatch(l -> l.text().equals(text));
    }

    @Test
    void followsLiveWithStderrApartAndAcrossARestart() throws Exception {
        run(FOLLOW, "i=0; while true; do i=$((i+1)); echo \"out $i\"; echo \"err $i\" >&2; sleep 0.05; done");
        session = follow(FOLLOW);
        List<LogLine> lines = await(session, l -> has(l, "out 20") && has(l, "err 20"));
        LogLine err = lines.stream().filter(l -> l.text().equals("err 3")).findFirst().orElseThrow();
        assertEquals(LogLine.Origin.STDERR, err.origin());
        assertEquals(LogLine.Origin.STDOUT, lines.stream().filter(l -> l.text().equals("out 3")).findFirst().orElseThrow().origin());
        docker.restartContainerCmd(FOLLOW).withTimeout(2).exec();
        // After the restart the counter starts again at 1: the second "out 5" can only come from the new run.
        lines = await(session, l -> l.stream().filter(x -> x.text().equals("out 5")).count() == 2);
        assertTrue(lines.stream().anyMatch(l -> l.origin() == LogLine.Origin.MARKER && l.text().contains("restarted")),
                "a marker where the restart happened: " + lines);
        assertNoDuplicatesWithinARun(lines);
    }

    @Test
    void followsAContainerReCreatedUnderTheSameName() throws Exception {
        run(RECREATE, "i=0; while true; do i=$((i+1)); echo \"A $i\"; sleep 0.05; done");
        session = follow(RECREATE);
        await(session, l -> has(l, "A 10"));
        docker.removeContainerCmd(RECREATE).withForce(true).exec();
        Thread.sleep(500);
        run(RECREATE, "i=0; while true; do i=$((i+1)); echo \"B $i\"; sleep 0.05; done");
        List<LogLine> lines = await(session, l -> has(l, "B 10"));
        int lastA = -1;
        int marker = -1;
        int firstB = -1;
        for (int i = 0; i < lines.size(); i++) {
            LogLine l = lines.get(i);
            if (l.text().startsWith("A ")) {
                lastA = i;
            } else if (l.origin() == LogLine.Origin.MARKER && l.text().contains("new container")) {
                marker = i;
            } else if (l.text().startsWith("B ") && firstB < 0) {
                firstB = i;
            }
        }
        assertTrue(lastA < marker && marker < firstB, "A lines, marker, B lines in that order: " + lines);
        assertEquals("B 1", lines.get(firstB).text(), "the new container's first line is not lost");
        assertNoDuplicatesWithinARun(lines);
    }

    /** Within one run a line text appears once: re-attaching did not replay what was shown. */
    private static void assertNoDuplicatesWithinARun(List<LogLine> lines) {
        Set<String> seen = new HashSet<>();
        List<String> dups = new ArrayList<>();
        for (LogLine l : lines) {
            if (l.own()) {
                seen.clear(); // a new run may repeat the old run's texts
                continue;
            }
            if (!seen.add(l.origin() + l.text())) {
                dups.add(l.text());
            }
        }
        assertEquals(List.of(), dups);
    }
}
