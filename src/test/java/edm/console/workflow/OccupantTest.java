package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one refusal: a second workflow while one runs names the holder and the step from its journal and says
 * to wait; a workflow whose process is gone is sent to recover (with the step it stopped at); deploy,
 * rollback, restart and recovery all give the same text.
 */
class OccupantTest {
    @TempDir
    Path dir;
    FakeEngine engine;
    final DeployWorkflow.Target target = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", null);
    final DeployWorkflow.Target redis = new DeployWorkflow.Target("redis", "edm-redis-prod", "edm-redis", "", null);

    @BeforeEach
    void setUp() {
        Messages.use(Locale.ENGLISH);
        engine = new FakeEngine();
        engine.add("edm-backend-prod", "edm-backend:v1.0", true);
        engine.add("edm-redis-prod", "edm-redis:7", true);
        engine.images.put("edm-backend:v1.1", "sha256:v11");
        engine.images.put("edm-backend:v1.2", "sha256:v12");
    }

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    WorkflowContext ctx(String user) {
        return new WorkflowContext(engine, dir, dir.resolve("state"), new Operator(user, null, Operator.hostName(), ProcessHandle.current().pid()),
                Duration.ofSeconds(2), 1, 0, 1, url -> Optional.empty(), List::of, p -> "db-1", List.of(), null);
    }

