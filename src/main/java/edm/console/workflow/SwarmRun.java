package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.docker.EngineException;
import edm.console.swarm.SwarmTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The step machine of a swarm service update: the update itself is Swarm's (one task at a time, the new one
 * started first, healthy before the old one stops, rolled back by Swarm on a failure); this follows it live
 * through UpdateStatus and the tasks, within the engine timeout per reading and a deadline for the whole,
 * and says how it really ended: done when Swarm says completed and every task of the new spec runs healthy,
 * rolled back (by Swarm, with its reason), failed, or UNKNOWN with why.
 */
final class SwarmRun {
    static final List<String> STEPS = List.of("backup", "swarm-update", "swarm-rollout", "swarm-tasks");
    /** Readings in a row the engine may miss before the run is UNKNOWN. */
    private static final int MISSES = 3;

    /** Swarm rolled the service back (or was asked to after a failure or a cancel): the message says why. */
    private static final class RolledBack extends RuntimeException {
        RolledBack(String message) {
            super(message, null, false, false);
        }
    }

    /** The console cannot tell how it ends. */
    private static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    /** How long to wait between readings; a test's fake engine needs none. */
    interface Pause {
        void sleep(Duration d);
    }

    private final WorkflowContext ctx;
    private final SwarmEngine swarm;
    private final SwarmPlan plan;
    private final Journal journal;
    private final WorkflowProgress progress;
    private final BooleanSupplier cancelled;
    private final Pause pause;
    private final Duration poll;
    private final Map<String, String> taskStates = new HashMap<>();
    private boolean changed;
    private String backupId;

    SwarmRun(WorkflowContext ctx, SwarmEngine swarm, SwarmPlan plan, Journal journal, WorkflowProgress progress, BooleanSupplier cancelled,
             Pause pause, Duration poll) {
        this.ctx = ctx;
        this.swarm = swarm;
        this.plan = plan;
        this.journal = journal;
        this.progress = progress;
        this.cancelled = cancelled;
        this.pause = pause;
        this.poll = poll;
    }

