package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.backup.AuditLog;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swarm step machine against a scripted manager whose answers are the real engine's JSON. */
class SwarmRunTest {
    static final String ID = "0nr5gfq4bj3aus6dzfz8c4vun";
    static final String BEFORE = "2026-12-02T00:20:28.685598457Z";
    static final String OURS = "2026-12-02T00:30:00.000000000Z";
    @TempDir
    Path dir;
    final List<String> lines = new ArrayList<>();
    final FakeEngine containers = new FakeEngine();

    WorkflowContext ctx() {
        return new WorkflowContext(containers, dir, dir.resolve("state"), new Operator("alice", null, Operator.hostName(),
                ProcessHandle.current().pid()), Duration.ofSeconds(2), 1, 0, 1, url -> Optional.empty(), List::of, p -> "db-1", List.of(), null);
    }

    @BeforeEach
    void clean() {
        lines.clear();
    }

    WorkflowProgress progress() {
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

    /** The service runs v2 (its last update completed at BEFORE). */
    static FakeSwarm onV2() {
        return new FakeSwarm(FakeSwarm.reading("service-completed.json", "tasks-v2.json", "completed", BEFORE, "update completed"));
    }

    DeployRun.Outcome deploy(FakeSwarm swarm, String tag, boolean skipBackup, AtomicBoolean cancel) {
        SwarmWorkflow wf = new SwarmWorkflow(ctx(), swarm, Duration.ofSeconds(3));
        SwarmWorkflow.Prepared p = wf.prepareDeploy("backend", wf.find("backend", "edm").orElseThrow(), tag, skipBackup, false);
        return p.run(progress(), cancel::get, d -> { }, Duration.ZERO);
    }

    String audit() throws IOException {
        Path f = dir.resolve(AuditLog.FILE);
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void doneOnlyWhenSwarmCompletedAndEveryNewTaskRunsHealthy() throws IOException {
        FakeSwarm swarm = new FakeSwarm(FakeSwarm.reading("service-created.json", "tasks-v1.json", "", "", ""));
        // Swarm says completed while the second new task still starts: not done until it runs healthy.
        swarm.afterUpdate.add(FakeSwarm.reading("service-updating.json", "tasks-updating.json", "updating", OURS, "update in progress"));
        swarm.afterUpdate.add(FakeSwarm.reading("service-completed.json", "tasks-updating.json", "completed", OURS, "update completed"));
        swarm.afterUpdate.add(FakeSwarm.reading("service-completed.json", "tasks-updating.json", "completed", OURS, "update completed"));
        swarm.afterUpdate.add(FakeSwarm.reading("service-completed.json", "tasks-v2.json", "completed", OURS, "update completed"));
        DeployRun.Outcome o = deploy(swarm, "v2", false, new AtomicBoolean());
        assertTrue(o.ok(), o.message() + lines);
        assertEquals(List.of(ID + "@11"), swarm.updates);
        assertEquals("edm-swarm-app:v2", SwarmSpecs.image(swarm.lastSpec));
        assertEquals(List.of("backup BEGIN ", "backup END ", "swarm-update BEGIN edm_backend: edm-swarm-app:v1 → edm-swarm-app:v2"),
                lines.subList(0, 3));
        assertTrue(lines.contains("swarm-tasks END "), lines.toString());
        assertTrue(String.join("\n", lines).contains("starting (wanted running)"), lines.toString());
        assertEquals(List.of("v2", "v1"), ctx().history().goodReleases("backend").stream().map(Release::tag).toList());
        assertEquals(1, audit().lines().count(), audit());
        assertTrue(audit().contains("edm_backend (swarm): edm-swarm-app:v1 -> edm-swarm-app:v2"), audit());
        assertTrue(Journal.unfinished(dir.resolve("state")).isEmpty());
        assertTrue(WorkflowLock.read(ctx().lockFile()).isEmpty(), "lock released");
    }

    @Test
    void aRollbackBySwarmIsReportedWithItsReasonAndTheFailedTask() throws IOException {
        FakeSwarm swarm = onV2();
        swarm.afterUpdate.add(FakeSwarm.reading("service-updating.json", "tasks-v2.json", "updating", OURS, "update in progress"));
        swarm.afterUpdate.add(FakeSwarm.reading("service-rolledback.json", "tasks-rolledback.json", "rollback_started", OURS,
                "update rolled back due to failure or early termination of task iz7nwjt90bjmhxh6pzzu1x9ra"));
        swarm.afterUpdate.add(FakeSwarm.reading("service-rolledback.json", "tasks-rolledback.json", "rollback_completed", OURS,
                "rollback completed"));
        DeployRun.Outcome o = deploy(swarm, "bad", true, new AtomicBoolean());
        assertFalse(o.ok());
        assertTrue(o.rolledBack());
        assertFalse(o.unknown());
        assertEquals("edm-swarm-app:v2", o.restoredImage());
        assertTrue(o.message().contains("rolled back by Swarm: update rolled back due to failure"), o.message());
        assertTrue(o.message().contains("unhealthy container"), o.message());
        assertEquals(Release.ROLLED_BACK, ctx().history().all().get(0).result());
        assertEquals(1, audit().lines().count());
        assertTrue(Journal.unfinished(dir.resolve("state")).isEmpty());
    }

    @Test
    void anEngineThatStopsAnsweringIsUnknownAndTheJournalStaysForRecovery() throws IOException {
        FakeSwarm swarm = onV2();
        swarm.afterUpdate.add(FakeSwarm.reading("service-updating.json", "tasks-updating.json", "updating", OURS, "update in progress"));
        for (int i = 0; i < 3; i++) {
            swarm.afterUpdate.add(FakeSwarm.silent());
        }
        DeployRun.Outcome o = deploy(swarm, "v1", true, new AtomicBoolean());
        assertTrue(o.unknown(), o.message());
        assertFalse(o.ok());
        assertFalse(o.rolledBack());
        assertTrue(o.message().startsWith("UNKNOWN"), o.message());
        assertEquals("swarm-rollout", o.failedStep());
        assertTrue(ctx().history().all().isEmpty(), "nothing filed while unknown");
        assertTrue(audit().contains("\"unknown\""), audit());
        Journal.Contents j = Journal.unfinished(dir.resolve("state")).orElseThrow();
        assertTrue(SwarmRecovery.applies(j));
        assertTrue(WorkflowLock.read(ctx().lockFile()).isEmpty(), "the lock is released: recovery takes it again");

        // The next console follows what Swarm did meanwhile: it completed.
        swarm.afterUpdate.add(FakeSwarm.reading("service-completed.json", "tasks-v2.json", "completed", OURS, "update completed"));
        SwarmRecovery.Unfinished u = new SwarmRecovery(ctx(), swarm).find().orElseThrow();
        assertTrue(u.sent());
        assertEquals("completed", u.now().orElseThrow().updateState());
    }

    @Test
    void aPausedUpdateFailsSayingSwarmPausedIt() {
        FakeSwarm swarm = onV2();
        swarm.afterUpdate.add(FakeSwarm.reading("service-updating.json", "tasks-v2.json", "paused", OURS, "update paused due to failure"));
        DeployRun.Outcome o = deploy(swarm, "v1", true, new AtomicBoolean());
        assertFalse(o.ok());
        assertFalse(o.rolledBack());
        assertFalse(o.unknown());
        assertTrue(o.message().contains("paused"), o.message());
        assertEquals(Release.FAILED, ctx().history().all().get(0).result());
    }

    @Test
    void aCancelDuringTheRolloutAsksSwarmToRollBack() {
        FakeSwarm swarm = onV2();
        AtomicBoolean cancel = new AtomicBoolean();
        swarm.afterUpdate.add(FakeSwarm.reading("service-updating.json", "tasks-updating.json", "updating", OURS, "update in progress"));
        swarm.afterRollback.add(FakeSwarm.reading("service-rolledback.json", "tasks-rolledback.json", "rollback_started", OURS + "1",
                "manually requested rollback"));
        swarm.afterRollback.add(FakeSwarm.reading("service-rolledback.json", "tasks-rolledback.json", "rollback_completed", OURS + "1",
                "rollback completed"));
        WorkflowProgress p = progress();
        SwarmWorkflow wf = new SwarmWorkflow(ctx(), swarm, Duration.ofSeconds(3));
        SwarmWorkflow.Prepared prepared = wf.prepareDeploy("backend", wf.find("backend", "edm").orElseThrow(), "v1", true, false);
        DeployRun.Outcome o = prepared.run(new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, java.time.Duration elapsed, String detail) {
                p.step(step, phase, elapsed, detail);
                if ("swarm-rollout".equals(step) && phase == Phase.BEGIN) {
                    cancel.set(true);
                }
            }

            @Override
            public void output(String line) {
                p.output(line);
            }
        }, cancel::get, d -> { }, Duration.ZERO);
        assertTrue(o.rolledBack(), o.message() + lines);
        assertEquals(2, swarm.updates.size());
        assertTrue(swarm.updates.get(1).endsWith(" rollback"), swarm.updates.toString());
    }