    static String ageless(String text) {
        return text.replaceAll("\\((just now|\\d+s ago)\\)", "(age)");
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void whileADeployIsAtItsHealthGateEveryOtherWorkflowIsToldWhoHoldsItAndToWait() {
        List<String> refusals = new ArrayList<>();
        List<Occupant.State> states = new ArrayList<>();
        WorkflowProgress atHealth = new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                if (!"health".equals(step) || phase != Phase.BEGIN) {
                    return;
                }
                // A second operator, while alice's deploy is in its health gate:
                WorkflowContext bob = ctx("bob");
                refusals.add(assertThrows(WorkflowLock.HeldException.class, () -> new DeployWorkflow(bob)
                        .prepareDeploy(target, new DeployWorkflow.Request("v1.2", false, true, false))).getMessage());
                refusals.add(assertThrows(WorkflowLock.HeldException.class, () -> new RestartWorkflow(bob)
                        .restart(List.of(redis), WorkflowProgress.NONE, () -> false)).getMessage());
                refusals.add(assertThrows(WorkflowLock.HeldException.class, () -> new DeployWorkflow(bob).prepareRollback(target,
                        new Release("r", "deploy", "backend", "v1.0", "edm-backend:v1.0", "sha256:v10", "c", "u", Instant.EPOCH,
                                Release.OK, 0, null, null))).getMessage());
                refusals.add(assertThrows(WorkflowLock.HeldException.class, () -> new Recovery(bob).rollBack(WorkflowProgress.NONE))
                        .getMessage());
                Occupant o = Occupant.find(bob.stateDir()).orElseThrow();
                states.add(o.state());
                refusals.add(o.refusal());
            }

            @Override
            public void output(String line) {
            }
        };
        DeployRun.Outcome o = new DeployWorkflow(ctx("alice")).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false))
                .run(atHealth, () -> false);
        assertTrue(o.ok(), o.message());
        assertEquals(List.of(Occupant.State.RUNNING), states);
        assertEquals(5, refusals.size());
        String first = refusals.get(0);
        for (String r : refusals) {
            // Only the age ("1s ago") may tick on between the five.
            assertEquals(ageless(first), ageless(r), "one text for deploy, restart, rollback, recovery and the check");
        }
        long pid = ProcessHandle.current().pid();
        assertTrue(first.contains("deploy backend v1.1") && first.contains("by alice on " + Operator.hostName())
                && first.contains("(pid " + pid + ")"), first);
        assertTrue(first.contains("at step 'health gate'"), first);
        assertTrue(first.startsWith("Refused, wait for it: deploy backend v1.1 is running"), first);
        assertFalse(first.contains("--recover"), "a live workflow is not sent to recovery: " + first);
        assertTrue(Occupant.find(dir.resolve("state")).isEmpty(), "free again afterwards");
    }

    @Test
    void aHolderStillInPreflightIsPreparingNotAtALeftoverJournalsStep() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        // A journal some dead process left, and a live holder that has not journaled yet.
        Journal.Entry old = new Journal.Entry(Instant.now(), "deploy-backend-1", "stop-old", "end", Map.of(), "carol", "elsewhere", 1L);
        Files.writeString(state.resolve(Journal.CURRENT), WorkflowJson.line(old) + "\n");
        try (WorkflowLock lock = WorkflowLock.acquire(state.resolve(WorkflowLock.FILE), ctx("alice").operator(), "deploy backend v1.1")) {
            Occupant o = Occupant.find(state).orElseThrow();
            assertEquals(Occupant.State.RUNNING, o.state());
            assertTrue(o.step().isEmpty());
            assertTrue(o.refusal().contains("preparing"), o.refusal());
        }
    }

    @Test
    void aDeployWhoseProcessIsGoneIsSentToRecoverWithTheStepItStoppedAt() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        long dead = deadPid();
        Instant since = Instant.now().minusSeconds(30);
        WorkflowLock.Holder h = new WorkflowLock.Holder("carol", Operator.hostName(), dead, since, "deploy backend v1.1");
        Files.writeString(state.resolve(WorkflowLock.FILE), WorkflowJson.line(h));
        Journal.Entry plan = new Journal.Entry(since, "deploy-backend-1", "plan", "begin", Map.of("kind", "deploy"), "carol",
                Operator.hostName(), dead);
        Journal.Entry stop = new Journal.Entry(since.plusSeconds(3), "deploy-backend-1", "stop-old", "end", Map.of(), "carol",
                Operator.hostName(), dead);
        Files.writeString(state.resolve(Journal.CURRENT), WorkflowJson.line(plan) + "\n" + WorkflowJson.line(stop) + "\n");

        Occupant o = Occupant.find(state).orElseThrow();
        assertEquals(Occupant.State.CUT, o.state());
        String text = o.refusal();
        assertTrue(text.contains("deploy backend v1.1") && text.contains("by carol") && text.contains("pid " + dead + ", no longer running"),
                text);
        assertTrue(text.contains("stopped at step 'stop the old container' (finished)"), text);
        assertTrue(text.contains("edm-console deploy --recover"), text);
        WorkflowLock.HeldException e = assertThrows(WorkflowLock.HeldException.class,
                () -> new DeployWorkflow(ctx("alice")).prepareDeploy(target, new DeployWorkflow.Request("v1.2", false, true, false)));
        assertEquals(text, e.getMessage(), "the lock's refusal is the same text");
    }

    @Test
    void aJournalLeftWithoutALockIsRecoveredFirstAndALockWithoutAJournalOnlyBroken() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        Journal.Entry plan = new Journal.Entry(Instant.now(), "deploy-backend-1", "plan", "begin",
                Map.of("kind", "deploy", "service", "backend", "tag", "v1.1"), "carol", Operator.hostName(), deadPid());
        Files.writeString(state.resolve(Journal.CURRENT), WorkflowJson.line(plan) + "\n");
        WorkflowException cut = assertThrows(WorkflowException.class,
                () -> new DeployWorkflow(ctx("alice")).prepareDeploy(target, new DeployWorkflow.Request("v1.2", false, true, false)));
        assertTrue(cut.getMessage().contains("cut off") && cut.getMessage().contains("deploy backend v1.1")
                && cut.getMessage().contains("by carol"), cut.getMessage());
        assertFalse(Files.exists(state.resolve(WorkflowLock.FILE)), "the refusing deploy released its lock");
        Files.delete(state.resolve(Journal.CURRENT));

        WorkflowLock.Holder h = new WorkflowLock.Holder("dave", Operator.hostName(), deadPid(), Instant.now(), "restart redis");
        Files.writeString(state.resolve(WorkflowLock.FILE), WorkflowJson.line(h));
        Occupant o = Occupant.find(state).orElseThrow();
        assertEquals(Occupant.State.STALE_LOCK, o.state());
        assertTrue(o.refusal().contains("nothing is half-done") && o.refusal().contains("restart redis"), o.refusal());
    }

    @Test
    void aPidTakenOverByALaterProcessIsNotTheHolder() {
        // Our own pid is alive, but this process started long after a holder that claims to have been there in 2001.
        WorkflowLock.Holder h = new WorkflowLock.Holder("erin", Operator.hostName(), ProcessHandle.current().pid(),
                Instant.parse("2001-01-01T00:00:00Z"), "deploy backend v1.1");
        assertTrue(h.stale());
        assertFalse(new WorkflowLock.Holder("erin", Operator.hostName(), ProcessHandle.current().pid(), Instant.now(), "x").stale());
    }

    @Test
    void inChineseTheRefusalIsChinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        WorkflowLock.Holder h = new WorkflowLock.Holder("alice", Operator.hostName(), ProcessHandle.current().pid(), Instant.now(),
                "deploy backend v1.1");
        String text = new Occupant(Optional.of(h), Optional.empty()).refusal();
        assertTrue(text.contains("正在运行") && text.contains("deploy backend v1.1") && text.contains("请等待"), text);
    }
}
