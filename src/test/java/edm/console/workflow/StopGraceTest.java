package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** services[].stopSeconds reaches every docker stop and restart a workflow makes, per service. */
class StopGraceTest {
    @TempDir
    Path dir;
    FakeEngine engine;
    final DeployWorkflow.Target backend = new DeployWorkflow.Target("backend", "edm-backend-prod", "edm-backend", "", null);
    final DeployWorkflow.Target postgres = new DeployWorkflow.Target("postgres", "edm-postgres-prod", "edm-postgres", "", null);

    @BeforeEach
    void setUp() {
        engine = new FakeEngine();
        engine.add("edm-backend-prod", "edm-backend:v1.0", true);
        engine.add("edm-postgres-prod", "edm-postgres:v1.0", true);
        engine.images.put("edm-backend:v1.0", "sha256:v10");
        engine.images.put("edm-backend:v1.1", "sha256:v11");
        engine.images.put("edm-backend:v1.2-broken", "sha256:v12");
        engine.brokenImages.add("edm-backend:v1.2-broken");
    }

    WorkflowContext ctx(StopGrace grace) {
        return new WorkflowContext(engine, dir, dir.resolve("state"), new Operator("alice", null, Operator.hostName(), ProcessHandle.current().pid()),
                Duration.ofSeconds(2), grace, 0, 1, url -> Optional.empty(), List::of, p -> "db-1", List.of(), null);
    }

    DeployRun.Outcome deploy(WorkflowContext ctx, String tag) {
        return new DeployWorkflow(ctx).prepareDeploy(backend, new DeployWorkflow.Request(tag, false, true, false))
                .run(WorkflowProgress.NONE, () -> false);
    }

    @Test
    void theDeployStopsTheOldContainerWithItsServicesGrace() {
        assertTrue(deploy(ctx(new StopGrace(10, Map.of("backend", 3))), "v1.1").ok());
        assertEquals(List.of("stop edm-backend-prod 3"), engine.graces);
    }

    @Test
    void aServiceWithoutItsOwnGraceGetsTheDefault() {
        assertTrue(deploy(ctx(new StopGrace(7, Map.of("postgres", 60))), "v1.1").ok());
        assertEquals(List.of("stop edm-backend-prod 7"), engine.graces);
    }

    @Test
    void aRollbackStopsTheCurrentContainerWithTheSameGrace() {
        WorkflowContext ctx = ctx(new StopGrace(10, Map.of("backend", 2)));
        assertTrue(deploy(ctx, "v1.1").ok());
        Release v10 = new Release("r0", "deploy", "backend", "v1.0", "edm-backend:v1.0", "sha256:v10", "edm-backend-prod", "alice",
                Instant.now(), Release.OK, 0, null, "");
        DeployRun.Outcome back = new DeployWorkflow(ctx).prepareRollback(backend, v10).run(WorkflowProgress.NONE, () -> false);
        assertTrue(back.ok(), back.message());
        assertEquals(List.of("stop edm-backend-prod 2", "stop edm-backend-prod 2"), engine.graces);
    }

    @Test
    void restartGivesEachServiceItsOwnGrace() {
        new RestartWorkflow(ctx(new StopGrace(10, Map.of("postgres", 60, "backend", 1))))
                .restart(List.of(postgres, backend), WorkflowProgress.NONE, () -> false);
        assertEquals(List.of("restart edm-postgres-prod 60", "restart edm-backend-prod 1"), engine.graces);
    }

    @Test
    void theGraceComesFromTheConfigsServicesAndDeploySettings() {
        ConsoleConfig c = new ConsoleConfig();
        c.service("postgres").orElseThrow().stopSeconds = 45;
        c.deploy.stopGraceSeconds = 12;
        StopGrace g = StopGrace.of(c);
        assertEquals(45, g.seconds("postgres"));
        assertEquals(12, g.seconds("backend"));
        assertEquals(12, g.seconds("not-configured"));
    }
}