    @Test
    void refusedBeforeAnythingChanges() {
        FakeSwarm swarm = onV2();
        SwarmWorkflow wf = new SwarmWorkflow(ctx(), swarm, Duration.ofSeconds(3));
        WorkflowException missing = assertThrows(WorkflowException.class,
                () -> wf.prepareDeploy("backend", wf.find("backend", "edm").orElseThrow(), "v9", true, false));
        assertTrue(missing.getMessage().contains("edm-swarm-app:v9"), missing.getMessage());
        swarm.imageHasHealthcheck = false;
        WorkflowException unhealthy = assertThrows(WorkflowException.class,
                () -> wf.prepareDeploy("backend", wf.find("backend", "edm").orElseThrow(), "v1", true, false));
        assertTrue(unhealthy.getMessage().contains("HEALTHCHECK"), unhealthy.getMessage());
        assertThrows(WorkflowException.class, () -> wf.prepareDeploy("backend", wf.find("backend", "edm").orElseThrow(), "latest", true, false));
        assertTrue(swarm.updates.isEmpty());
        assertTrue(WorkflowLock.read(ctx().lockFile()).isEmpty(), "each refusal released the lock");
        swarm.manager = false;
        assertTrue(wf.find("backend", "edm").isEmpty(), "no manager: a container service");
    }

