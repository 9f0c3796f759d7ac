package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A swarm run cut halfway (the console killed, the session dropped): Swarm itself goes on with the update
 * it was sent, so the journal says what was asked and the engine says what happened since. Resume follows
 * it to its end (and files how it ended); roll back asks Swarm for its rollback to the spec before.
 */
public final class SwarmRecovery {
    /**
     * What the journal says and how the service is now.
     *
     * @param sent       whether the update reached Swarm (the service's version moved on from the plan's)
     * @param now        the service now; empty when the engine did not answer ({@code error} says why) or it is gone
     */
    public record Unfinished(Journal.Contents journal, SwarmPlan plan, boolean sent, Optional<SwarmReading> now, String image,
                             String error) {
    }

    private final WorkflowContext ctx;
    private final SwarmEngine swarm;

    public SwarmRecovery(WorkflowContext ctx, SwarmEngine swarm) {
        this.ctx = ctx;
        this.swarm = swarm;
    }

    /** Whether the unfinished journal is a swarm run's. */
    public static boolean applies(Journal.Contents j) {
        return SwarmPlan.journaled(j.data());
    }

    public Optional<Unfinished> find() {
        return Journal.unfinished(ctx.stateDir()).filter(SwarmRecovery::applies).map(j -> {
            SwarmPlan p = SwarmPlan.fromJournal(j.data());
            try {
                Optional<JsonNode> svc = swarm.service(p.serviceId());
                if (svc.isEmpty()) {
                    return new Unfinished(j, p, false, Optional.empty(), "", WorkflowText.t("workflow.swarm.gone", p.swarmName()));
                }
                SwarmReading st = SwarmReading.of(svc.get(), swarm.tasks(p.serviceId()));
                return new Unfinished(j, p, st.version() > p.oldVersion(), Optional.of(st), SwarmSpecs.image(svc.get().path("Spec")), "");
            } catch (RuntimeException e) {
                return new Unfinished(j, p, false, Optional.empty(), "", e.getMessage());
            }
        });
    }

    /** Follows what Swarm does to its end and files it. */
    public DeployRun.Outcome resume(WorkflowProgress progress) {
        return run(progress, true);
    }

    public DeployRun.Outcome rollBack(WorkflowProgress progress) {
        return run(progress, false);
    }

    private DeployRun.Outcome run(WorkflowProgress progress, boolean resume) {
        Journal.Contents j = Journal.unfinished(ctx.stateDir()).filter(SwarmRecovery::applies)
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.recover.none")));
        ctx.requireProjectDir();
        try (WorkflowLock lock = WorkflowLock.acquire(ctx.lockFile(), ctx.operator(), (resume ? "resume " : "roll back ") + j.workflow())) {
            SwarmPlan p = SwarmPlan.fromJournal(j.data());
            WorkflowAudit.write(ctx, resume ? "recover-resume" : "recover-rollback", p.service(), j.workflow(), "started", null, Duration.ZERO);
            Optional<JsonNode> svc = swarm.service(p.serviceId());
            if (svc.isPresent() && svc.get().path("Version").path("Index").asLong() <= p.oldVersion()) {
                // Cut before Swarm got the update: nothing changed, nothing to follow or undo.
                String why = WorkflowText.t("workflow.swarm.notSent");
                WorkflowAudit.write(ctx, p.kind(), p.service(), j.workflow(), Release.FAILED, why, Duration.ZERO);
                Journal.reopen(ctx.stateDir(), ctx.operator(), j.workflow()).finish();
                return new DeployRun.Outcome(new Release(p.runId(), p.kind(), p.service(), p.tag(), p.image(), p.imageId(), null,
                        ctx.operator().user(), Instant.now(), Release.FAILED, 0, null, why), "swarm-update", why, List.of(), false);
            }
            SwarmRun run = new SwarmRun(ctx, swarm, p, Journal.reopen(ctx.stateDir(), ctx.operator(), j.workflow()), progress, () -> false,
                    SwarmRun.realTime(), Duration.ofMillis(500));
            return resume ? run.follow() : run.rollBackOnly();
        }
    }
}
