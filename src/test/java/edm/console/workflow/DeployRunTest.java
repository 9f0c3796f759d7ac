package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy step machine against a fake engine: order of changes, rollback, pre-flight refusals, journal, lock. */
class DeployRunTest {
    @TempDir
    Path dir;
    FakeEngine engine;
    List<String> backups;
    List<PreflightCheck> checks;
    DeployWorkflow.Target target = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", null);

    @BeforeEach
    void setUp() {
        engine = new FakeEngine();
        FakeEngine.C old = engine.add("edm-backend-prod", "edm-backend:v1.0", true);
        old.ports = List.of("127.0.0.1:8002");
        engine.images.put("edm-backend:v1.1", "sha256:v11");
        engine.images.put("edm-backend:v1.2-broken", "sha256:v12");
        engine.brokenImages.add("edm-backend:v1.2-broken");
        backups = new ArrayList<>();
        checks = new ArrayList<>();
    }

    WorkflowContext ctx() {
        return new WorkflowContext(engine, dir, dir.resolve("state"), new Operator("alice", null, Operator.hostName(), ProcessHandle.current().pid()),
                Duration.ofSeconds(2), 1, 0, 1, url -> Optional.empty(), List::of, p -> {
                    backups.add("db");
                    return "db-1";
                }, checks, null);
    }

