package edm.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.EngineInfo;
import edm.console.core.EngineSummary;
import edm.console.core.HealthStatus;
import edm.console.docker.ContainerGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hosts poller's states: reachable (counts, host info, OOM kills), refused, hung; one engine never waits for another. */
class HostsPollerTest {
    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    private static ContainerInfo container(String name, ContainerStatus st, HealthStatus h) {
        return new ContainerInfo("id-" + name, name, "busybox:1", st, h, NOW, st == ContainerStatus.RUNNING ? NOW : null, -1,
                List.of(), Map.of());
    }

    /** A pure fake of the three reads: the logic of one poll, no engine. */
    private static HostsPoller.Reads fake(List<ContainerInfo> list, List<String> stack, boolean oomKilled) {
        return new HostsPoller.Reads() {
            @Override
            public EngineInfo info() {
                return new EngineInfo("box", 16L << 30, 4, "20.10.24", "Debian");
            }

            @Override
            public List<ContainerInfo> list() {
                return list;
            }

            @Override
            public ContainerDetail inspect(String name) {
                ContainerInfo c = list.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                return new ContainerDetail(c.withHealthAndRestarts(c.health(), c.startedAt(), 2), "sha256:1", "", "", List.of(),
                        List.of(), List.of(), 0, List.of(), 0, oomKilled, 137, NOW);
            }

            @Override
            public List<String> stackNames() {
                return stack;
            }
        };
    }

    @Test
    void aReachableEngineIsCountedWithWhatItSaysOfItsHost() {
        List<ContainerInfo> list = List.of(container("edm-backend-prod", ContainerStatus.RUNNING, HealthStatus.UNHEALTHY),
                container("edm-postgres-prod", ContainerStatus.EXITED, HealthStatus.NONE),
                container("other", ContainerStatus.RUNNING, HealthStatus.NONE));
        HostsPoller.Target t = new HostsPoller.Target("staging", "ssh://ops@staging", () -> null);
        HostsPoller.Poll p = HostsPoller.pollOnce(t, fake(list, List.of("edm-backend-prod", "edm-postgres-prod"), true), () -> NOW);
        EngineSummary r = p.summary();
        assertEquals(EngineSummary.Reach.UP, r.reach());
        assertEquals(2, r.running());
        assertEquals(3, r.total());
        assertEquals(1, r.unhealthy());
        assertEquals(16L << 30, r.info().memTotalBytes());
        assertEquals("", r.why());
        // Stack containers were inspected: their restart counts and the OOM kill of the stopped one.
        assertEquals(2, p.snapshot().containers().stream().filter(c -> c.name().equals("edm-backend-prod")).findFirst()
                .orElseThrow().restartCount());
        assertEquals(java.util.Set.of("edm-postgres-prod"), p.oomKilled());
        assertTrue(p.snapshot().engine().connected());
    }

    @Test
    void aRefusedEngineIsARowThatSaysWhy() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        try (ContainerGateway g = new ContainerGateway("tcp://127.0.0.1:" + port, Duration.ofSeconds(5))) {
            HostsPoller.Target t = new HostsPoller.Target("gone", "tcp://127.0.0.1:" + port, () -> null);
            HostsPoller.Poll p = HostsPoller.pollOnce(t, HostsPoller.Reads.of(g, List.of()), () -> NOW);
            assertEquals(EngineSummary.Reach.DOWN, p.summary().reach());
            assertTrue(p.summary().why().contains("info"), p.summary().why());
            assertTrue(p.summary().why().toLowerCase().contains("refused"), p.summary().why());
            assertTrue(!p.snapshot().engine().connected());
        }
    }

    @Test
    void anOpenerThatFailsIsARowThatSaysWhyAndIsTriedAgain() throws InterruptedException {
        BlockingQueue<HostsPoller.Poll> polls = new LinkedBlockingQueue<>();
        int[] opened = {0};
        HostsPoller.Target t = new HostsPoller.Target("tunnel", "ssh://ops@nowhere", () -> {
            opened[0]++;
            throw new IllegalStateException("ssh: connect to host nowhere port 22: Connection refused");
        });
        try (HostsPoller poller = new HostsPoller(List.of(t), Duration.ofHours(1), () -> NOW, polls::add)) {
            poller.start();
            HostsPoller.Poll first = polls.poll(30, TimeUnit.SECONDS);
            assertNotNull(first);
            assertEquals(EngineSummary.Reach.DOWN, first.summary().reach());
            assertTrue(first.summary().why().contains("port 22"), first.summary().why());
            poller.pollNow();
            assertNotNull(polls.poll(30, TimeUnit.SECONDS));
            assertEquals(2, opened[0], "opened again at the next poll");
        }
    }

    /**
     * An engine that accepts connections and never answers (a SIGSTOPped dockerd) is NOT ANSWERING once its
     * timeout has passed, and the other engine's row comes meanwhile: each engine is polled on its own.
     */
    @Test
    void aHungEngineSaysSoAndNeverHoldsUpTheOthers() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String endpoint = "tcp://127.0.0.1:" + silent.getLocalPort();
            BlockingQueue<HostsPoller.Poll> polls = new LinkedBlockingQueue<>();
            try (ContainerGateway g = new ContainerGateway(endpoint, Duration.ofSeconds(3))) {
                HostsPoller.Target hung = new HostsPoller.Target("hung", endpoint, () -> HostsPoller.Reads.of(g, List.of()));
                HostsPoller.Target fine = new HostsPoller.Target("fine", "unix:///fake",
                        () -> fake(List.of(container("a", ContainerStatus.RUNNING, HealthStatus.NONE)), List.of(), false));
                try (HostsPoller poller = new HostsPoller(List.of(hung, fine), Duration.ofHours(1), () -> NOW, polls::add)) {
                    poller.start();
                    HostsPoller.Poll first = polls.poll(60, TimeUnit.SECONDS);
                    HostsPoller.Poll second = polls.poll(60, TimeUnit.SECONDS);
                    assertNotNull(first);
                    assertNotNull(second);
                    assertEquals("fine", first.summary().name(), "the reachable engine is not held up by the hung one");
                    assertEquals(EngineSummary.Reach.UP, first.summary().reach());
                    assertEquals("hung", second.summary().name());
                    assertEquals(EngineSummary.Reach.NOT_ANSWERING, second.summary().reach());
                    assertTrue(second.summary().why().contains("not answering (3 s)"), second.summary().why());
                }
            }
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