    @Test
    void restartIsAForcedUpdateOfTheSameImageAndRollbackUsesThePreviousSpec() {
        FakeSwarm swarm = onV2();
        SwarmWorkflow wf = new SwarmWorkflow(ctx(), swarm, Duration.ofSeconds(3));
        SwarmWorkflow.Prepared r = wf.prepareRestart("backend", wf.find("backend", "edm").orElseThrow());
        r.abandon();
        SwarmPlan restart = r.plan();
        assertEquals(SwarmPlan.FORCE, restart.mode());
        assertEquals(1, restart.targetForce());
        assertEquals("edm-swarm-app:v2", restart.image());
        assertFalse(restart.steps().contains("backup"));
        SwarmWorkflow.Prepared b = wf.prepareRollback("backend", wf.find("backend", "edm").orElseThrow(), null);
        b.abandon();
        assertEquals(SwarmPlan.PREVIOUS, b.plan().mode());
        assertEquals("edm-swarm-app:v1", b.plan().image());
        assertEquals("rollback_completed", b.plan().doneState());
        assertFalse(b.plan().steps().contains("backup"));
        assertTrue(WorkflowLock.read(ctx().lockFile()).isEmpty());
        Messages before = Messages.current();
        try {
            Messages.use(Locale.ENGLISH);
            assertEquals("Swarm's own rollback to the service's previous spec", SwarmPlan.modeText(b.plan()).strip());
            assertTrue(SwarmPlan.modeText(restart).contains("ForceUpdate 1"), SwarmPlan.modeText(restart));
        } finally {
            Messages.use(before.locale());
        }
    }
}
