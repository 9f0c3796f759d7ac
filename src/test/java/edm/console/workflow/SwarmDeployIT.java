package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.config.ConfigLoader;
import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.backup.AuditLog;
import edm.console.e2e.PrivateDockerd;
import edm.console.swarm.SwarmTask;
import edm.console.testsupport.RunMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Swarm service deploys on a private single-node swarm (never the shared engine): a 2-replica service whose
 * image has a health check; a good update during which a healthy task always runs, a broken one Swarm rolls
 * back, a rollback from the history and one to the previous spec, a forced restart, and the CLI in Chinese.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmDeployIT {
    static final String REPO = "edm-swarm-app";
    static final int SWARM_PORT = 23772;
    static PrivateDockerd engine;
    static ContainerGateway gateway;
    static GatewaySwarm swarm;
    static WorkflowContext ctx;
    static Path project;
    static Path images;
    static Path configFile;

    @BeforeAll
    static void setUp() throws IOException {
        String missing = PrivateDockerd.unavailableReason();
        if (missing != null) {
            if ("1".equals(System.getenv("EDM_REQUIRE_DOCKER"))) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + missing);
            }
            Assumptions.abort(missing);
        }
        engine = PrivateDockerd.start();
        engine.swarmInit(SWARM_PORT);
        images = Files.createTempDirectory("edm-swarm-img");
        Path img = images;
        Files.copy(Path.of("/bin/busybox"), img.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        for (String tag : List.of("v1", "v2", "bad")) {
            String check = "bad".equals(tag) ? "exit 1" : "test -x /bin/busybox";
            Files.writeString(img.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n"
                    + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\nLABEL edm.test.tag=" + tag + "\n"
                    + "HEALTHCHECK --interval=1s --timeout=2s --retries=2 CMD " + check + "\n"
                    + "CMD [\"/bin/sh\", \"-c\", \"exec sleep 86400\"]\n");
            engine.docker("build", "-q", "-t", REPO + ":" + tag, img.toString()).orThrow("docker build " + tag);
        }
        engine.docker("service", "create", "-d", "--name", "edm_backend", "--replicas", "2", REPO + ":v1").orThrow("service create");
        project = Files.createTempDirectory("edm-swarm-project");
        configFile = project.resolve("edm-console.yml");
        Files.writeString(configFile, "project: edm\nprojectDir: " + project + "\ndocker:\n  endpoint: " + engine.endpoint()
                + "\n  timeoutSeconds: 10\ndeploy:\n  healthTimeoutSeconds: 30\n");
        ConsoleConfig config = ConfigLoader.loadFile(configFile).config();
        gateway = new ContainerGateway(engine.endpoint(), Duration.ofSeconds(10));
        swarm = new GatewaySwarm(gateway);
        ctx = Workflows.context(config, gateway, Map.of("USER", "swarm-it"), List.of());
        awaitImage(REPO + ":v1");
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (engine != null) {
            engine.close();
        }
        for (Path p : new Path[] {images, project}) {
            if (p != null) {
                DeployIT.deleteTree(p);
            }
        }
    }

    static SwarmWorkflow workflow() {
        return new SwarmWorkflow(ctx, swarm, Duration.ofSeconds(2));
    }

    static JsonNode service() {
        return workflow().find("backend", "edm").orElseThrow();
    }

    static List<SwarmTask> running() {
        return swarm.tasks(service().path("ID").asText()).stream().filter(t -> "running".equals(t.desiredState())).toList();
    }

    /** The service's two tasks run this image, healthy (waits up to a minute: the service was just created). */
    static void awaitImage(String image) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<SwarmTask> r = running();
            if (r.size() == 2 && r.stream().allMatch(t -> SwarmReading.image(t).equals(image) && t.running())) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("tasks never ran " + image + ": " + r);
            }
            sleep(250);
        }
    }

    /** Runs a prepared plan while sampling the tasks: the fewest healthy (running) tasks seen during it. */
    static int[] runSampled(SwarmWorkflow.Prepared p, List<String> lines) {
        AtomicBoolean done = new AtomicBoolean();
        List<Integer> samples = new CopyOnWriteArrayList<>();
        try (ContainerGateway own = new ContainerGateway(engine.endpoint(), Duration.ofSeconds(10))) {
            GatewaySwarm sampler = new GatewaySwarm(own);
            String id = p.plan().serviceId();
            Thread t = new Thread(() -> {
                while (!done.get()) {
                    long healthy = sampler.tasks(id).stream().filter(x -> x.running() && "running".equals(x.desiredState())).count();
                    samples.add((int) healthy);
                    sleep(100);
                }
            });
            t.start();
            DeployRun.Outcome o;
            try {
                o = p.run(progress(lines), () -> false);
            } finally {
                done.set(true);
                join(t);
            }
            lines.add("outcome: ok=" + o.ok() + " rolledBack=" + o.rolledBack() + " unknown=" + o.unknown() + " " + o.message());
            int min = samples.stream().mapToInt(Integer::intValue).min().orElse(-1);
            return new int[] {o.ok() ? 1 : o.rolledBack() ? 2 : o.unknown() ? 3 : 0, min, samples.size()};
        }
    }

    static WorkflowProgress progress(List<String> lines) {
        return new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                lines.add(step + " " + phase + " " + detail);
            }

            @Override
            public void output(String line) {
                lines.add("| " + line);
            }
        };
    }

    @Test
    @Order(1)
    void goodUpdateKeepsAHealthyTaskRunningThroughout() throws IOException {
        List<String> lines = new ArrayList<>();
        SwarmWorkflow.Prepared p = workflow().prepareDeploy("backend", service(), "v2", true, false);
        assertEquals(List.of("swarm-update", "swarm-rollout", "swarm-tasks"), p.plan().steps());
        int[] r = runSampled(p, lines);
        assertEquals(1, r[0], String.join("\n", lines));
        assertTrue(r[2] > 5, "sampled while it ran: " + r[2]);
        assertTrue(r[1] >= 1, "a moment without a healthy task:\n" + String.join("\n", lines));
        List<SwarmTask> now = running();
        assertEquals(2, now.size());
        assertTrue(now.stream().allMatch(t -> SwarmReading.image(t).equals(REPO + ":v2") && "running".equals(t.state())), now.toString());
        JsonNode update = service().path("Spec").path("UpdateConfig");
        assertEquals("start-first", update.path("Order").asText());
        assertEquals("rollback", update.path("FailureAction").asText());
        assertEquals(1, update.path("Parallelism").asInt());
        assertEquals(Duration.ofSeconds(2).toNanos(), update.path("Monitor").asLong());
        assertEquals("start-first", service().path("Spec").path("RollbackConfig").path("Order").asText());
        List<Release> good = ctx.history().goodReleases("backend");
        assertEquals(List.of("v2", "v1"), good.stream().map(Release::tag).toList(), "the deploy and what ran before it");
        String audit = Files.readString(project.resolve(AuditLog.FILE));
        assertEquals(1, audit.lines().filter(l -> l.contains("\"deploy\"") && l.contains("v2")).count(), audit);
    }

    @Test
    @Order(2)
    void brokenUpdateIsRolledBackBySwarmAndSaidSo() {
        List<String> lines = new ArrayList<>();
        int[] r = runSampled(workflow().prepareDeploy("backend", service(), "bad", true, false), lines);
        String all = String.join("\n", lines);
        assertEquals(2, r[0], all);
        assertTrue(all.contains("rolled back by Swarm"), all);
        assertTrue(r[1] >= 1, "a moment without a healthy task:\n" + all);
        assertTrue(running().stream().allMatch(t -> SwarmReading.image(t).equals(REPO + ":v2") && "running".equals(t.state())));
        assertEquals(Release.ROLLED_BACK, ctx.history().all().get(ctx.history().all().size() - 1).result());
        assertTrue(Journal.unfinished(ctx.stateDir()).isEmpty());
    }

    @Test
    @Order(3)
    void rollbackFromTheHistoryThenToThePreviousSpec() {
        // After Swarm's own rollback the service has no previous spec: the history's release before v2 is used.
        List<String> lines = new ArrayList<>();
        SwarmWorkflow.Prepared p = workflow().prepareRollback("backend", service(), null);
        assertEquals(SwarmPlan.IMAGE, p.plan().mode());
        assertEquals(REPO + ":v1", p.plan().image());
        assertEquals(1, runSampled(p, lines)[0], String.join("\n", lines));
        awaitImage(REPO + ":v1");
        // Now v2 is the previous spec: Swarm's own rollback goes back to it.
        lines.clear();
        SwarmWorkflow.Prepared back = workflow().prepareRollback("backend", service(), null);
        assertEquals(SwarmPlan.PREVIOUS, back.plan().mode());
        int[] r = runSampled(back, lines);
        assertEquals(1, r[0], String.join("\n", lines));
        assertTrue(r[1] >= 1, String.join("\n", lines));
        assertEquals("rollback_completed", service().path("UpdateStatus").path("State").asText());
        assertTrue(running().stream().allMatch(t -> SwarmReading.image(t).equals(REPO + ":v2")));
    }

    @Test
    @Order(4)
    void forcedRestartReplacesEveryTaskWithTheSameImage() {
        Set<String> before = running().stream().map(SwarmTask::id).collect(Collectors.toSet());
        long force = SwarmSpecs.forceUpdate(service().path("Spec"));
        String taskImage = REPO + ":v2";
        List<String> lines = new ArrayList<>();
        int[] r = runSampled(workflow().prepareRestart("backend", service()), lines);
        assertEquals(1, r[0], String.join("\n", lines));
        assertTrue(r[1] >= 1, String.join("\n", lines));
        List<SwarmTask> after = running();
        assertEquals(2, after.size());
        assertTrue(after.stream().noneMatch(t -> before.contains(t.id())), before + " / " + after);
        assertEquals(force + 1, SwarmSpecs.forceUpdate(service().path("Spec")));
        assertTrue(after.stream().allMatch(t -> SwarmReading.image(t).equals(taskImage) && t.running()),
                force + " " + after + "\n" + String.join("\n", lines));
    }

    @Test
    @Order(5)
    void theCliDeploysTheServiceInChineseWithTheOptionsFirst() {
        RunMain.Result r = RunMain.run("--lang", "zh-CN", "--config", configFile.toString(), "deploy", "--yes", "--skip-backup",
                "--checklist-override", "swarm IT", "backend", "v1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Swarm 已完成更新"), r.out());
        assertTrue(r.out().contains("跟踪滚动更新"), r.out());
        awaitImage(REPO + ":v1");
        RunMain.Result refused = RunMain.run("--config", configFile.toString(), "--lang", "en", "deploy", "backend", "nosuchtag", "--yes", "--checklist-override", "swarm IT",
                "--skip-backup");
        assertEquals(3, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains(REPO + ":nosuchtag"), refused.err());
        assertFalse(Files.exists(ctx.stateDir().resolve(Journal.CURRENT)));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
