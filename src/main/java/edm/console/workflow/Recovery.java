package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.util.Optional;

/**
 * An unfinished workflow left by a crash (kill -9, power loss): where it stopped and the state of both
 * containers, and the two ways out, resume or roll back. Both take the lock; a lock left by the dead
 * process must be broken first (typed confirmation, audited).
 */
public final class Recovery {
    /** What the journal says and how both containers are now. */
    public record Unfinished(Journal.Contents journal, DeployPlan plan, String lastStep, String lastPhase,
                             Optional<DeployOps.State> oldContainer, Optional<DeployOps.State> newContainer) {
    }

    private final WorkflowContext ctx;

    public Recovery(WorkflowContext ctx) {
        this.ctx = ctx;
    }

    public Optional<Unfinished> find() {
        // A swarm run's journal is SwarmRecovery's: it names a service, not two containers.
        return Journal.unfinished(ctx.stateDir()).filter(j -> !SwarmRecovery.applies(j)).map(j -> {
            DeployPlan p = DeployPlan.fromJournal(j.data());
            String newRef = p.reuseId() != null ? p.reuseId() : j.data().getOrDefault("newId", p.tempName());
            return new Unfinished(j, p, j.last().step(), j.last().phase(), ctx.engine().state(p.oldId()), ctx.engine().state(newRef));
        });
    }

    /** Re-runs the remaining steps; a failure rolls back like a normal deploy. */
    public DeployRun.Outcome resume(WorkflowProgress progress) {
        return run(progress, true);
    }

    public DeployRun.Outcome rollBack(WorkflowProgress progress) {
        return run(progress, false);
    }

    private DeployRun.Outcome run(WorkflowProgress progress, boolean resume) {
        Journal.Contents j = Journal.unfinished(ctx.stateDir())
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.recover.none")));
        ctx.requireProjectDir();
        try (WorkflowLock lock = WorkflowLock.acquire(ctx.lockFile(), ctx.operator(), (resume ? "resume " : "roll back ") + j.workflow())) {
            DeployRun run = DeployRun.recovered(ctx, j, progress);
            WorkflowAudit.write(ctx, resume ? "recover-resume" : "recover-rollback", run.plan().service(), j.workflow(), "started",
                    null, java.time.Duration.ZERO);
            if (resume) {
                return run.execute(true);
            }
            return run.rollBackOnly();
        }
    }
}
