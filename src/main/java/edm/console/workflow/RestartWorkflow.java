package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Restarts one service or the whole stack in dependency order (the configured order: postgres, redis,
 * backend, frontend, nginx), each one through the health gate before the next; stops at the first that
 * does not come back healthy, so that nothing depending on it is restarted on top of a broken base.
 */
public final class RestartWorkflow {
    private final WorkflowContext ctx;

    public RestartWorkflow(WorkflowContext ctx) {
        this.ctx = ctx;
    }

    /** Restarted services in order; throws on the first failure (with what was already done in the message). */
    public List<String> restart(List<DeployWorkflow.Target> targets, WorkflowProgress progress, java.util.function.BooleanSupplier cancelled) {
        String what = "restart " + String.join(",", targets.stream().map(DeployWorkflow.Target::service).toList());
        Instant started = Instant.now();
        HealthGate gate = new HealthGate(ctx.engine(), ctx.urlCheck(), ctx.healthTimeout());
        java.util.ArrayList<String> done = new java.util.ArrayList<>();
        try (WorkflowLock lock = WorkflowLock.acquire(ctx.lockFile(), ctx.operator(), what)) {
            for (DeployWorkflow.Target t : targets) {
                if (cancelled.getAsBoolean()) {
                    throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
                }
                Instant t0 = Instant.now();
                String step = "restart " + t.service();
                progress.step(step, WorkflowProgress.Phase.BEGIN, Duration.ZERO, t.container());
                DeployOps.State s = ctx.engine().state(t.container())
                        .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.preflight.noContainer", t.container(), t.service())));
                ctx.engine().restart(s.id(), ctx.stopSeconds(t.service()));
                gate.await(s.id(), t.healthUrl(), progress);
                progress.step(step, WorkflowProgress.Phase.END, Duration.between(t0, Instant.now()), "");
                done.add(t.service());
            }
            WorkflowAudit.write(ctx, "restart", String.join(",", done), null, Release.OK, null, Duration.between(started, Instant.now()));
            return done;
        } catch (WorkflowLock.HeldException e) {
            throw e;
        } catch (RuntimeException e) {
            WorkflowAudit.write(ctx, "restart", what, "done: " + String.join(",", done), Release.FAILED, e.getMessage(),
                    Duration.between(started, Instant.now()));
            throw e;
        }
    }
}