    static Pause realTime() {
        return d -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unknown(WorkflowText.t("workflow.cancelled"));
            }
        };
    }

    /** Runs the plan's steps; {@code spec} is what the update sends (ignored by Swarm for a rollback to the previous spec). */
    DeployRun.Outcome execute(JsonNode spec) {
        return run(spec, false);
    }

    /** After a cut: the update was sent; follow what Swarm did and does to its end. */
    DeployRun.Outcome follow() {
        changed = true;
        return run(null, true);
    }

    /**
     * After a cut, the operator's roll back: Swarm's own rollback to the spec before the run (nothing to do when
     * Swarm already went back by itself), followed to its end.
     */
    DeployRun.Outcome rollBackOnly() {
        changed = true;
        Instant started = Instant.now();
        String why = WorkflowText.t("workflow.recover.rolledBack");
        try {
            JsonNode svc = swarm.service(plan.serviceId()).orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.swarm.gone",
                    plan.swarmName())));
            if (SwarmSpecs.image(svc.path("Spec")).equals(plan.oldImage())) {
                converge(plan.oldImage(), false);
            } else {
                try {
                    askRollback(why);
                } catch (RolledBack done) {
                    // the expected end
                }
            }
            Release r = release(started, Release.ROLLED_BACK, why);
            ctx.history().record(r);
            WorkflowAudit.write(ctx, plan.kind(), plan.service(), detail(), Release.ROLLED_BACK, why, Duration.between(started, Instant.now()));
            journal.finish();
            return new DeployRun.Outcome(r, null, null, List.of(), true, plan.oldImage());
        } catch (Unknown e) {
            WorkflowAudit.write(ctx, plan.kind(), plan.service(), detail(), Release.UNKNOWN, e.getMessage(), Duration.between(started, Instant.now()));
            return DeployRun.Outcome.unknown(release(started, Release.UNKNOWN, e.getMessage()), "rollback", e.getMessage(), List.of());
        } catch (RuntimeException e) {
            Release r = release(started, Release.FAILED, e.getMessage());
            WorkflowAudit.write(ctx, plan.kind(), plan.service(), detail(), Release.FAILED, e.getMessage(), Duration.between(started, Instant.now()));
            return new DeployRun.Outcome(r, "rollback", e.getMessage(), List.of(), false);
        }
    }

    private DeployRun.Outcome run(JsonNode spec, boolean resumed) {
        Instant started = Instant.now();
        String step = "preflight";
        try {
            for (String s : plan.steps()) {
                step = s;
                if (resumed && ("backup".equals(s) || "swarm-update".equals(s))) {
                    continue;
                }
                if (!changed && cancelled.getAsBoolean()) {
                    throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
                }
                runStep(s, spec);
            }
            return finish(started, Release.OK, null, null);
        } catch (Unknown e) {
            progress.step(step, WorkflowProgress.Phase.FAILED, Duration.between(started, Instant.now()), e.getMessage());
            // Not filed: the next start shows the journal and deploy --recover follows Swarm to the end.
            Release r = release(started, Release.UNKNOWN, e.getMessage());
            WorkflowAudit.write(ctx, plan.kind(), plan.service(), detail(), Release.UNKNOWN, e.getMessage(), Duration.between(started, Instant.now()));
            return DeployRun.Outcome.unknown(r, step, e.getMessage(), List.of());
        } catch (RolledBack e) {
            progress.step(step, WorkflowProgress.Phase.FAILED, Duration.between(started, Instant.now()), e.getMessage());
            return finish(started, Release.ROLLED_BACK, step, e.getMessage());
        } catch (RuntimeException e) {
            progress.step(step, WorkflowProgress.Phase.FAILED, Duration.between(started, Instant.now()), e.getMessage());
            List<String> out = e instanceof WorkflowException we ? we.output() : List.of();
            DeployRun.Outcome o = finish(started, Release.FAILED, step, changed ? WorkflowText.t("workflow.swarm.failedAfterChange",
                    e.getMessage()) : e.getMessage());
            return new DeployRun.Outcome(o.release(), step, o.message(), out, false);
        }
    }

    private void runStep(String s, JsonNode spec) {
        Instant t0 = Instant.now();
        journal.write(s, "begin", Map.of());
        progress.step(s, WorkflowProgress.Phase.BEGIN, Duration.ZERO, detailOf(s));
        Map<String, String> learned = new HashMap<>();
        switch (s) {
            case "backup" -> {
                backupId = ctx.backup().run(progress::output);
                learned.put("backupId", backupId);
            }
            case "swarm-update" -> {
                changed = true;
                swarm.update(plan.serviceId(), plan.oldVersion(), spec, SwarmPlan.PREVIOUS.equals(plan.mode()));
            }
            case "swarm-rollout" -> rollout();
            case "swarm-tasks" -> converge(plan.image(), true);
            default -> throw new IllegalStateException("unknown step " + s);
        }
        learned.put("step." + s, "end");
        journal.write(s, "end", learned);
        progress.step(s, WorkflowProgress.Phase.END, Duration.between(t0, Instant.now()), "");
        if (s.equals(ctx.pauseAfter())) {
            PauseHook.hold(s, progress);
        }
    }

    private String detailOf(String step) {
        return switch (step) {
            case "swarm-update" -> plan.swarmName() + ": " + plan.oldImage() + " → " + plan.image();
            case "swarm-rollout" -> WorkflowText.t("workflow.swarm.policy", plan.monitor().toSeconds());
            default -> "";
        };
    }

    /** The longest a whole update (and Swarm's rollback after it) may take before the run says UNKNOWN. */
    Duration deadline() {
        long tasks = Math.max(1, plan.replicas());
        Duration perTask = ctx.healthTimeout().plus(plan.monitor()).plusSeconds(10);
        return perTask.multipliedBy(tasks * 2).plusSeconds(30);
    }

    /** Follows UpdateStatus until this run's update completed; a rollback by Swarm or a pause ends it otherwise. */
    private void rollout() {
        Instant end = Instant.now().plus(deadline());
        String rollbackReason = "";
        while (true) {
            SwarmReading st = read(end);
            if (st.isThisRun(plan)) {
                if (st.updateState().equals(plan.doneState())) {
                    return;
                }
                if (!SwarmPlan.PREVIOUS.equals(plan.mode()) && st.rollingBack()) {
                    if (rollbackReason.isEmpty() && !st.message().isBlank()) {
                        rollbackReason = st.message();
                        progress.output(WorkflowText.t("workflow.swarm.rollingBack", st.message()));
                    }
                    if ("rollback_completed".equals(st.updateState())) {
                        String failed = st.failure(plan.image());
                        converge(plan.oldImage(), false);
                        throw new RolledBack(WorkflowText.t("workflow.swarm.rolledBackBySwarm",
                                rollbackReason.isEmpty() ? st.message() : rollbackReason, failed.isEmpty() ? "-" : failed));
                    }
                }
                if (st.paused()) {
                    throw new WorkflowException(WorkflowText.t("workflow.swarm.paused", st.updateState(), st.message(),
                            st.failure(plan.image())));
                }
            }
            if (cancelled.getAsBoolean()) {
                askRollback(WorkflowText.t("workflow.cancelled"));
            }
            if (Instant.now().isAfter(end)) {
                throw new Unknown(WorkflowText.t("workflow.swarm.stillUpdating", st.updateState().isEmpty() ? "-" : st.updateState(),
                        deadline().toSeconds()));
            }
            pause.sleep(poll);
        }
    }

    /**
     * Every task Swarm wants running is of the spec and runs healthy ({@code replaced}: none of them one that ran
     * before), given the health timeout to get there (old tasks still stopping, a task replaced after the monitor).
     * Otherwise Swarm is asked to roll back; the spec before that, restored, must get there too.
     */
    private void converge(String image, boolean replaced) {
        Instant end = Instant.now().plus(ctx.healthTimeout());
        Instant hard = end.plus(deadline());
        Set<String> before = replaced ? Set.copyOf(plan.oldTasks()) : Set.of();
        while (true) {
            SwarmReading st = read(hard);
            String missing = st.notConverged(image, before, plan.replicas());
            if (missing.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(end)) {
                if (!replaced) {
                    throw new WorkflowException(WorkflowText.t("workflow.swarm.restoredUnhealthy", image, missing));
                }
                askRollback(missing);
            }
            pause.sleep(poll);
        }
    }

    /** Swarm's own rollback to the spec before this run, followed to its end; always ends the run as rolled back (or failed). */
    private void askRollback(String why) {
        if (SwarmPlan.PREVIOUS.equals(plan.mode())) {
            throw new WorkflowException(why);
        }
        progress.output(WorkflowText.t("workflow.swarm.askingRollback", why));
        JsonNode svc = swarm.service(plan.serviceId()).orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.swarm.gone",
                plan.swarmName())));
        String before = svc.path("UpdateStatus").path("StartedAt").asText("");
        swarm.update(plan.serviceId(), svc.path("Version").path("Index").asLong(), svc.path("Spec"), true);
        Instant end = Instant.now().plus(deadline());
        while (true) {
            SwarmReading st = read(end);
            if ("rollback_completed".equals(st.updateState()) && !st.startedAt().equals(before)) {
                converge(plan.oldImage(), false);
                throw new RolledBack(WorkflowText.t("workflow.swarm.rolledBackAsked", why));
            }
            if ("rollback_paused".equals(st.updateState())) {
                throw new WorkflowException(WorkflowText.t("workflow.swarm.paused", st.updateState(), st.message(), why));
            }
            if (Instant.now().isAfter(end)) {
                throw new Unknown(WorkflowText.t("workflow.swarm.stillUpdating", st.updateState(), deadline().toSeconds()));
            }
            pause.sleep(poll);
        }
    }

    /** One reading (each call within the engine timeout); the engine missing {@value #MISSES} in a row is UNKNOWN. */
    private SwarmReading read(Instant end) {
        int misses = 0;
        while (true) {
            try {
                JsonNode svc = swarm.service(plan.serviceId()).orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.swarm.gone",
                        plan.swarmName())));
                SwarmReading st = SwarmReading.of(svc, swarm.tasks(plan.serviceId()));
                report(st);
                return st;
            } catch (EngineException e) {
                if (++misses >= MISSES || Instant.now().isAfter(end)) {
                    throw new Unknown(WorkflowText.t("workflow.swarm.engineSilent", e.getMessage()));
                }
                progress.output(WorkflowText.t("workflow.swarm.engineMiss", misses, e.getMessage()));
                pause.sleep(poll);
            }
        }
    }

    /** A line per task that appeared or changed state: the step list shows the rolling update as it goes. */
    private void report(SwarmReading st) {
        for (SwarmTask t : st.tasks()) {
            String now = t.state() + "/" + t.desiredState();
            String was = taskStates.put(t.id(), now);
            if (!now.equals(was) && (was != null || "running".equals(t.desiredState()))) {
                String err = t.error().isEmpty() ? "" : " (" + t.error() + ")";
                progress.output(WorkflowText.t("workflow.swarm.task", t.slot(), SwarmReading.shortId(t), SwarmReading.image(t), t.state(),
                        t.desiredState()) + err);
            }
        }
    }

    private DeployRun.Outcome finish(Instant started, String result, String step, String message) {
        Release r = release(started, result, message);
        if (r.good() && "deploy".equals(plan.kind())) {
            recordFound(started);
        }
        if (!"restart".equals(plan.kind())) {
            ctx.history().record(r);
        }
        WorkflowAudit.write(ctx, plan.kind(), plan.service(), detail(), result, message, Duration.between(started, Instant.now()));
        journal.finish();
        boolean rolledBack = Release.ROLLED_BACK.equals(result);
        return new DeployRun.Outcome(r, step, message, new ArrayList<>(), rolledBack, rolledBack ? plan.oldImage() : null);
    }

    /** As for containers: what ran before the console's first deploy of the service is kept as a release to go back to. */
    private void recordFound(Instant started) {
        ReleaseHistory h = ctx.history();
        if (h.current(plan.service()).map(c -> plan.oldImage().equals(c.image())).orElse(false)) {
            return;
        }
        String oldId = swarm.image(plan.oldImage()).map(i -> i.path("Id").asText(null)).orElse(null);
        h.record(new Release("found-" + plan.serviceId() + "-" + plan.oldVersion(), ReleaseHistory.FOUND, plan.service(),
                SwarmSpecs.tag(plan.oldImage()), plan.oldImage(), oldId, plan.swarmName(), "-", started.minusMillis(1), Release.OK, 0, null,
                null));
    }

    private String detail() {
        return plan.swarmName() + " (swarm): " + plan.oldImage() + " -> " + plan.image()
                + (SwarmPlan.FORCE.equals(plan.mode()) ? ", forced update " + plan.targetForce() : "")
                + (plan.skipBackup() && "deploy".equals(plan.kind()) ? ", backup skipped" : "");
    }

    private Release release(Instant started, String result, String message) {
        return new Release(plan.runId(), plan.kind(), plan.service(), plan.tag(), plan.image(), plan.imageId(),
                Release.OK.equals(result) ? plan.swarmName() : null, ctx.operator().user(), started, result,
                Duration.between(started, Instant.now()).toMillis(), backupId, message);
    }
}
