package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A deploy, rollback or restart with a projectDir that does not exist is refused, and the lock does not create it. */
class ProjectDirPreflightTest {
    @TempDir
    Path tmp;
    Path missing;
    FakeEngine engine;
    DeployWorkflow.Target target = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", null);

    @BeforeEach
    void setUp() {
        missing = tmp.resolve("opt-edm-typo");
        engine = new FakeEngine();
        engine.add("edm-backend-prod", "edm-backend:v1.0", true);
        engine.images.put("edm-backend:v1.1", "sha256:v11");
        engine.images.put("edm-backend:v1.0", "sha256:v10");
    }

    WorkflowContext ctx() {
        return new WorkflowContext(engine, missing, missing.resolve(".edm-console"),
                new Operator("alice", null, Operator.hostName(), ProcessHandle.current().pid()),
                Duration.ofSeconds(2), 1, 0, 1, url -> Optional.empty(), List::of, p -> "db-1", List.of(), null);
    }

    private void assertRefused(Executable action) {
        WorkflowException e = assertThrows(WorkflowException.class, action);
        assertTrue(e.getMessage().startsWith("Project dir " + missing + " does not exist"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(missing.toFile().exists(), "the project dir must not be created");
        assertTrue(engine.calls.isEmpty(), "nothing changed on the engine: " + engine.calls);
    }

    @Test
    void deployIsRefused() {
        assertRefused(() -> new DeployWorkflow(ctx()).prepareDeploy(target, new DeployWorkflow.Request("v1.1", false, true, false)));
    }

    @Test
    void rollbackIsRefused() {
        Release to = new Release("r1", "deploy", "backend", "v1.0", "edm-backend:v1.0", "sha256:v10", "edm-backend-prod", "alice",
                Instant.EPOCH, Release.OK, 0, "", "");
        assertRefused(() -> new DeployWorkflow(ctx()).prepareRollback(target, to));
    }

    @Test
    void restartIsRefused() {
        assertRefused(() -> new RestartWorkflow(ctx()).restart(List.of(target), WorkflowProgress.NONE, () -> false));
    }

    @Test
    void anExistingProjectDirPasses() {
        missing = tmp;
        assertEquals(1, new RestartWorkflow(ctx()).restart(List.of(target), WorkflowProgress.NONE, () -> false).size());
    }
}
