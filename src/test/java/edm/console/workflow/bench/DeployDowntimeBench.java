package edm.console.workflow.bench;

import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.docker.DeployOps;
import edm.console.sandbox.SandboxSpec;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.SandboxFixture;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.ProxySwitch;
import edm.console.workflow.Release;
import edm.console.workflow.ReleaseHistory;
import edm.console.workflow.Traffic;
import edm.console.workflow.Upstreams;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.Workflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Downtime of the sandbox backend as clients see it through nginx (50 requests/s to /api/health on the
 * nginx port) during (a) a console deploy to v1.0, (b) a console deploy to v1.2-broken (refused by the
 * health gate: the old one keeps serving), (c) a console rollback to the kept container, and (m) the spec's
 * manual sequence (docker stop, docker rm, docker run, then nginx -s reload so that nginx resolves the new
 * container) in the same run: requests, failed, longest gap between good answers, and how long the action took.
 * Usage: bench/deploy.sh [ROUNDS]
 */
public final class DeployDowntimeBench {
    static final String URL = "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/api/health";

    interface Action {
        void run() throws Exception;
    }

    static void measure(String what, Action a) throws Exception {
        STEPS.setLength(0);
        Traffic t = new Traffic(URL, 50);
        long took;
        try {
            Thread.sleep(1000);
            long t0 = System.nanoTime();
            a.run();
            took = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(1000);
        } finally {
            t.close();
        }
        System.out.printf("%-30s %8d %8d %9d ms %7.2f s%n", what, t.requests(), t.failed(), t.longestGapMillis(), took / 1000.0);
        if (STEPS.length() > 0) {
            System.out.println("    steps: " + STEPS);
        }
        if (t.failed() > 0) {
            System.out.println("    first failures: " + t.failures());
        }
    }

    /** Where the time of the last action went: each step and how long it took. */
    static final StringBuilder STEPS = new StringBuilder();

    static final WorkflowProgress TIMING = new WorkflowProgress() {
        @Override
        public void step(String step, Phase phase, Duration elapsed, String detail) {
            if (phase != Phase.BEGIN) {
                STEPS.append(STEPS.length() == 0 ? "" : ", ").append(step).append(' ').append(elapsed.toMillis()).append(" ms")
                        .append(phase == Phase.FAILED ? " (failed)" : "");
            }
        }

        @Override
        public void output(String line) {
        }
    };

    static DeployRun.Outcome deploy(WorkflowContext ctx, DeployWorkflow.Target t, String tag) {
        return new DeployWorkflow(ctx).prepareDeploy(t, new DeployWorkflow.Request(tag, false, true, false)).run(TIMING, () -> false);
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        SandboxFixture.RunningSandbox sb = SandboxFixture.up();
        ConsoleConfig config = sb.config();
        // As in production: the service's health URL through nginx (a blue-green backend publishes no host port).
        config.service("backend").orElseThrow().healthUrl = URL;
        config.service("frontend").orElseThrow().healthUrl = "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/";
        try (ContainerGateway gw = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30))) {
            WorkflowContext ctx = Workflows.context(config, gw, Map.of("USER", "bench"), List.of());
            DeployWorkflow.Target backend = Workflows.target(config, "backend");
            if (ctx.proxy() == null || ctx.proxy().read("backend").isEmpty()) {
                System.out.println("the sandbox has no nginx/upstreams/backend.conf (no real nginx): nothing to measure");
                System.exit(2);
            }
            System.out.printf("loadavg %s; 50 requests/s through nginx (%s)%n", Files.readString(Path.of("/proc/loadavg")).trim(), URL);
            System.out.printf("%-30s %8s %8s %12s %9s%n", "action", "requests", "failed", "longest gap", "took");
            for (int i = 0; i < rounds; i++) {
                if (ctx.engine().state(backend.container()).orElseThrow().imageRef().endsWith(":v1.0")) {
                    deploy(ctx, backend, "v1.1");
                }
                measure("(a) console deploy v1.0", () -> require(deploy(ctx, backend, "v1.0"), true));
                measure("(b) console deploy v1.2-broken", () -> require(deploy(ctx, backend, "v1.2-broken"), false));
                Release to = ReleaseHistory.rollbackTarget(ctx.history().goodReleases("backend"), null).orElseThrow();
                measure("(c) console rollback " + to.tag(), () -> require(new DeployWorkflow(ctx).prepareRollback(backend, to)
                        .run(TIMING, () -> false), true));
                measure("(m) manual stop+run v1.0", () -> manual(gw, ctx.proxy(), backend.container(), "edm-backend:v1.0"));
            }
            deploy(ctx, backend, "v1.1");
        }
        System.exit(0);
    }

    static void require(DeployRun.Outcome o, boolean ok) {
        if (o.ok() != ok) {
            throw new IllegalStateException((ok ? "failed: " : "should have failed: ") + o.failedStep() + " " + o.message());
        }
    }

    /**
     * SPEC-006's manual sequence: docker stop, docker rm, docker run (same settings and name); nginx still has
     * the old container's address, so the operator reloads it once the new one answers.
     */
    static void manual(ContainerGateway gw, ProxySwitch nginx, String name, String image) throws Exception {
        DeployOps ops = gw.deployOps();
        DeployOps.State old = ops.state(name).orElseThrow();
        nginx.write("backend", Upstreams.pointAt(nginx.read("backend").orElseThrow(), name));
        gw.stop(old.id(), 10);
        ops.rename(old.id(), name + "-manual-old");
        String id = ops.createLike(old.id(), name, image);
        gw.start(id);
        ops.remove(old.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String internal = Upstreams.internalUrl(URL, Upstreams.address(id), 8002);
        while (System.nanoTime() < deadline && nginx.probe(internal).isPresent()) {
            Thread.sleep(100);
        }
        nginx.reload();
    }
}
