package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue-green deploys against the fake engine and a fake nginx. After every change to a container the test
 * asks whether nginx's current target runs: "zero failed requests" is that invariant holding throughout.
 */
class BlueGreenTest {
    static final String UPSTREAM = "upstream backend {\n    server backend:8002 max_fails=0;\n    keepalive 8;\n}\n";

    @TempDir
    Path dir;
    FakeEngine engine;
    FakeProxy nginx;
    final List<String> outages = new ArrayList<>();
    final List<String> verifyFailures = new ArrayList<>();
    final List<Release> released = new ArrayList<>();
    final DeployWorkflow.Target backend = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "https://tkmail.fun/api/health",
            null, 8002, false);
    String oldId;

    @BeforeEach
    void setUp() {
        engine = new FakeEngine();
        FakeEngine.C old = engine.add("edm-backend-prod", "edm-backend:v1.0", true);
        old.ports = List.of("127.0.0.1:18002");
        oldId = old.id;
        engine.add("edm-postgres-prod", "edm-postgres:v1.0", true);
        engine.images.put("edm-backend:v1.1", "sha256:v11");
        engine.images.put("edm-backend:v1.2-broken", "sha256:v12");
        engine.brokenImages.add("edm-backend:v1.2-broken");
        nginx = new FakeProxy(engine, "backend", "edm-backend-prod", UPSTREAM);
        engine.afterChange = () -> {
            if (!nginx.serving()) {
                outages.add(engine.calls.get(engine.calls.size() - 1));
            }
        };
    }

    WorkflowContext ctx() {
        return new WorkflowContext(engine, dir, dir.resolve("state"), new Operator("alice", null, Operator.hostName(), ProcessHandle.current().pid()),
                Duration.ofSeconds(2), 1, 0, 2, url -> Optional.empty(), () -> List.copyOf(verifyFailures), p -> "db-1", List.of(), null)
                .withProxy(nginx, 3).withReleaseListener((plan, r) -> released.add(r));
    }

    DeployRun.Outcome deploy(String tag) {
        return new DeployWorkflow(ctx()).prepareDeploy(backend, new DeployWorkflow.Request(tag, false, true, false))
                .run(WorkflowProgress.NONE, () -> false);
    }

    String upstreamHost() {
        return Upstreams.host(nginx.files.get("backend")).orElseThrow();
    }

    @Test
    void aGoodDeployStartsTheNewBesideTheOldAndSwitchesWithoutAnOutage() {
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(backend, new DeployWorkflow.Request("v1.1", false, true, false));
        assertEquals(DeployPlan.BLUE_GREEN, p.plan().path());
        assertEquals(List.of("create-beside", "start-new", "health", "switch", "drain", "retire", "verify", "cleanup"), p.plan().steps());
        DeployRun.Outcome o = p.run(WorkflowProgress.NONE, () -> false);
        assertTrue(o.ok(), o.message());
        assertEquals(List.of(), outages, "nginx pointed at a container that did not run: " + engine.calls);

        FakeEngine.C now = engine.byName("edm-backend-prod");
        assertEquals("edm-backend:v1.1", now.image);
        assertTrue(now.running);
        assertEquals(List.of(), now.ports, "the new container publishes no host port");
        assertEquals(Upstreams.address(now.id), upstreamHost(), "the upstream names the new container by its id, which survives its rename");
        assertEquals("    server " + Upstreams.address(now.id) + ":8002 max_fails=0;", nginx.files.get("backend").lines().toList().get(1),
                "port and parameters kept");
        assertEquals(now.id, nginx.servingId);
        FakeEngine.C kept = engine.containers.get(oldId);
        assertTrue(kept.name.startsWith("edm-backend-prod-old-"), kept.name);
        assertFalse(kept.running);

        List<String> c = engine.calls;
        int start = c.indexOf("start " + p.plan().tempName());
        int probe = indexOf(c, "probe http://" + Upstreams.address(now.id) + ":8002/api/health");
        int reload = c.indexOf("nginx -s reload");
        int stopOld = c.indexOf("stop edm-backend-prod");
        assertTrue(start >= 0 && start < probe && probe < reload && reload < stopOld, c.toString());
        assertTrue(c.indexOf("nginx -t") < reload, "tested before the reload: " + c);
        assertEquals(1, nginx.reloads);
        assertEquals(1, released.size(), "the compose hook is told of the release");
        assertTrue(Journal.unfinished(dir.resolve("state")).isEmpty());
    }

    @Test
    void aBrokenVersionNeverGetsTrafficAndIsRemoved() {
        DeployRun.Outcome o = deploy("v1.2-broken");
        assertFalse(o.ok());
        assertEquals("health", o.failedStep());
        assertEquals(List.of(), outages);
        assertEquals(0, nginx.reloads, "nginx never switched");
        assertEquals(UPSTREAM, nginx.files.get("backend"), "the upstream file untouched");
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertTrue(engine.byName("edm-backend-prod").running);
        assertEquals(2, engine.containers.size(), "the new container is gone: " + engine.containers.keySet());
        assertFalse(engine.calls.contains("stop edm-backend-prod"), "the old one never stopped: " + engine.calls);
        assertTrue(released.isEmpty());
    }

    @Test
    void aFailingNginxTestPutsThePreviousFileBackAndNothingSwitches() {
        nginx.rejects = c -> !c.contains("backend:8002");
        DeployRun.Outcome o = deploy("v1.1");
        assertFalse(o.ok());
        assertEquals("switch", o.failedStep());
        assertTrue(o.message().contains("nginx -t"), o.message());
        assertEquals(UPSTREAM, nginx.files.get("backend"));
        assertEquals(0, nginx.reloads);
        assertEquals(List.of(), outages);
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertEquals(2, engine.containers.size());
    }

    @Test
    void aFailureAfterTheSwitchSwitchesBackBeforeTheNewOneGoes() {
        verifyFailures.add("api: HTTP 500");
        DeployRun.Outcome o = deploy("v1.1");
        assertFalse(o.ok());
        assertTrue(o.rolledBack());
        assertEquals("verify", o.failedStep());
        assertEquals(List.of(), outages, engine.calls.toString());
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertTrue(engine.byName("edm-backend-prod").running);
        assertEquals(Upstreams.address(oldId), upstreamHost(), "back on the old container, by its id (the shared alias named both)");
        assertEquals(oldId, nginx.servingId);
        assertEquals(2, nginx.reloads);
        assertEquals(2, engine.containers.size(), engine.containers.keySet().toString());
    }

    @Test
    void theWayBackWaitsForTheWorkersStillOnTheNewOneBeforeItGoes() {
        nginx.linger = 3;
        verifyFailures.add("api: HTTP 500");
        DeployRun.Outcome o = deploy("v1.1");
        assertTrue(o.rolledBack(), o.message());
        assertEquals(oldId, nginx.servingId);
        assertEquals(List.of(), outages, engine.calls.toString());
        assertEquals(2, engine.containers.size(), engine.containers.keySet().toString());
    }

    @Test
    void aReloadThatDidNotTakeIsCaughtInTheDrainAndTheOldOneNeverStops() {
        nginx.reloadTakes = false;
        DeployRun.Outcome o = new DeployWorkflow(ctx().withProxy(nginx, 1)).prepareDeploy(backend,
                new DeployWorkflow.Request("v1.1", false, true, false)).run(WorkflowProgress.NONE, () -> false);
        assertFalse(o.ok());
        assertEquals("drain", o.failedStep());
        assertTrue(o.rolledBack());
        assertEquals(List.of(), outages, engine.calls.toString());
        assertFalse(engine.calls.contains("stop edm-backend-prod"), engine.calls.toString());
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertEquals(2, engine.containers.size());
    }

    @Test
    void aRollbackBringsTheKeptContainerBackByTheSameSwitchWithoutCreatingOne() {
        assertTrue(deploy("v1.1").ok());
        String v11 = engine.byName("edm-backend-prod").id;
        Release v10 = new Release("r0", "deploy", "backend", "v1.0", "edm-backend:v1.0", engine.images.get("edm-backend:v1.0"),
                "edm-backend-prod", "alice", java.time.Instant.now(), Release.OK, 0, null, null);
        int creates = engine.createdFrom.size();
        engine.calls.clear();
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareRollback(backend, v10);
        assertEquals(oldId, p.plan().reuseId());
        assertEquals(List.of("start-new", "health", "switch", "drain", "retire", "verify", "cleanup"), p.plan().steps());
        DeployRun.Outcome o = p.run(WorkflowProgress.NONE, () -> false);
        assertTrue(o.ok(), o.message());
        assertEquals(creates, engine.createdFrom.size(), "no container created");
        assertFalse(engine.calls.stream().anyMatch(x -> x.startsWith("build")));
        assertEquals(List.of(), outages, engine.calls.toString());
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertEquals(oldId, nginx.servingId);
        assertTrue(engine.containers.get(v11).name.startsWith("edm-backend-prod-old-"));
        assertFalse(engine.containers.get(v11).running);
    }

    @Test
    void aRollbackWhoseKeptContainerIsBrokenStopsItAgainAndKeepsServing() {
        assertTrue(deploy("v1.1").ok());
        String v11 = engine.byName("edm-backend-prod").id;
        engine.brokenImages.add("edm-backend:v1.0");
        Release v10 = new Release("r0", "deploy", "backend", "v1.0", "edm-backend:v1.0", engine.images.get("edm-backend:v1.0"),
                "edm-backend-prod", "alice", java.time.Instant.now(), Release.OK, 0, null, null);
        DeployRun.Outcome o = new DeployWorkflow(ctx()).prepareRollback(backend, v10).run(WorkflowProgress.NONE, () -> false);
        assertFalse(o.ok());
        assertEquals(List.of(), outages);
        assertEquals(v11, engine.byName("edm-backend-prod").id);
        assertFalse(engine.containers.get(oldId).running, "the kept one is stopped again");
        assertTrue(engine.containers.get(oldId).name.startsWith("edm-backend-prod-old-"), "and keeps its kept name");
    }

    @Test
    void aCrashAfterTheSwitchIsUndoneByRecovery() {
        engine.dieOnStop = new Error("kill -9");
        assertThrows(Error.class, () -> deploy("v1.1"));
        engine.dieOnStop = null;
        Recovery r = new Recovery(ctx());
        Recovery.Unfinished u = r.find().orElseThrow();
        assertEquals("retire", u.lastStep());
        Journal.Contents j = u.journal();
        String newId = j.data().get("newId");
        assertEquals(newId, j.data().get(BlueGreenSteps.TARGET), "the journal names the container nginx points at");
        assertEquals(UPSTREAM, j.data().get(BlueGreenSteps.PREVIOUS), "and the file as it was");
        assertTrue(j.data().get(BlueGreenSteps.NEXT).contains(Upstreams.address(newId)));

        DeployRun.Outcome back = r.rollBack(WorkflowProgress.NONE);
        assertTrue(back.rolledBackAsAsked(), back.message());
        assertEquals(List.of(), outages, engine.calls.toString());
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertEquals(oldId, nginx.servingId);
        assertNull(engine.containers.get(newId));
        assertTrue(r.find().isEmpty());
    }

    @Test
    void aCrashAfterTheSwitchIsFinishedByResume() {
        engine.dieOnStop = new Error("kill -9");
        assertThrows(Error.class, () -> deploy("v1.1"));
        engine.dieOnStop = null;
        String newId = Journal.unfinished(dir.resolve("state")).orElseThrow().data().get("newId");
        DeployRun.Outcome o = new Recovery(ctx()).resume(WorkflowProgress.NONE);
        assertTrue(o.ok(), o.message());
        assertEquals(List.of(), outages);
        assertEquals(newId, engine.byName("edm-backend-prod").id);
        assertEquals(newId, nginx.servingId);
        assertEquals(3, engine.containers.size(), "new, kept old, postgres: no second new one");
    }

    @Test
    void servicesNotBehindNginxStopAndReplace() {
        DeployWorkflow.Target postgres = new DeployWorkflow.Target("postgres", "edm-postgres-prod", "edm-postgres", "", null);
        engine.images.put("edm-postgres:v1.1", "sha256:pg11");
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(postgres, new DeployWorkflow.Request("v1.1", false, true, false));
        assertEquals(DeployPlan.REPLACE, p.plan().path());
        assertTrue(p.plan().steps().contains("stop-old"));
        p.abandon();
    }

    @Test
    void aStopAndReplaceOfAServiceNginxRoutesToReloadsNginxSoItResolvesTheNewContainer() {
        // services[].upstream: false: the console does not switch, but nginx resolved the old container's address at load.
        DeployWorkflow.Target unmanaged = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", null);
        engine.afterChange = () -> { };
        DeployRun.Outcome o = new DeployWorkflow(ctx()).prepareDeploy(unmanaged, new DeployWorkflow.Request("v1.1", false, true, false))
                .run(WorkflowProgress.NONE, () -> false);
        assertTrue(o.ok(), o.message());
        assertEquals(1, nginx.reloads, engine.calls.toString());
        String newId = engine.byName("edm-backend-prod").id;
        assertEquals(newId, nginx.servingId, "nginx resolves the new container");
        assertTrue(engine.calls.indexOf("nginx -s reload") > engine.calls.indexOf("start edm-backend-prod"), engine.calls.toString());
    }

    @Test
    void withoutAnUpstreamFileADefaultServiceStopsAndReplacesAndThePlanSaysWhy() {
        nginx.files.clear();
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(backend, new DeployWorkflow.Request("v1.1", false, true, false));
        assertEquals(DeployPlan.REPLACE_NO_UPSTREAM, p.plan().path());
        assertTrue(p.plan().steps().contains("stop-old"));
        p.abandon();
    }

    @Test
    void preflightRefusesAMissingUpstreamFileOfARequiredUpstreamNamingItAndTheKey() {
        nginx.files.clear();
        DeployWorkflow.Target required = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", null, 8002, true);
        WorkflowException e = assertThrows(WorkflowException.class,
                () -> new DeployWorkflow(ctx()).prepareDeploy(required, new DeployWorkflow.Request("v1.1", false, true, false)));
        assertTrue(e.getMessage().contains("backend.conf") && e.getMessage().contains("services[].upstream"), e.getMessage());
        assertEquals(2, engine.containers.size());
    }

    @Test
    void thePlanSurvivesTheJournal() {
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(backend, new DeployWorkflow.Request("v1.1", false, true, false));
        DeployPlan back = DeployPlan.fromJournal(p.plan().journalData());
        p.abandon();
        assertEquals(p.plan(), back);
        assertNotNull(back.path());
    }

    private static int indexOf(List<String> calls, String call) {
        return calls.indexOf(call);
    }
}
