package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.swarm.SwarmTask;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Deploy, rollback and restart of a swarm service (the engine a manager): pre-flight under the same lock and
 * journal rules as the container workflows, then a {@link SwarmRun}. The caller shows the plan, asks for
 * confirmation, then {@link Prepared#run}s or {@link Prepared#abandon}s.
 */
public final class SwarmWorkflow {
    /** Swarm's monitor period after each task: a task that fails within it rolls the update back. */
    public static final Duration MONITOR = Duration.ofSeconds(5);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final WorkflowContext ctx;
    private final SwarmEngine swarm;
    private final Duration monitor;

    public SwarmWorkflow(WorkflowContext ctx, SwarmEngine swarm) {
        this(ctx, swarm, MONITOR);
    }

    SwarmWorkflow(WorkflowContext ctx, SwarmEngine swarm, Duration monitor) {
        this.ctx = ctx;
        this.swarm = swarm;
        this.monitor = monitor;
    }

    /**
     * The swarm service the operator means by {@code service}: its own name, else the stack's {@code project_service};
     * empty when the engine is no manager or has no such service (then it is a container service).
     */
    public Optional<JsonNode> find(String service, String project) {
        if (!swarm.manager()) {
            return Optional.empty();
        }
        Optional<JsonNode> s = swarm.service(service);
        return s.isPresent() || project == null || project.isBlank() ? s : swarm.service(project + "_" + service);
    }

    /**
     * The name the release history and audit know the service by: the stack's {@code project_service} is the
     * config's {@code service}, so the CLI's {@code deploy backend} and the TUI's row edm_backend are one history.
     */
    public static String serviceName(JsonNode svc, String project) {
        String name = svc.path("Spec").path("Name").asText("");
        String prefix = project == null || project.isBlank() ? null : project + "_";
        return prefix != null && name.startsWith(prefix) && name.length() > prefix.length() ? name.substring(prefix.length()) : name;
    }

    /** A new image: the tag of the service's repository (Swarm's ContainerSpec.Image with another tag). */
    public Prepared prepareDeploy(String service, JsonNode svc, String tag, boolean skipBackup, boolean allowLatest) {
        return prepare("deploy " + service + " " + tag, () -> {
            if ("latest".equals(tag) && !allowLatest) {
                throw new WorkflowException(WorkflowText.t("workflow.preflight.latest", service));
            }
            JsonNode spec = svc.path("Spec");
            String image = SwarmSpecs.withTag(SwarmSpecs.image(spec), tag);
            return imagePlan("deploy", service, svc, tag, image, skipBackup);
        });
    }

    /**
     * Back to what ran before: to TAG's newest good release when given; else Swarm's own rollback to the
     * service's PreviousSpec when it has one; else the release history's newest good release with another image.
     */
    public Prepared prepareRollback(String service, JsonNode svc, String tag) {
        return prepare("rollback " + service + (tag == null ? "" : " " + tag), () -> {
            JsonNode previous = svc.path("PreviousSpec");
            if (tag == null && previous.isObject()) {
                String image = SwarmSpecs.image(previous);
                return plan("rollback", service, svc, SwarmSpecs.tag(image), image, SwarmPlan.PREVIOUS, SwarmSpecs.forceUpdate(previous),
                        previous, true);
            }
            List<Release> good = ctx.history().goodReleases(service);
            String current = SwarmSpecs.image(svc.path("Spec"));
            Optional<Release> to = tag != null ? good.stream().filter(r -> r.tag().equals(tag)).findFirst()
                    : good.stream().filter(r -> r.image() != null && !r.image().equals(current)).findFirst();
            Release r = to.orElseThrow(() -> new WorkflowException(WorkflowText.t(tag == null ? "workflow.swarm.nothingToRollBack"
                    : "workflow.rollback.unknownTag", service, tag)));
            return imagePlan("rollback", service, svc, r.tag(), r.image(), true);
        });
    }

    /** A forced rolling update: every task replaced, one at a time, start-first, the same image. */
    public Prepared prepareRestart(String service, JsonNode svc) {
        return prepare("restart " + service, () -> {
            JsonNode spec = svc.path("Spec");
            String image = SwarmSpecs.image(spec);
            return plan("restart", service, svc, SwarmSpecs.tag(image), image, SwarmPlan.FORCE, SwarmSpecs.forceUpdate(spec) + 1,
                    SwarmSpecs.forRestart(spec, monitor), true);
        });
    }

    private Prepared imagePlan(String kind, String service, JsonNode svc, String tag, String image, boolean skipBackup) {
        JsonNode spec = svc.path("Spec");
        JsonNode inspect = swarm.image(image).orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.preflight.noImage", image)));
        JsonNode next = SwarmSpecs.forDeploy(spec, image, monitor);
        long force = SwarmSpecs.forceUpdate(spec);
        if (next.path("TaskTemplate").equals(spec.path("TaskTemplate"))) {
            // The same image again: Swarm would change nothing; a forced update replaces the tasks as a redeploy does.
            force++;
            ((ObjectNode) next.path("TaskTemplate")).put("ForceUpdate", force);
        }
        if (!SwarmSpecs.hasHealthcheck(next, inspect)) {
            throw new WorkflowException(WorkflowText.t("workflow.swarm.noHealthcheck", image, service));
        }
        return plan(kind, service, svc, tag, image, SwarmPlan.IMAGE, force, next, skipBackup)
                .withImage(inspect.path("Id").asText(null), SwarmSpecs.healthcheck(next, inspect));
    }

    private Prepared plan(String kind, String service, JsonNode svc, String tag, String image, String mode, long force, JsonNode spec,
                          boolean skipBackup) {
        List<String> steps = new ArrayList<>(SwarmRun.STEPS);
        if (skipBackup) {
            steps.remove("backup");
        }
        String health = SwarmSpecs.healthcheck(spec, swarm.image(image).orElse(null));
        String name = svc.path("Spec").path("Name").asText(service);
        SwarmPlan p = new SwarmPlan(kind, service, name, svc.path("ID").asText(), tag, image, null,
                SwarmSpecs.image(svc.path("Spec")), svc.path("Version").path("Index").asLong(), mode,
                svc.path("UpdateStatus").path("StartedAt").asText(""), force, SwarmSpecs.replicas(svc.path("Spec")), health, monitor,
                skipBackup, List.copyOf(steps), kind + "-" + service + "-" + LocalDateTime.now().format(STAMP),
                swarm.tasks(svc.path("ID").asText()).stream().filter(t -> "running".equals(t.desiredState())).map(SwarmTask::id).toList());
        return new Prepared(ctx, swarm, p, spec, null);
    }

    private interface Planning {
        Prepared plan();
    }

    private Prepared prepare(String what, Planning planning) {
        ctx.requireProjectDir();
        WorkflowLock lock = WorkflowLock.acquire(ctx.lockFile(), ctx.operator(), what);
        try {
            Optional<Journal.Contents> j = Journal.unfinished(ctx.stateDir());
            if (j.isPresent()) {
                throw new WorkflowException(Occupant.cut(j.get()).refusal());
            }
            return planning.plan().holding(lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A checked plan holding the lock: run it or abandon it. */
    public static final class Prepared {
        private final WorkflowContext ctx;
        private final SwarmEngine swarm;
        private final SwarmPlan plan;
        private final JsonNode spec;
        private final WorkflowLock lock;

        Prepared(WorkflowContext ctx, SwarmEngine swarm, SwarmPlan plan, JsonNode spec, WorkflowLock lock) {
            this.ctx = ctx;
            this.swarm = swarm;
            this.plan = plan;
            this.spec = spec;
            this.lock = lock;
        }

        Prepared holding(WorkflowLock l) {
            return new Prepared(ctx, swarm, plan, spec, l);
        }

        Prepared withImage(String imageId, String healthcheck) {
            SwarmPlan p = plan;
            return new Prepared(ctx, swarm, new SwarmPlan(p.kind(), p.service(), p.swarmName(), p.serviceId(), p.tag(), p.image(), imageId,
                    p.oldImage(), p.oldVersion(), p.mode(), p.previousStarted(), p.targetForce(), p.replicas(), healthcheck, p.monitor(),
                    p.skipBackup(), p.steps(), p.runId(), p.oldTasks()), spec, lock);
        }

        public SwarmPlan plan() {
            return plan;
        }

        public DeployRun.Outcome run(WorkflowProgress progress, BooleanSupplier cancelled) {
            return run(progress, cancelled, SwarmRun.realTime(), Duration.ofMillis(500));
        }

        DeployRun.Outcome run(WorkflowProgress progress, BooleanSupplier cancelled, SwarmRun.Pause pause, Duration poll) {
            try {
                Journal journal = Journal.start(ctx.stateDir(), ctx.operator(), plan.runId(), plan.journalData());
                return new SwarmRun(ctx, swarm, plan, journal, progress, cancelled, pause, poll).execute(spec);
            } finally {
                lock.close();
            }
        }

        public void abandon() {
            lock.close();
        }
    }
}