    DeployRun.Outcome deploy(String tag, boolean skipBackup) {
        return new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request(tag, false, skipBackup, false))
                .run(WorkflowProgress.NONE, () -> false);
    }

    @Test
    void createsTheNewContainerBeforeTheOldStopsAndKeepsTheOld() {
        String oldId = engine.byName("edm-backend-prod").id;
        DeployRun.Outcome o = deploy("v1.1", false);
        assertTrue(o.ok(), o.message());
        assertEquals(List.of("db"), backups);
        List<String> calls = engine.calls;
        assertTrue(calls.get(0).startsWith("create edm-backend-prod-new-"), calls.toString());
        assertEquals("stop edm-backend-prod", calls.get(1));
        assertEquals("edm-backend:v1.1", engine.byName("edm-backend-prod").image);
        FakeEngine.C kept = engine.containers.get(oldId);
        assertTrue(kept.name.startsWith("edm-backend-prod-old-"), kept.name);
        assertFalse(kept.running);
        Release r = new ReleaseHistory(dir.resolve("state")).current("backend").orElseThrow();
        assertEquals("v1.1", r.tag());
        assertEquals("sha256:v11", r.imageId());
        assertEquals("alice", r.user());
        assertTrue(Journal.unfinished(dir.resolve("state")).isEmpty(), "journal filed away");
        assertFalse(Files.exists(dir.resolve("state/workflow.lock")), "lock released");
    }

    @Test
    void theFirstDeployKeepsWhatRanBeforeAsARollbackTarget() {
        FakeEngine.C old = engine.byName("edm-backend-prod");
        String oldImageId = engine.state(old.id).orElseThrow().imageId();
        assertTrue(deploy("v1.1", true).ok());
        ReleaseHistory history = new ReleaseHistory(dir.resolve("state"));
        Release found = ReleaseHistory.rollbackTarget(history.goodReleases("backend"), null).orElseThrow();
        assertEquals(ReleaseHistory.FOUND, found.kind());
        assertEquals("v1.0", found.tag());
        assertEquals(oldImageId, found.imageId());
        assertTrue(found.time().isBefore(history.current("backend").orElseThrow().time()));
        // The second deploy replaces the release the history knows as the current one: nothing found.
        assertTrue(deploy("v1.0", true).ok());
        assertEquals(1, history.all().stream().filter(r -> ReleaseHistory.FOUND.equals(r.kind())).count(), history.all().toString());
    }

    @Test
    void aContainerChangedOutsideTheConsoleIsWhatRollbackReturnsTo() {
        assertTrue(deploy("v1.1", true).ok());
        // Someone runs docker-compose up or docker run by hand: another image under the service's name.
        engine.byName("edm-backend-prod").image = "edm-backend:v1.0";
        engine.images.put("edm-backend:v1.0", "sha256:v10-by-hand");
        assertTrue(deploy("v1.1", true).ok());
        ReleaseHistory history = new ReleaseHistory(dir.resolve("state"));
        Release back = ReleaseHistory.rollbackTarget(history.goodReleases("backend"), null).orElseThrow();
        assertEquals("sha256:v10-by-hand", back.imageId(), history.all().toString());
        assertEquals(ReleaseHistory.FOUND, back.kind());
    }

    @Test
    void aFailedFirstDeployRecordsNothingFound() {
        assertFalse(deploy("v1.2-broken", true).ok());
        assertTrue(new ReleaseHistory(dir.resolve("state")).all().stream().noneMatch(r -> ReleaseHistory.FOUND.equals(r.kind())));
    }

    @Test
    void anUnhealthyNewVersionIsRolledBackToTheOldContainer() {
        String oldId = engine.byName("edm-backend-prod").id;
        DeployRun.Outcome o = deploy("v1.2-broken", true);
        assertTrue(o.rolledBack());
        assertEquals("health", o.failedStep());
        assertTrue(o.output().stream().anyMatch(l -> l.contains("HTTP 500")), o.output().toString());
        FakeEngine.C now = engine.byName("edm-backend-prod");
        assertEquals(oldId, now.id);
        assertTrue(now.running);
        assertEquals(1, engine.containers.size(), "the broken container is removed");
        assertEquals(Release.ROLLED_BACK, new ReleaseHistory(dir.resolve("state")).all().get(0).result());
    }

    @Test
    void aFailedCreateNeverStopsTheOldContainer() {
        engine.failCreate = new WorkflowException("port is already allocated");
        DeployRun.Outcome o = deploy("v1.1", true);
        assertFalse(o.ok());
        assertFalse(o.rolledBack());
        assertTrue(engine.byName("edm-backend-prod").running);
        assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("stop")), engine.calls.toString());
    }

    @Test
    void theNewContainerIsCreatedFromTheTagSoTheEngineRecordsIt() {
        DeployRun.Outcome o = deploy("v1.1", true);
        assertTrue(o.ok(), o.message());
        assertEquals(List.of("edm-backend:v1.1"), engine.createdFrom, "not the image id: lists would show sha256:...");
        assertEquals("edm-backend:v1.1", o.release().image());
        assertEquals("sha256:v11", o.release().imageId(), "the id is kept as the detail");
    }

    @Test
    void aTagThatMovedAfterPreflightIsRefusedAtCreateAndNothingChanges() {
        String oldId = engine.byName("edm-backend-prod").id;
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false));
        engine.images.put("edm-backend:v1.1", "sha256:other");
        DeployRun.Outcome o = p.run(WorkflowProgress.NONE, () -> false);
        assertFalse(o.ok());
        assertTrue(o.message().contains("edm-backend:v1.1") && o.message().contains("v11") && o.message().contains("other"), o.message());
        assertTrue(engine.byName("edm-backend-prod").running, "the old one was never stopped");
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertTrue(engine.calls.stream().anyMatch(c -> c.startsWith("remove edm-backend-prod-new-")), engine.calls.toString());
        assertFalse(engine.calls.contains("stop edm-backend-prod"), engine.calls.toString());
    }

    @Test
    void aRollbackCreatesFromTheReleaseTagWhileItStillNamesThatImage() {
        Release v11 = new Release("r1", "deploy", "backend", "v1.1", "edm-backend:v1.1", "sha256:v11", "edm-backend-prod", "bob",
                java.time.Instant.EPOCH, Release.OK, 0, null, null);
        DeployRun.Outcome o = new DeployWorkflow(ctx()).prepareRollback(target, v11).run(WorkflowProgress.NONE, () -> false);
        assertTrue(o.ok(), o.message());
        assertEquals(List.of("edm-backend:v1.1"), engine.createdFrom);

        // v1.1 re-tagged to another build since: the recorded image is only reachable by its id.
        setUp();
        engine.images.put("edm-backend:v1.1", "sha256:rebuilt");
        engine.images.put("edm-backend:v1.1-old", "sha256:v11");
        o = new DeployWorkflow(ctx()).prepareRollback(target, v11).run(WorkflowProgress.NONE, () -> false);
        assertTrue(o.ok(), o.message());
        assertEquals(List.of("sha256:v11"), engine.createdFrom, "never the moved tag: that is another image");
    }

    @Test
    void preflightRefusesBeforeAnyChange() {
        DeployWorkflow wf = new DeployWorkflow(ctx());
        assertThrows(WorkflowException.class, () -> wf.prepareDeploy(target, new DeployWorkflow.Request("latest", false, true, false)));
        assertThrows(WorkflowException.class, () -> wf.prepareDeploy(target, new DeployWorkflow.Request("v9", false, true, false)));
        FakeEngine.C squatter = engine.add("squatter", "busybox", true);
        squatter.ports = List.of("127.0.0.1:8002");
        WorkflowException e = assertThrows(WorkflowException.class,
                () -> wf.prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false)));
        assertTrue(e.getMessage().contains("squatter"), e.getMessage());
        engine.remove(squatter.id);
        checks.add(p -> Optional.of("checklist item 'migrations reviewed' fails"));
        e = assertThrows(WorkflowException.class, () -> wf.prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false)));
        assertTrue(e.getMessage().contains("migrations reviewed"));
        assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("create") || c.startsWith("stop")), engine.calls.toString());
        assertFalse(Files.exists(dir.resolve("state/workflow.lock")), "a refused pre-flight releases the lock");
    }

    @Test
    void cancelAfterTheOldStoppedRollsBack() {
        String oldId = engine.byName("edm-backend-prod").id;
        int[] checksSeen = {0};
        DeployRun.Outcome o = new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false))
                .run(WorkflowProgress.NONE, () -> ++checksSeen[0] > 3);
        assertTrue(o.rolledBack(), o.message());
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertTrue(engine.byName("edm-backend-prod").running);
    }

    @Test
    void aSecondWorkflowIsToldWhoHoldsTheLock() {
        DeployWorkflow.Prepared first = new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false));
        WorkflowLock.HeldException e = assertThrows(WorkflowLock.HeldException.class,
                () -> new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false)));
        assertEquals("alice", e.holder().user());
        assertTrue(e.getMessage().contains("deploy backend v1.1"), e.getMessage());
        assertFalse(e.holder().stale());
        first.abandon();
    }

    @Test
    void aStaleLockIsRecognisedAndBrokenOnlyWhileStillTheSame() throws Exception {
        Path lock = dir.resolve("state/workflow.lock");
        Files.createDirectories(lock.getParent());
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        WorkflowLock.Holder h = new WorkflowLock.Holder("bob", Operator.hostName(), dead.pid(), java.time.Instant.now(), "deploy backend v2");
        Files.writeString(lock, WorkflowJson.line(h));
        WorkflowLock.HeldException e = assertThrows(WorkflowLock.HeldException.class,
                () -> new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false)));
        assertTrue(e.holder().stale());
        assertFalse(WorkflowLock.breakStale(lock, new WorkflowLock.Holder("carol", h.host(), h.pid(), h.since(), h.what())));
        assertTrue(WorkflowLock.breakStale(lock, e.holder()));
        assertTrue(deploy("v1.1", true).ok());
    }

    @Test
    void aCrashAfterStopIsRecoveredEitherWay() {
        String oldId = engine.byName("edm-backend-prod").id;
        WorkflowContext crashing = new WorkflowContext(engine, dir, dir.resolve("state"), ctx().operator(), Duration.ofSeconds(2), 1, 0, 1,
                url -> Optional.empty(), List::of, p -> "db-1", List.of(), null);
        DeployWorkflow.Prepared p = new DeployWorkflow(crashing).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false));
        // Simulate the crash: run create and stop-old by hand through the journal, then drop the lock like a dead process.
        Journal j = Journal.start(crashing.stateDir(), DeployWorkflow.runId(p.plan()), p.plan().journalData());
        String newId = engine.createLike(oldId, p.plan().tempName(), "sha256:v11");
        j.write("create", "end", Map.of("newId", newId, "step.create", "end"));
        engine.stop(oldId, 1);
        j.write("stop-old", "end", Map.of("step.stop-old", "end"));
        p.abandon();

        Recovery r = new Recovery(crashing);
        Recovery.Unfinished u = r.find().orElseThrow();
        assertEquals("stop-old", u.lastStep());
        assertFalse(u.oldContainer().orElseThrow().running());
        assertTrue(u.newContainer().isPresent());
        DeployRun.Outcome back = r.rollBack(WorkflowProgress.NONE);
        assertTrue(back.rolledBack(), back.message());
        assertTrue(back.rolledBackAsAsked(), "the roll back was asked for and nothing failed: " + back.failedStep());
        assertEquals("edm-backend:v1.0", back.restoredImage());
        assertEquals(oldId, engine.byName("edm-backend-prod").id);
        assertTrue(engine.byName("edm-backend-prod").running);
        assertTrue(r.find().isEmpty());
    }

    @Test
    void resumeAfterTheNewOneStartedDoesNotCreateASecond() {
        String oldId = engine.byName("edm-backend-prod").id;
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false));
        Journal j = Journal.start(ctx().stateDir(), DeployWorkflow.runId(p.plan()), p.plan().journalData());
        String newId = engine.createLike(oldId, p.plan().tempName(), "sha256:v11");
        j.write("create", "end", Map.of("newId", newId, "step.create", "end"));
        engine.stop(oldId, 1);
        engine.rename(oldId, p.plan().keptName());
        engine.rename(newId, "edm-backend-prod");
        engine.start(newId);
        j.write("start-new", "end", Map.of("step.start-new", "end"));
        p.abandon();
        DeployRun.Outcome o = new Recovery(ctx()).resume(WorkflowProgress.NONE);
        assertTrue(o.ok(), o.message());
        assertEquals(newId, engine.byName("edm-backend-prod").id);
        assertEquals(2, engine.containers.size(), engine.containers.keySet().toString());
    }

    @Test
    void buildStreamsItsOutputAndDeploysTheBuiltImage() throws Exception {
        Path context = dir.resolve("ctx");
        Files.createDirectories(context);
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        DeployWorkflow.Target withContext = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", context);
        List<String> output = new ArrayList<>();
        WorkflowProgress p = new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                output.add(phase + " " + step);
            }

            @Override
            public void output(String line) {
                output.add("| " + line);
            }
        };
        DeployRun.Outcome o = new DeployWorkflow(ctx()).prepareDeploy(withContext, new DeployWorkflow.Request("v2", true, true, false))
                .run(p, () -> false);
        assertTrue(o.ok(), o.message());
        assertTrue(output.indexOf("| Step 1/1 : FROM scratch") > output.indexOf("BEGIN build"), output.toString());
        assertTrue(output.indexOf("END build") < output.indexOf("BEGIN create"), output.toString());
        assertEquals("edm-backend:v2", engine.byName("edm-backend-prod").image);
        assertEquals(engine.images.get("edm-backend:v2"), o.release().imageId());
        assertThrows(WorkflowException.class, () -> new DeployWorkflow(ctx()).prepareDeploy(target,
                new DeployWorkflow.Request("v3", true, true, false)), "no build context");
    }
}
