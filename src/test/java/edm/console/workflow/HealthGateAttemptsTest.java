package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health gate reports each poll (number and why not healthy yet), so the TUI's step list can show the attempts. */
class HealthGateAttemptsTest {
    @TempDir
    Path dir;

    @Test
    void eachPollOfTheGateIsReportedWithWhyItIsNotHealthyYet() {
        FakeEngine engine = new FakeEngine();
        engine.add("edm-backend-prod", "edm-backend:v1.0", true);
        engine.images.put("edm-backend:v1.1", "sha256:v11");
        AtomicInteger polls = new AtomicInteger();
        // The health URL answers 503 twice, then well: three attempts, the first two saying why.
        WorkflowContext ctx = new WorkflowContext(engine, dir, dir.resolve("state"),
                new Operator("alice", null, Operator.hostName(), ProcessHandle.current().pid()), Duration.ofSeconds(10), 1, 0, 1,
                url -> polls.incrementAndGet() <= 2 ? Optional.of("HTTP 503") : Optional.empty(), List::of, p -> "db-1", List.of(), null);
        List<String> seen = new CopyOnWriteArrayList<>();
        WorkflowProgress progress = new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                if (phase == Phase.BEGIN) {
                    seen.add("begin " + step);
                }
            }

            @Override
            public void output(String line) {
            }

            @Override
            public void gate(String container, int attempt, String problem) {
                seen.add("attempt " + attempt + " " + problem);
            }
        };
        DeployWorkflow.Target target = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend",
                "http://127.0.0.1:8002/api/health", null);
        DeployRun.Outcome o = new DeployWorkflow(ctx).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false))
                .run(progress, () -> false);
        assertTrue(o.ok(), o.message());
        int health = seen.indexOf("begin health");
        List<String> attempts = seen.subList(health + 1, seen.indexOf("begin verify"));
        assertEquals(List.of("attempt 1 http://127.0.0.1:8002/api/health: HTTP 503", "attempt 2 http://127.0.0.1:8002/api/health: HTTP 503",
                "attempt 3 "), attempts);
        assertFalse(seen.subList(0, health).stream().anyMatch(s -> s.startsWith("attempt")), "no attempt outside a gate: " + seen);
    }

    private DeployRun.Outcome deployWhileTheEngineSaysStarting(FakeEngine engine, List<String> seen, Duration timeout) {
        engine.add("edm-backend-prod", "edm-backend:v1.0", true);
        engine.images.put("edm-backend:v1.1", "sha256:v11");
        engine.healthAfterStart = "starting";
        WorkflowContext ctx = new WorkflowContext(engine, dir, dir.resolve("state"),
                new Operator("alice", null, Operator.hostName(), ProcessHandle.current().pid()), timeout, 1, 0, 1,
                url -> Optional.empty(), List::of, p -> "db-1", List.of(), null);
        WorkflowProgress progress = new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
            }

            @Override
            public void output(String line) {
            }

            @Override
            public void gate(String container, int attempt, String problem) {
                seen.add("attempt " + attempt + " " + problem);
            }
        };
        DeployWorkflow.Target target = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", null);
        return new DeployWorkflow(ctx).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false)).run(progress, () -> false);
    }

    @Test
    void beforeTheEnginesFirstIntervalTheContainersOwnCheckIsRunNow() {
        // Docker runs a health check one interval after the start (30 s by default): the gate runs it itself meanwhile.
        FakeEngine engine = new FakeEngine();
        engine.checkRuns.add(new WorkflowEngine.CheckRun(1, List.of("wget: can't connect to remote host: Connection refused")));
        engine.checkRuns.add(new WorkflowEngine.CheckRun(0, List.of()));
        List<String> seen = new CopyOnWriteArrayList<>();
        DeployRun.Outcome o = deployWhileTheEngineSaysStarting(engine, seen, Duration.ofSeconds(10));
        assertTrue(o.ok(), o.message());
        assertEquals(2, seen.size(), seen.toString());
        assertTrue(seen.get(0).contains("exited 1") && seen.get(0).contains("Connection refused"), seen.get(0));
        assertEquals("attempt 2 ", seen.get(1));
    }

    @Test
    void withoutACheckToRunTheGateWaitsForTheEngine() {
        FakeEngine engine = new FakeEngine();
        List<String> seen = new CopyOnWriteArrayList<>();
        DeployRun.Outcome o = deployWhileTheEngineSaysStarting(engine, seen, Duration.ofSeconds(1));
        assertFalse(o.ok(), "starting is not healthy");
        assertEquals("health", o.failedStep());
        assertTrue(seen.stream().allMatch(s -> s.contains("starting")), seen.toString());
    }
}
