package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.backup.AuditLog;
import edm.console.docker.ContainerGateway;
import edm.console.docker.DeployOps;
import edm.console.sandbox.SandboxSpec;
import edm.console.sandbox.SandboxStatusTable;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Deploy, rollback, lock and restart on the real engine with the sandbox's backend images, on the stop-and-replace path. */
@RequiresSandbox
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployIT {
    static final String HEALTH = "http://127.0.0.1:" + SandboxSpec.BACKEND_PORT + "/api/health";
    static SandboxFixture.RunningSandbox sandbox;
    static ContainerGateway gateway;
    static WorkflowContext ctx;
    static DeployWorkflow.Target backend;

    @BeforeAll
    static void setUp() throws IOException {
        sandbox = SandboxFixture.up();
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30));
        // The stop-and-replace path (that of postgres and redis; BlueGreenIT covers the backend behind nginx).
        ctx = Workflows.context(sandbox.config(), gateway, Map.of("USER", "deploy-it", "SSH_CONNECTION", "10.0.0.9 5000 10.0.0.1 22"), List.of())
                .withProxy(null, 0);
        backend = Workflows.target(sandbox.config(), "backend");
        deleteTree(ctx.stateDir());
    }

    @AfterAll
    static void tearDown() {
        gateway.close();
    }

    @BeforeEach
    void healthyBackend() {
        // Each test starts from a healthy backend under its canonical name (an earlier failure must not cascade).
        DeployOps.State s = gateway.deployOps().state(backend.container()).orElseThrow();
        if (!s.running()) {
            gateway.start(s.id());
        }
        awaitVersion(null);
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static String body() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(HEALTH))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException | InterruptedException e) {
            return "down: " + e;
        }
    }

    /** Waits (bounded) until the health URL answers 200 (with the version, when given). */
    static String awaitVersion(String version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String b = body();
        while (!(b.startsWith("200") && (version == null || b.contains("\"" + version + "\""))) && System.nanoTime() < deadline) {
            sleep(300);
            b = body();
        }
        return b;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static DeployRun.Outcome deploy(String tag, boolean skipBackup, List<String> log) {
        WorkflowProgress p = new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                log.add(phase + " " + step);
            }

            @Override
            public void output(String line) {
                log.add("| " + line);
            }
        };
        return new DeployWorkflow(ctx).prepareDeploy(backend, new DeployWorkflow.Request(tag, false, skipBackup, false)).run(p, () -> false);
    }

    @Test
    @Order(1)
    void deployV10ThenV11_withBackup_recordsHistoryAndAudit() throws IOException {
        List<String> log = new ArrayList<>();
        DeployRun.Outcome o = deploy("v1.0", false, log);
        assertTrue(o.ok(), o.message() + " " + o.output() + " " + log);
        assertNotNull(o.release().backup(), "the database backup ran first");
        assertTrue(awaitVersion("v1.0").contains("\"v1.0\""));
        o = deploy("v1.1", true, log);
        assertTrue(o.ok(), o.message() + " " + o.output());
        String b = awaitVersion("v1.1");
        assertTrue(b.startsWith("200") && b.contains("\"v1.1\""), b);

        List<Release> good = ctx.history().goodReleases("backend");
        // Newest first, and at the end what ran before the first deploy (found running: rollback can go back to it).
        assertEquals(List.of("v1.1", "v1.0"), good.stream().limit(2).map(Release::tag).toList());
        assertEquals(List.of("deploy", "deploy", ReleaseHistory.FOUND), good.stream().map(Release::kind).toList());
        assertTrue(good.get(0).imageId().startsWith("sha256:"));
        assertEquals("deploy-it", good.get(0).user());
        List<String> audit = Files.readAllLines(sandbox.projectDir().resolve(AuditLog.FILE));
        String last = audit.get(audit.size() - 1);
        assertTrue(last.contains("\"action\":\"deploy\"") && last.contains("\"target\":\"backend\"") && last.contains("\"result\":\"ok\"")
                && last.contains("10.0.0.9") && last.contains("backup skipped"), last);
        // The previous container is kept, stopped, for instant rollback.
        assertTrue(gateway.listContainers().stream().anyMatch(c -> c.name().startsWith(backend.container() + "-old-")));
        // People read the tag, not sha256:...: the engine itself recorded it (the list, status and sandbox status read it).
        assertEquals("edm-backend:v1.1", DockerEngine.client().inspectContainerCmd(backend.container()).exec().getConfig().getImage());
        assertEquals("edm-backend:v1.1", gateway.listContainers().stream().filter(c -> c.name().equals(backend.container()))
                .findFirst().orElseThrow().image());
        assertEquals("edm-backend:v1.1", gateway.deployOps().state(backend.container()).orElseThrow().imageRef());
        assertTrue(SandboxStatusTable.render(SandboxFixture.sandbox().status()).stream()
                .anyMatch(l -> l.startsWith(backend.container() + " ") && l.contains(" edm-backend:v1.1 ")), "sandbox status");
        assertTrue(last.contains("edm-backend:v1.0 (") && last.contains("-> edm-backend:v1.1 ("), last);
        assertFalse(last.contains("sha256:"), last);
    }

    @Test
    @Order(2)
    void brokenVersionRollsBackAutomaticallyWithTheFailureOutput() {
        String before = gateway.deployOps().state(backend.container()).orElseThrow().id();
        List<String> log = new ArrayList<>();
        DeployRun.Outcome o = deploy(SandboxSpec.BROKEN_VERSION, true, log);
        assertTrue(o.rolledBack(), o.message() + " " + log);
        assertEquals("health", o.failedStep());
        assertTrue(o.output().stream().anyMatch(l -> l.contains("500") || l.contains("migration")), o.output().toString());
        DeployOps.State now = gateway.deployOps().state(backend.container()).orElseThrow();
        assertEquals(before, now.id(), "the old container is back under its name");
        assertTrue(body().startsWith("200"), body());
        assertEquals(Release.ROLLED_BACK, ctx.history().all().get(ctx.history().all().size() - 1).result());
    }

    @Test
    @Order(3)
    void rollbackThroughTheHistoryUsesTheKeptContainer() {
        List<Release> good = ctx.history().goodReleases("backend");
        Release to = edm.console.cli.RollbackAccess.pick(good, null).orElseThrow();
        assertEquals("v1.0", to.tag());
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx).prepareRollback(backend, to);
        DeployRun.Outcome o = p.run(WorkflowProgress.NONE, () -> false);
        assertTrue(o.ok(), o.message() + " " + o.output());
        if (ctx.compose().active()) {
            // The sandbox's docker-compose.yml names the backend: the container that comes back needs compose's
            // labels, which a kept container cannot be given, so it is made anew from the kept release's image.
            assertNull(p.plan().reuseId(), "under compose: a new container from the kept image");
            assertEquals(to.imageId(), gateway.deployOps().state(backend.container()).orElseThrow().imageId());
        } else {
            assertNotNull(p.plan().reuseId(), "instant: the kept v1.0 container");
        }
        assertTrue(awaitVersion("v1.0").contains("\"v1.0\""));
        assertEquals("rollback", ctx.history().current("backend").orElseThrow().kind());
    }

    @Test
    @Order(4)
    void rollbackToADeletedImageIsRefusedBeforeAnythingChanges() {
        DeployOps.State before = gateway.deployOps().state(backend.container()).orElseThrow();
        Release gone = new Release("x", "deploy", "backend", "v0.9", "edm-backend:v0.9",
                "sha256:0000000000000000000000000000000000000000000000000000000000000000", backend.container(), "old", Instant.EPOCH,
                Release.OK, 0, null, null);
        WorkflowException e = assertThrows(WorkflowException.class, () -> new DeployWorkflow(ctx).prepareRollback(backend, gone));
        assertTrue(e.getMessage().contains("v0.9"), e.getMessage());
        DeployOps.State after = gateway.deployOps().state(backend.container()).orElseThrow();
        assertEquals(before.id(), after.id());
        assertTrue(after.running());
        assertFalse(Files.exists(ctx.lockFile()));
    }

    @Test
    @Order(5)
    void portTakenByAnotherContainerFailsBeforeTheOldStops() {
        // The backend is down (crashed) and something else grabbed its port: the new container could never start.
        DeployOps.State old = gateway.deployOps().state(backend.container()).orElseThrow();
        gateway.stop(old.id(), 5);
        String squatter = PortSquatter.start(SandboxSpec.BACKEND_PORT);
        try {
            WorkflowException e = assertThrows(WorkflowException.class,
                    () -> new DeployWorkflow(ctx).prepareDeploy(backend, new DeployWorkflow.Request("v1.1", false, true, false)));
            assertTrue(e.getMessage().contains(String.valueOf(SandboxSpec.BACKEND_PORT)) && e.getMessage().contains(PortSquatter.NAME),
                    e.getMessage());
            DeployOps.State after = gateway.deployOps().state(backend.container()).orElseThrow();
            assertEquals(old.id(), after.id());
            assertEquals(backend.container(), after.name());
            assertTrue(gateway.listContainers().stream().noneMatch(c -> c.name().startsWith(backend.container() + "-new-")));
        } finally {
            PortSquatter.remove(squatter);
            gateway.start(old.id());
        }
    }

    @Test
    @Order(6)
    void twoDeploysAtOnce_exactlyOneRuns_theOtherNamesTheHolder() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Object> results = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    results.add(new DeployWorkflow(ctx).prepareDeploy(backend, new DeployWorkflow.Request("v1.1", false, true, false)));
                } catch (WorkflowLock.HeldException e) {
                    results.add(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertEquals(1, results.stream().filter(r -> r instanceof DeployWorkflow.Prepared).count(), results.toString());
        WorkflowLock.HeldException held = (WorkflowLock.HeldException) results.stream().filter(r -> r instanceof WorkflowLock.HeldException)
                .findFirst().orElseThrow();
        assertEquals("deploy-it", held.holder().user());
        assertTrue(held.getMessage().contains("deploy backend v1.1") && held.getMessage().contains("deploy-it"), held.getMessage());
        DeployWorkflow.Prepared winner = (DeployWorkflow.Prepared) results.stream().filter(r -> r instanceof DeployWorkflow.Prepared)
                .findFirst().orElseThrow();
        DeployRun.Outcome o = winner.run(WorkflowProgress.NONE, () -> false);
        assertTrue(o.ok(), o.message());
        assertTrue(awaitVersion("v1.1").contains("\"v1.1\""));
    }

    @Test
    @Order(7)
    void restartOfTheStackGoesInDependencyOrderWithAHealthGateEach() {
        Map<String, String> startedBefore = new java.util.HashMap<>();
        for (DeployWorkflow.Target t : Workflows.stack(sandbox.config())) {
            startedBefore.put(t.service(), gateway.findByName(t.container()).orElseThrow().startedAt());
        }
        List<String> order = new ArrayList<>();
        WorkflowProgress p = new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                if (phase == Phase.END) {
                    order.add(step.substring("restart ".length()));
                }
            }

            @Override
            public void output(String line) {
            }
        };
        new RestartWorkflow(ctx).restart(Workflows.stack(sandbox.config()), p, () -> false);
        assertEquals(List.of("postgres", "redis", "backend", "frontend", "nginx"), order);
        for (DeployWorkflow.Target t : Workflows.stack(sandbox.config())) {
            var now = gateway.findByName(t.container()).orElseThrow();
            assertTrue(now.running());
            assertFalse(now.startedAt().equals(startedBefore.get(t.service())), t.service() + " was restarted");
        }
        assertTrue(body().startsWith("200"));
    }
}
