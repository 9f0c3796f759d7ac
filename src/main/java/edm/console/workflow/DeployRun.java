package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The deploy step machine. Every step is journaled before and after, and written so that running it again
 * is harmless (it looks at the containers' names and ids first): that is what makes resume after a crash a
 * plain re-run. Any failure or cancel after something changed rolls back: the new container goes, the old
 * one gets its name back, starts, and must pass the health gate again.
 */
public final class DeployRun {
    /**
     * How it ended: the recorded release, and when it failed, the step, the reason and the captured output.
     *
     * @param rolledBack    the old container is back under the service's name, running and through the health gate
     * @param restoredImage what the service runs after a roll back (the old container's image), else null
     */
    public record Outcome(Release release, String failedStep, String message, List<String> output, boolean rolledBack,
                          String restoredImage, boolean unknown) {
        public Outcome(Release release, String failedStep, String message, List<String> output, boolean rolledBack) {
            this(release, failedStep, message, output, rolledBack, null);
        }

        public Outcome(Release release, String failedStep, String message, List<String> output, boolean rolledBack,
                       String restoredImage) {
            this(release, failedStep, message, output, rolledBack, restoredImage, false);
        }

        /**
         * The console cannot tell how it ended (the engine stopped answering, or Swarm was still updating at the
         * deadline): {@code message} says why; the journal stays so that {@code deploy --recover} follows it.
         */
        public static Outcome unknown(Release release, String step, String message, List<String> output) {
            return new Outcome(release, step, message, output, false, null, true);
        }

        public boolean ok() {
            return release.good();
        }

        /** A roll back that was asked for (recovery of a cut workflow) and succeeded: nothing failed. */
        public boolean rolledBackAsAsked() {
            return rolledBack && failedStep == null;
        }
    }

    private final WorkflowContext ctx;
    private final DeployPlan plan;
    private final Journal journal;
    private final WorkflowProgress progress;
    private final BooleanSupplier cancelled;
    private final Map<String, String> data = new LinkedHashMap<>();
    private final HealthGate gate;
    /** The blue-green steps; null on the stop-and-replace path. */
    private final BlueGreenSteps blueGreen;
    private boolean changed;
    private String backupId;

    DeployRun(WorkflowContext ctx, DeployPlan plan, Journal journal, WorkflowProgress progress, BooleanSupplier cancelled) {
        this.ctx = ctx;
        this.plan = plan;
        this.journal = journal;
        this.progress = progress;
        this.cancelled = cancelled;
        this.gate = new HealthGate(ctx.engine(), ctx.urlCheck(), ctx.healthTimeout());
        this.blueGreen = plan.blueGreen() ? new BlueGreenSteps(ctx, plan, journal, data, progress, cancelled) : null;
    }

    /** Recovery: continues from the journal's data. */
    static DeployRun recovered(WorkflowContext ctx, Journal.Contents j, WorkflowProgress progress) {
        DeployRun r = new DeployRun(ctx, DeployPlan.fromJournal(j.data()), Journal.reopen(ctx.stateDir(), ctx.operator(), j.workflow()), progress, () -> false);
        r.data.putAll(j.data());
        r.changed = true;
        r.backupId = j.data().get("backupId");
        return r;
    }

    Outcome execute(boolean resume) {
        Instant started = Instant.now();
        String step = "preflight";
        try {
            for (String s : plan.steps()) {
                step = s;
                if (resume && done(s) && ("backup".equals(s) || "build".equals(s))) {
                    continue;
                }
                if (cancelled.getAsBoolean()) {
                    throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
                }
                runStep(s);
            }
            return finish(started, Release.OK, null, null, List.of(), false);
        } catch (RuntimeException e) {
            // Any failure (engine, backup, I/O, a bug) after a change must still roll back.
            List<String> out = e instanceof WorkflowException we ? we.output() : List.of();
            progress.step(step, WorkflowProgress.Phase.FAILED, Duration.between(started, Instant.now()), e.getMessage());
            out.forEach(progress::output);
            if (!changed) {
                if (blueGreen != null) {
                    undoBeforeSwitch();
                } else {
                    removeNewIfAny();
                }
                return finish(started, Release.FAILED, step, e.getMessage(), out, false);
            }
            try {
                rollBack();
                return finish(started, Release.ROLLED_BACK, step, e.getMessage(), out, true);
            } catch (RuntimeException rb) {
                List<String> all = new ArrayList<>(out);
                all.add(WorkflowText.t("workflow.rollback.failed", rb.getMessage()));
                progress.output(all.get(all.size() - 1));
                // The journal stays: the next start offers recovery.
                Release r = release(started, Release.FAILED, e.getMessage() + "; " + rb.getMessage());
                ctx.history().record(r);
                WorkflowAudit.record(ctx, plan.kind(), plan, r, Duration.between(started, Instant.now()));
                return new Outcome(r, step, e.getMessage(), all, false);
            }
        }
    }

    DeployPlan plan() {
        return plan;
    }

    /** Recovery's roll back: undo whatever the unfinished run changed. */
    Outcome rollBackOnly() {
        Instant started = Instant.now();
        try {
            rollBack();
            // Nothing failed now: the roll back was the operator's choice (the release keeps why, for the history).
            Release r = release(started, Release.ROLLED_BACK, WorkflowText.t("workflow.recover.rolledBack"));
            ctx.history().record(r);
            WorkflowAudit.record(ctx, plan.kind(), plan, r, Duration.between(started, Instant.now()));
            journal.finish();
            return new Outcome(r, null, null, List.of(), true, restoredName());
        } catch (RuntimeException e) {
            Release r = release(started, Release.FAILED, e.getMessage());
            WorkflowAudit.record(ctx, plan.kind(), plan, r, Duration.between(started, Instant.now()));
            List<String> out = e instanceof WorkflowException we ? we.output() : List.of();
            return new Outcome(r, "rollback", e.getMessage(), out, false);
        }
    }

    private boolean done(String step) {
        return "end".equals(data.get("step." + step));
    }

    private void runStep(String s) {
        Instant t0 = Instant.now();
        journal.write(s, "begin", Map.of());
        progress.step(s, WorkflowProgress.Phase.BEGIN, Duration.ZERO, "");
        Map<String, String> learned = new LinkedHashMap<>();
        switch (s) {
            case "backup" -> {
                backupId = ctx.backup().run(progress::output);
                learned.put("backupId", backupId);
            }
            case "build" -> learned.put("newImageId", ctx.engine().build(plan.buildContext(), plan.image(), progress::output));
            case "create" -> learned.put("newId", create(true));
            case "create-beside" -> learned.put("newId", create(false));
            case "switch" -> blueGreen.switchTo(newId(), () -> changed = true);
            case "drain" -> blueGreen.drain();
            case "retire" -> blueGreen.retire(newId());
            case "stop-old" -> stopOld();
            case "swap" -> swap();
            case "start-new" -> startNew();
            case "health" -> {
                if (blueGreen != null) {
                    blueGreen.await(newId());
                } else {
                    gate.await(newId(), plan.healthUrl(), progress);
                }
            }
            case "verify" -> verify();
            case "cleanup" -> cleanup();
            default -> throw new IllegalStateException("unknown step " + s);
        }
        learned.put("step." + s, "end");
        data.putAll(learned);
        journal.write(s, "end", learned);
        progress.step(s, WorkflowProgress.Phase.END, Duration.between(t0, Instant.now()), "");
        if (s.equals(ctx.pauseAfter())) {
            PauseHook.hold(s, progress);
        }
    }

    private String newId() {
        if (plan.reuseId() != null) {
            return plan.reuseId();
        }
        String id = data.get("newId");
        if (id == null) {
            // Crash between create and its journal line: the container is found by its temp name.
            id = ctx.engine().state(plan.tempName()).map(DeployOps.State::id)
                    .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.deploy.noNew", plan.tempName())));
            data.put("newId", id);
        }
        return id;
    }

    /** {@code hostPorts} false: beside the old container, which still holds the host ports (blue-green). */
    private String create(boolean hostPorts) {
        String known = data.get("newId");
        if (known != null && ctx.engine().state(known).isPresent()) {
            return known;
        }
        Optional<DeployOps.State> existing = ctx.engine().state(plan.tempName());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        // From the reference (edm-backend:v1.1), so that the engine records it and every list shows the tag;
        // the id fixed in pre-flight (or by the build) is then checked, so the tag cannot have moved meanwhile.
        String expected = data.getOrDefault("newImageId", plan.newImageId());
        String id = ctx.engine().createLike(plan.oldId(), plan.tempName(), plan.image(), hostPorts,
                ctx.compose().relabel(plan.service(), plan.image(), plan.tag(), progress::output));
        data.put("newId", id);
        String got = ctx.engine().state(id).map(DeployOps.State::imageId).orElse("");
        if (expected != null && !expected.equals(got)) {
            ctx.engine().remove(id);
            data.remove("newId");
            throw new WorkflowException(WorkflowText.t("workflow.deploy.imageMoved", plan.image(), DeployPlan.shortId(expected),
                    DeployPlan.shortId(got)));
        }
        return id;
    }

    private void stopOld() {
        changed = true;
        DeployOps.State old = ctx.engine().state(plan.oldId())
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.deploy.oldGone", plan.oldId())));
        if (old.running()) {
            ctx.engine().stop(old.id(), ctx.stopSeconds(plan.service()));
        }
    }

    private void swap() {
        changed = true;
        if (ctx.engine().state(plan.oldId()).map(s -> s.name().equals(plan.container())).orElse(false)) {
            ctx.engine().rename(plan.oldId(), plan.keptName());
        }
        String id = newId();
        if (!ctx.engine().state(id).map(s -> s.name().equals(plan.container())).orElse(false)) {
            ctx.engine().rename(id, plan.container());
        }
    }

    private void startNew() {
        String id = newId();
        if (!ctx.engine().state(id).map(DeployOps.State::running).orElse(false)) {
            ctx.engine().start(id);
        }
        if (blueGreen == null) {
            NginxRefresh.afterReplace(ctx, plan.service(), progress);
        }
    }

    private void verify() {
        List<String> failures = ctx.verifier().failures();
        if (!failures.isEmpty()) {
            throw new WorkflowException(WorkflowText.t("workflow.verify.failed", String.join("; ", failures)), failures);
        }
    }

    private void cleanup() {
        KeptContainers.prune(ctx, plan);
    }

    private void removeNewIfAny() {
        if (plan.reuseId() != null) {
            return;
        }
        try {
            String id = data.get("newId");
            if (id == null) {
                id = ctx.engine().state(plan.tempName()).map(DeployOps.State::id).orElse(null);
            }
            if (id != null) {
                ctx.engine().remove(id);
            }
        } catch (RuntimeException ignored) {
            // a created-only container costs nothing; reported by status as a stray
        }
    }

    private void undoBeforeSwitch() {
        try {
            blueGreen.undoBeforeSwitch(newIdIfAny());
        } catch (RuntimeException e) {
            progress.output(WorkflowText.t("workflow.rollback.failed", e.getMessage()));
        }
    }

    /** The new (or reused) container's id when it exists, else null. */
    private String newIdIfAny() {
        String id = plan.reuseId() != null ? plan.reuseId() : data.get("newId");
        if (id == null) {
            id = ctx.engine().state(plan.tempName()).map(DeployOps.State::id).orElse(null);
        }
        return id != null && ctx.engine().state(id).isPresent() ? id : null;
    }

    /** Back to the old container under its name, running and healthy. Idempotent like the steps. */
    void rollBack() {
        if (blueGreen != null) {
            Instant t0 = Instant.now();
            journal.write("switch-back", "begin", Map.of());
            progress.step("switch-back", WorkflowProgress.Phase.BEGIN, Duration.ZERO, "");
            blueGreen.switchBack(newIdIfAny());
            journal.write("switch-back", "end", Map.of());
            progress.step("switch-back", WorkflowProgress.Phase.END, Duration.between(t0, Instant.now()), "");
            return;
        }
        Instant t0 = Instant.now();
        journal.write("rollback", "begin", Map.of());
        progress.step("rollback", WorkflowProgress.Phase.BEGIN, Duration.ZERO, "");
        String newId = plan.reuseId() != null ? plan.reuseId() : data.get("newId");
        if (newId == null) {
            newId = ctx.engine().state(plan.tempName()).map(DeployOps.State::id).orElse(null);
        }
        if (newId != null && ctx.engine().state(newId).isPresent()) {
            if (plan.reuseId() != null) {
                ctx.engine().stop(newId, ctx.stopSeconds(plan.service()));
                if (!ctx.engine().state(newId).get().name().equals(plan.reuseName())) {
                    ctx.engine().rename(newId, plan.reuseName());
                }
            } else {
                ctx.engine().remove(newId);
            }
        }
        DeployOps.State old = ctx.engine().state(plan.oldId())
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.deploy.oldGone", plan.oldId())));
        if (!old.name().equals(plan.container())) {
            ctx.engine().rename(old.id(), plan.container());
        }
        if (!old.running()) {
            ctx.engine().start(old.id());
            NginxRefresh.afterReplace(ctx, plan.service(), progress);
        }
        gate.await(old.id(), plan.healthUrl(), progress);
        journal.write("rollback", "end", Map.of());
        progress.step("rollback", WorkflowProgress.Phase.END, Duration.between(t0, Instant.now()), "");
    }

    private Outcome finish(Instant started, String result, String step, String message, List<String> out, boolean rolledBack) {
        if (Release.OK.equals(result)) {
            ctx.compose().writeBack(plan.service(), plan.image(), plan.tag()).ifPresent(progress::output);
        }
        Release r = release(started, result, message);
        if (r.good()) {
            ctx.history().recordFoundRunning(plan, started);
        }
        ctx.history().record(r);
        WorkflowAudit.record(ctx, plan.kind(), plan, r, Duration.between(started, Instant.now()));
        journal.finish();
        if (r.good()) {
            try {
                ctx.released().released(plan, r);
            } catch (RuntimeException e) {
                // The release stands (the containers and nginx are switched); what did not follow is said.
                List<String> all = new ArrayList<>(out);
                all.add(WorkflowText.t("workflow.released.failed", e.getMessage()));
                progress.output(all.get(all.size() - 1));
                out = all;
            }
        }
        return new Outcome(r, step, message, out, rolledBack, rolledBack ? restoredName() : null);
    }

    /**
     * What the service runs after a roll back, as an operator names it: the old container's image reference,
     * or, when the engine knows that image only by id, the tag the release history recorded for it.
     */
    private String restoredName() {
        String ref = plan.oldImage();
        if (ref != null && !ref.startsWith("sha256:")) {
            return ref;
        }
        String image = plan.image();
        String repository = image != null && !image.startsWith("sha256:") && image.contains(":") ? image.substring(0, image.lastIndexOf(':'))
                : null;
        List<Release> all = ctx.history().all();
        for (int i = all.size() - 1; i >= 0; i--) {
            Release r = all.get(i);
            if (plan.service().equals(r.service()) && plan.oldImageId() != null && plan.oldImageId().equals(r.imageId()) && r.tag() != null) {
                if (r.image() != null && !r.image().startsWith("sha256:")) {
                    return r.image();
                }
                return repository != null ? repository + ":" + r.tag() : r.tag() + " (" + DeployPlan.shortId(r.imageId()) + ")";
            }
        }
        return ref == null ? "?" : DeployPlan.shortId(ref);
    }

    private Release release(Instant started, String result, String message) {
        String imageId = data.getOrDefault("newImageId", plan.newImageId());
        return new Release(DeployWorkflow.runId(plan), plan.kind(), plan.service(), plan.tag(), plan.image(), imageId,
                Release.OK.equals(result) ? plan.container() : null, ctx.operator().user(), started, result,
                Duration.between(started, Instant.now()).toMillis(), backupId, message);
    }
}
