package edm.console.workflow.bench;

import edm.console.docker.ContainerGateway;
import edm.console.docker.DeployOps;
import edm.console.sandbox.SandboxSpec;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.SandboxFixture;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.Workflows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Downtime of the backend during a deploy, seen by a probe hitting its health URL every 50 ms through the
 * published port: failed requests and the longest gap between two good answers. Compared with the spec's
 * manual sequence (docker stop old; docker run new with the same settings) in the same run.
 * Usage: bench/deploy.sh [ROUNDS]
 */
public final class DeployDowntimeBench {
    static final String URL = "http://127.0.0.1:" + SandboxSpec.BACKEND_PORT + "/api/health";

    /** Probes every 50 ms until stopped. */
    static final class Probe implements Runnable {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        volatile boolean stop;
        int requests;
        int failed;
        long longestGapMillis;
        /** How long the deploy (or the manual sequence) itself took. */
        long actionMillis;

        @Override
        public void run() {
            long lastGood = System.nanoTime();
            while (!stop) {
                long t = System.nanoTime();
                boolean ok;
                try {
                    ok = http.send(HttpRequest.newBuilder(URI.create(URL)).timeout(Duration.ofMillis(1000)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    ok = false;
                }
                requests++;
                long now = System.nanoTime();
                if (ok) {
                    longestGapMillis = Math.max(longestGapMillis, (now - lastGood) / 1_000_000);
                    lastGood = now;
                } else {
                    failed++;
                }
                long sleep = 50 - (System.nanoTime() - t) / 1_000_000;
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    interface Action {
        void run() throws Exception;
    }

    static Probe measure(Action a) throws Exception {
        Probe p = new Probe();
        Thread t = new Thread(p, "probe");
        t.start();
        Thread.sleep(1000);
        long t0 = System.nanoTime();
        a.run();
        p.actionMillis = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(1000);
        p.stop = true;
        t.join();
        return p;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        SandboxFixture.RunningSandbox sb = SandboxFixture.up();
        try (ContainerGateway gw = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30))) {
            WorkflowContext ctx = Workflows.context(sb.config(), gw, Map.of("USER", "bench"), List.of());
            DeployWorkflow.Target backend = Workflows.target(sb.config(), "backend");
            String[] tags = {"v1.0", "v1.1"};
            System.out.printf("%-8s %-6s %8s %8s %12s %10s%n", "method", "tag", "requests", "failed", "longest gap", "took");
            for (int i = 0; i < rounds * 2; i++) {
                String tag = tags[i % 2];
                Probe p = measure(() -> {
                    DeployRun.Outcome o = new DeployWorkflow(ctx).prepareDeploy(backend,
                            new DeployWorkflow.Request(tag, false, true, false)).run(WorkflowProgress.NONE, () -> false);
                    if (!o.ok()) {
                        throw new IllegalStateException("deploy failed: " + o.message());
                    }
                });
                System.out.printf("%-8s %-6s %8d %8d %9d ms %7.1f s%n", "console", tag, p.requests, p.failed, p.longestGapMillis,
                        p.actionMillis / 1000.0);
                String manualTag = tags[(i + 1) % 2];
                Probe m = measure(() -> manual(gw, backend.container(), "edm-backend:" + manualTag));
                System.out.printf("%-8s %-6s %8d %8d %9d ms %7.1f s%n", "manual", manualTag, m.requests, m.failed, m.longestGapMillis,
                        m.actionMillis / 1000.0);
                // back to the tag the next console round deploys from
                new DeployWorkflow(ctx).prepareDeploy(backend, new DeployWorkflow.Request(tag, false, true, false))
                        .run(WorkflowProgress.NONE, () -> false);
            }
        }
        System.exit(0);
    }

    /** The spec's sequence: docker stop old; docker rm old; docker run new (same settings); wait until it answers. */
    static void manual(ContainerGateway gw, String name, String image) throws Exception {
        DeployOps ops = gw.deployOps();
        DeployOps.State old = ops.state(name).orElseThrow();
        gw.stop(old.id(), 10);
        ops.rename(old.id(), name + "-manual-old");
        String id = ops.createLike(old.id(), name, image);
        gw.start(id);
        ops.remove(old.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(URL)).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (Exception ignored) {
                // not up yet
            }
            Thread.sleep(100);
        }
    }
}
