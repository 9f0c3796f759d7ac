package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Pre-flight of a deploy or rollback: takes the lock, checks everything that can be checked before a
 * change (container, image or build context, tag, disk space, host ports, extra checks) and fixes the
 * plan. The caller shows the plan, asks for confirmation, then {@link Prepared#run}s or {@link Prepared#abandon}s.
 */
public final class DeployWorkflow {
    public static final List<String> STEPS = List.of("backup", "build", "create", "stop-old", "swap", "start-new", "health", "verify", "cleanup");
    /**
     * A service behind nginx: the new container starts beside the old one (no host port) and takes the
     * traffic only once healthy, by a switch of its upstream; the old one serves until then, and drains after.
     */
    public static final List<String> BLUE_GREEN_STEPS = List.of("backup", "build", "create-beside", "start-new", "health", "switch", "drain",
            "retire", "verify", "cleanup");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * The service as the deploy sees it.
     *
     * @param upstreamPort     its port inside the container when its nginx upstream is the console's to switch
     *                         (services[].upstream): deploys take the blue-green path; 0: stop and replace
     * @param upstreamRequired services[].upstream set to true: a missing upstream file refuses the deploy; by
     *                         default (unset) it means the service is not behind nginx yet, and the deploy stops and replaces
     */
    public record Target(String service, String container, String repository, String healthUrl, Path buildContext, int upstreamPort,
                         boolean upstreamRequired) {
        /** A service not behind a managed upstream. */
        public Target(String service, String container, String repository, String healthUrl, Path buildContext) {
            this(service, container, repository, healthUrl, buildContext, 0, false);
        }
    }

    /** A deploy request. */
    public record Request(String tag, boolean build, boolean skipBackup, boolean allowLatest) {
    }

    private final WorkflowContext ctx;

    public DeployWorkflow(WorkflowContext ctx) {
        this.ctx = ctx;
    }

    public Prepared prepareDeploy(Target t, Request r) {
        ctx.requireProjectDir();
        WorkflowLock lock = WorkflowLock.acquire(ctx.lockFile(), ctx.operator(), "deploy " + t.service() + " " + r.tag());
        try {
            refuseWhileUnfinished();
            if ("latest".equals(r.tag()) && !r.allowLatest()) {
                throw new WorkflowException(WorkflowText.t("workflow.preflight.latest", t.service()));
            }
            DeployOps.State old = current(t);
            String image = t.repository() + ":" + r.tag();
            Optional<String> newId = ctx.engine().imageId(image);
            Path buildCtx = null;
            if (r.build()) {
                if (t.buildContext() == null || !Files.isRegularFile(t.buildContext().resolve("Dockerfile"))) {
                    throw new WorkflowException(WorkflowText.t("workflow.preflight.noContext", t.service(), t.buildContext()));
                }
                buildCtx = t.buildContext();
            } else if (newId.isEmpty()) {
                throw new WorkflowException(WorkflowText.t("workflow.preflight.noImage", image));
            }
            DeployPlan plan = plan("deploy", t, r.tag(), image, r.build() ? null : newId.get(), old, null, null, buildCtx, r.skipBackup());
            checkCommon(plan, old);
            return new Prepared(ctx, plan, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * A rollback to a recorded release: refused before anything changes when its image is gone. Uses the
     * kept previous container running that image when there is one (instant), else creates from the image id.
     */
    public Prepared prepareRollback(Target t, Release to) {
        ctx.requireProjectDir();
        WorkflowLock lock = WorkflowLock.acquire(ctx.lockFile(), ctx.operator(), "rollback " + t.service() + " " + to.tag());
        try {
            refuseWhileUnfinished();
            DeployOps.State old = current(t);
            if (ctx.engine().imageId(to.imageId()).isEmpty()) {
                throw new WorkflowException(WorkflowText.t("workflow.rollback.imageGone", to.tag(), DeployPlan.shortId(to.imageId())));
            }
            DeployOps.State kept = null;
            for (String n : ctx.engine().containerNames()) {
                // Under compose the container that comes back needs compose's labels: made anew (a copy), not reused.
                if (n.startsWith(t.container() + "-old-") && !ctx.compose().active()) {
                    Optional<DeployOps.State> s = ctx.engine().state(n);
                    if (s.isPresent() && s.get().imageId().equals(to.imageId()) && (kept == null || n.compareTo(kept.name()) > 0)) {
                        kept = s.get();
                    }
                }
            }
            // By its tag when the tag still names that very image (the container then shows it), else by id.
            String image = to.image() != null && !to.image().isBlank()
                    && ctx.engine().imageId(to.image()).filter(to.imageId()::equals).isPresent() ? to.image() : to.imageId();
            DeployPlan plan = plan("rollback", t, to.tag(), image, to.imageId(), old,
                    kept == null ? null : kept.id(), kept == null ? null : kept.name(), null, true);
            checkCommon(plan, old);
            return new Prepared(ctx, plan, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A journal a cut workflow left must be recovered first: refused before any check or prompt. */
    private void refuseWhileUnfinished() {
        Optional<Journal.Contents> j = Journal.unfinished(ctx.stateDir());
        if (j.isPresent()) {
            throw new WorkflowException(Occupant.cut(j.get()).refusal());
        }
    }

    private DeployOps.State current(Target t) {
        return ctx.engine().state(t.container())
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.preflight.noContainer", t.container(), t.service())));
    }

    private DeployPlan plan(String kind, Target t, String tag, String image, String newImageId, DeployOps.State old, String reuseId,
                            String reuseName, Path buildCtx, boolean skipBackup) {
        String stamp = uniqueStamp(t.container());
        String path = path(t);
        boolean blueGreen = DeployPlan.BLUE_GREEN.equals(path);
        List<String> steps = new ArrayList<>(blueGreen ? BLUE_GREEN_STEPS : STEPS);
        if (skipBackup) {
            steps.remove("backup");
        }
        if (buildCtx == null) {
            steps.remove("build");
        }
        if (reuseId != null) {
            steps.remove("create");
            steps.remove("create-beside");
        }
        return new DeployPlan(kind, t.service(), t.container(), tag, image, newImageId, old.id(), old.imageRef(), old.imageId(),
                t.container() + "-new-" + stamp, t.container() + "-old-" + stamp, reuseId, reuseName, buildCtx, skipBackup,
                t.healthUrl() == null ? "" : t.healthUrl(), List.copyOf(steps), path, blueGreen ? t.upstreamPort() : 0,
                blueGreen ? ctx.drainSeconds() : 0);
    }

    /**
     * Blue-green for a service whose upstream the console manages; stop-and-replace for the rest, and (said
     * in the plan) for a service managed by default whose upstream include does not exist: no nginx in front yet.
     */
    private String path(Target t) {
        if (t.upstreamPort() <= 0 || ctx.proxy() == null) {
            return DeployPlan.REPLACE;
        }
        if (!t.upstreamRequired() && ctx.proxy().read(t.service()).isEmpty()) {
            return DeployPlan.REPLACE_NO_UPSTREAM;
        }
        return DeployPlan.BLUE_GREEN;
    }

    /** A second deploy or rollback within the same second must not collide with the container the first one kept. */
    private String uniqueStamp(String container) {
        String base = LocalDateTime.now().format(STAMP);
        List<String> names = ctx.engine().containerNames();
        String stamp = base;
        for (int i = 2; names.contains(container + "-old-" + stamp) || names.contains(container + "-new-" + stamp); i++) {
            stamp = base + "-" + i;
        }
        return stamp;
    }

    private void checkCommon(DeployPlan plan, DeployOps.State old) {
        try {
            long free = Files.getFileStore(ctx.projectDir()).getUsableSpace();
            if (free < ctx.minFreeBytes()) {
                throw new WorkflowException(WorkflowText.t("workflow.preflight.disk", ctx.projectDir(), free / (1024 * 1024),
                        ctx.minFreeBytes() / (1024 * 1024)));
            }
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.preflight.diskUnknown", ctx.projectDir(), e.getMessage()));
        }
        if (plan.blueGreen()) {
            checkUpstream(plan);
        }
        // The new container gets the same port bindings; a port held by anything else would fail its start after the old stopped.
        for (String hp : plan.blueGreen() ? List.<String>of() : old.hostPorts()) {
            List<String> others = ctx.engine().publishers(hp, old.id());
            if (!others.isEmpty()) {
                throw new WorkflowException(WorkflowText.t("workflow.preflight.portTaken", hp, String.join(", ", others)));
            }
            if (!old.running() && !bindable(hp)) {
                throw new WorkflowException(WorkflowText.t("workflow.preflight.portTaken", hp, "?"));
            }
        }
        for (PreflightCheck c : ctx.preflight()) {
            Optional<String> p = c.problem(plan);
            if (p.isPresent()) {
                throw new WorkflowException(WorkflowText.t("workflow.preflight.check", p.get()));
            }
        }
    }

    /** The upstream include exists, names a server, and nginx accepts the configuration as it is now. */
    private void checkUpstream(DeployPlan plan) {
        ProxySwitch proxy = ctx.proxy();
        Path file = proxy.file(plan.service());
        String content = proxy.read(plan.service())
                .orElseThrow(() -> new WorkflowException(WorkflowText.t("workflow.preflight.noUpstream", file, plan.service())));
        if (Upstreams.host(content).isEmpty()) {
            throw new WorkflowException(WorkflowText.t("workflow.preflight.upstreamNoServer", file));
        }
        List<String> problems = proxy.test();
        if (!problems.isEmpty()) {
            throw new WorkflowException(WorkflowText.t("workflow.preflight.nginxInvalid", String.join("; ", problems)), problems);
        }
    }

    private static boolean bindable(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String ip = hostPort.substring(0, colon);
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(ip, Integer.parseInt(hostPort.substring(colon + 1))));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A checked plan holding the lock: run it or abandon it. */
    public static final class Prepared {
        private final WorkflowContext ctx;
        private final DeployPlan plan;
        private final WorkflowLock lock;

        Prepared(WorkflowContext ctx, DeployPlan plan, WorkflowLock lock) {
            this.ctx = ctx;
            this.plan = plan;
            this.lock = lock;
        }

        public DeployPlan plan() {
            return plan;
        }

        public DeployRun.Outcome run(WorkflowProgress progress, BooleanSupplier cancelled) {
            try {
                return new DeployRun(ctx, plan, Journal.start(ctx.stateDir(), ctx.operator(), runId(plan), plan.journalData()), progress, cancelled)
                        .execute(false);
            } finally {
                lock.close();
            }
        }

        public void abandon() {
            lock.close();
        }
    }

    static String runId(DeployPlan p) {
        return p.kind() + "-" + p.service() + "-" + p.keptName().substring(p.keptName().lastIndexOf("-old-") + 5);
    }
}
