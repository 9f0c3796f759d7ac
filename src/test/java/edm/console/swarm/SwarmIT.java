package edm.console.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;
import edm.console.core.HealthStatus;
import edm.console.docker.ContainerGateway;
import edm.console.e2e.Command;
import edm.console.e2e.PrivateDockerd;
import edm.console.live.ContainerMonitor;
import edm.console.live.SwarmLogApi;
import edm.console.logs.LogLine;
import edm.console.logs.LogMetrics;
import edm.console.logs.LogSink;
import edm.console.logs.LogWindow;
import edm.console.logs.ServiceLogSource;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.RunMain;
import edm.console.testsupport.TestImages;
import edm.console.ui.ScreenHarness;
import edm.console.ui.UiEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A private single-node swarm (never the shared engine): a 2-replica service with a health check. The reads
 * see it 2/2 with both tasks running and healthy; the container monitor's swarm watch feeds the Containers
 * panel, which shows 2/2 and both tasks, and follows a task killed halfway back to 2/2; {@code status} and
 * {@code status --json} list the service and its tasks; the service's logs bring both tasks' lines, tagged.
 * Bounded: every wait has a deadline; {@link PrivateDockerd#close} leaves the swarm and removes everything.
 */
@RequiresDocker
class SwarmIT {
    private static final int SWARM_PORT = 23771;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static PrivateDockerd engine;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        String missing = PrivateDockerd.unavailableReason();
        if (missing != null) {
            if ("1".equals(System.getenv("EDM_REQUIRE_DOCKER"))) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + missing);
            }
            Assumptions.abort(missing);
        }
        String image = TestImages.busybox();
        engine = PrivateDockerd.start();
        try {
            engine.loadImage(image);
            engine.swarmInit(SWARM_PORT);
            engine.docker("service", "create", "-d", "--name", "web", "--replicas", "2", "--health-cmd", "kill -0 1",
                    "--health-interval", "1s", "--update-order", "start-first", image, "/bin/sh", "-c",
                    "trap 'exit 0' TERM; i=0; while true; do echo \"line $i from $HOSTNAME\"; i=$((i+1)); sleep 1; done")
                    .orThrow("docker service create");
            try (ContainerGateway gw = gateway()) {
                await("web 2/2, both tasks running", () -> {
                    SwarmService web = new SwarmReads(gw, Clock.SYSTEM).read(Map.of()).service("web");
                    return web != null && web.converged() && web.running() == 2;
                });
            }
        } catch (RuntimeException | AssertionError e) {
            engine.close();
            throw e;
        }
        work = Files.createTempDirectory("edm-swarm-it");
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (work != null) {
            Command.run("rm", "-rf", work.toString());
        }
    }

    static ContainerGateway gateway() {
        return new ContainerGateway(engine.endpoint(), TIMEOUT);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(String what, Check check) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Map<String, HealthStatus> health(ContainerGateway gw) {
        Map<String, HealthStatus> h = new HashMap<>();
        gw.listContainers().forEach(c -> h.put(c.id(), c.health()));
        return h;
    }

    @Test
    void theReadsSeeAManagerWithTheServiceAndItsHealthyTasks() {
        try (ContainerGateway gw = gateway()) {
            SwarmReads reads = new SwarmReads(gw, Clock.SYSTEM);
            await("both tasks healthy", () -> reads.read(health(gw)).shownTasks(reads.read(Map.of()).service("web")).stream()
                    .filter(t -> t.health() == HealthStatus.HEALTHY).count() == 2);
            SwarmView view = reads.read(health(gw));
            assertTrue(view.state().manager());
            SwarmService web = view.service("web");
            assertEquals("2/2", web.replicas());
            assertEquals(TestImages.BUSYBOX, web.imageRef());
            List<SwarmTask> tasks = view.shownTasks(web);
            assertEquals(List.of(1, 2), tasks.stream().map(SwarmTask::slot).sorted().toList());
            assertTrue(tasks.stream().allMatch(t -> t.running() && t.health() == HealthStatus.HEALTHY), tasks.toString());
            assertEquals(1, view.nodes().size());
            assertFalse(tasks.get(0).node().equals(tasks.get(0).nodeId()), "named by the node's hostname");
            assertTrue(reads.service("web").version() > 0);
            assertTrue(reads.rawService("web").containsKey("Spec"), "what an update starts from");
            try (ContainerGateway shared = new ContainerGateway(DockerEngine.endpoint(), TIMEOUT)) {
                assertFalse(new SwarmReads(shared, Clock.SYSTEM).state().manager(), "the shared engine is in no swarm");
            }
        }
    }

    @Test
    void thePanelShowsTheServiceAndFollowsAKilledTask() throws Exception {
        AtomicReference<ContainersSnapshot> containers = new AtomicReference<>();
        AtomicReference<SwarmView> swarm = new AtomicReference<>(SwarmView.NONE);
        try (ContainerGateway gw = gateway();
             ContainerMonitor monitor = new ContainerMonitor(gw, List.of(), Duration.ofSeconds(5), Duration.ofSeconds(30), true,
                     Clock.SYSTEM, containers::set);
             ScreenHarness h = new ScreenHarness(160, 40, Locale.ENGLISH, false)) {
            monitor.watchSwarm(swarm::set);
            monitor.start();
            Predicate<String> shown = text -> {
                try {
                    h.app.apply(new UiEvent.Containers(containers.get()), new UiEvent.Swarm(swarm.get()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return h.text().contains(text);
            };
            await("the panel shows web 2/2 and both tasks healthy", () -> containers.get() != null && shown.test("2/2")
                    && h.lines().stream().filter(l -> l.contains("└ web.") && l.contains("running") && l.contains("healthy")).count() == 2);
            String before = h.text();
            assertTrue(before.contains("· swarm: 1 services"), before);
            // Kill one task's container: the swarm replaces the task, the panel follows (events, then the follow-up reads).
            SwarmTask victim = swarm.get().shownTasks(swarm.get().service("web")).get(0);
            engine.docker("kill", victim.containerId()).orThrow("docker kill");
            await("the killed task gone from the panel, a new one in its slot", () -> {
                shown.test("web");
                SwarmView v = swarm.get();
                List<SwarmTask> now = v.shownTasks(v.service("web"));
                return now.stream().noneMatch(t -> t.id().equals(victim.id())) && now.size() == 2;
            });
            await("2/2 again, both healthy", () -> shown.test("2/2")
                    && h.lines().stream().filter(l -> l.contains("└ web.") && l.contains("healthy")).count() == 2);
            assertFalse(h.text().contains(victim.containerId().substring(0, 12)));
        }
    }

    @Test
    void statusListsTheServiceAndItsTasks() throws IOException {
        Path config = Files.writeString(work.resolve("swarm.yml"), String.join("\n",
                "projectDir: " + work,
                "docker:",
                "  endpoint: " + engine.endpoint(),
                "  timeoutSeconds: 10",
                "health:",
                "  urls: []",
                "services:",
                "  - name: backend",
                ""));
        RunMain.Result text = RunMain.run("status", "--lang", "en", "--config", config.toString());
        assertTrue(text.out().contains("Swarm (this engine is a manager): 1 service(s) on 1 node(s)"), text.out() + text.err());
        String row = text.out().lines().filter(l -> l.startsWith("web ")).findFirst().orElse("");
        assertTrue(row.contains(TestImages.BUSYBOX) && row.contains("2/2"), text.out());
        assertEquals(2, text.out().lines().filter(l -> l.matches("\\s+web\\.[12]\\s.*running.*")).count(), text.out());
        RunMain.Result zh = RunMain.run("status", "--lang", "zh-CN", "--config", config.toString());
        assertTrue(zh.out().contains("Swarm（本引擎是管理节点）：1 个服务，1 个节点"), zh.out());
        assertTrue(zh.out().lines().anyMatch(l -> l.matches("\\s+web\\.1\\s.*运行中.*")), zh.out());
        RunMain.Result json = RunMain.run("status", "--json", "--config", config.toString());
        JsonNode swarm = new ObjectMapper().readTree(json.out()).path("swarm");
        assertTrue(swarm.path("manager").asBoolean(), json.out());
        JsonNode web = swarm.path("services").path(0);
        assertEquals("web", web.path("name").asText(), json.out());
        assertEquals(2, web.path("running").asInt());
        assertEquals(2, web.path("desired").asInt());
        assertEquals(List.of("web.1", "web.2"), List.of(web.path("tasks").path(0).path("name").asText(),
                web.path("tasks").path(1).path("name").asText()));
        assertEquals("healthy", web.path("tasks").path(0).path("health").asText(), json.out());
    }

    @Test
    void theServicesLogsBringBothTasksLinesTagged() throws Exception {
        Set<String> tags = ConcurrentHashMap.newKeySet();
        Map<String, String> texts = new ConcurrentHashMap<>();
        try (ContainerGateway gw = gateway();
             ServiceLogSource source = new ServiceLogSource(new SwarmLogApi(new SwarmReads(gw, Clock.SYSTEM)), "web",
                     LogWindow.lastLines(10, true), new LogMetrics(Clock.SYSTEM), Clock.SYSTEM, 8192)) {
            source.start(new LogSink() {
                @Override
                public void backlog(String s, List<LogLine> lines) {
                }

                @Override
                public void line(LogLine line) {
                    if (!line.own()) {
                        tags.add(line.source());
                        texts.put(line.source(), line.text());
                    }
                }
            });
            await("new lines of web.1 and web.2 while following", () -> tags.containsAll(Set.of("web.1", "web.2")));
            assertTrue(source.status(Instant.now()).following());
            assertTrue(texts.get("web.1").startsWith("line "), "details gone: " + texts);
            assertNotEquals(texts.get("web.1").replaceAll("line \\d+ ", ""), texts.get("web.2").replaceAll("line \\d+ ", ""),
                    "two tasks, two hosts");
        }
    }
}
