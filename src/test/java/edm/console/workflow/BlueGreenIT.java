package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.docker.DeployOps;
import edm.console.sandbox.SandboxConfigFile;
import edm.console.sandbox.SandboxSpec;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Blue-green deploys of the sandbox backend through its real nginx, with client traffic at 50 requests/s
 * through nginx during each: a good deploy, a broken version, an nginx -t failure, a rollback to the kept
 * container, and kill -9 after the switch with recovery. Each asserts zero failed requests.
 */
@RequiresSandbox
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlueGreenIT {
    static final String THROUGH_NGINX = "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/api/health";
    /** Requests a second through nginx, as bench/deploy.sh drives it: one every 20 ms, so any gap of a switch shows. */
    static final int RATE = 50;
    static SandboxFixture.RunningSandbox sandbox;
    static ConsoleConfig config;
    static Path configFile;
    static ContainerGateway gateway;
    static WorkflowContext ctx;
    static DeployWorkflow.Target backend;

    @BeforeAll
    static void setUp() throws IOException {
        sandbox = SandboxFixture.up();
        config = sandbox.config();
        // The services' own health URLs go through nginx, as in production (SPEC-006: https://tkmail.fun/api/health):
        // after a blue-green deploy the backend publishes no host port of its own.
        config.service("backend").orElseThrow().healthUrl = THROUGH_NGINX;
        config.service("frontend").orElseThrow().healthUrl = "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/";
        configFile = sandbox.projectDir().resolve("bluegreen-it.yml");
        Files.writeString(configFile, SandboxConfigFile.yaml(config));
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30));
        ctx = Workflows.context(config, gateway, Map.of("USER", "bluegreen-it"), List.of());
        backend = Workflows.target(config, "backend");
        Assumptions.assumeTrue(ctx.proxy() != null && ctx.proxy().read("backend").isPresent(),
                "the sandbox has no nginx/upstreams/backend.conf: no real nginx in front yet");
        DeployIT.deleteTree(ctx.stateDir());
        // Zero failed requests means something only when the stack answers this load while nothing changes:
        // on an overloaded machine the sandbox's busybox backend cannot (504s before any deploy began).
        Traffic baseline = new Traffic(THROUGH_NGINX, RATE);
        DeployIT.sleep(3000);
        baseline.close();
        System.out.println("[bluegreen-it] traffic at rest: " + baseline + " " + baseline.failures());
        Assumptions.assumeTrue(baseline.failed() == 0, "the sandbox does not sustain " + RATE + " requests/s through nginx even at rest: " + baseline);
    }

    /** Puts the sandbox back as other tests expect it: the backend under its name with its host port, nginx on it. */
    @AfterAll
    static void tearDown() throws IOException {
        try {
            String name = backend.container();
            for (String n : ctx.engine().containerNames()) {
                if (n.startsWith(name + "-new-") || n.startsWith(name + "-old-")) {
                    ctx.engine().remove(n);
                }
            }
            Optional<DeployOps.State> now = ctx.engine().state(name);
            if (now.isPresent() && now.get().hostPorts().isEmpty()) {
                ctx.engine().remove(now.get().id());
            }
            ctx.proxy().read("backend").ifPresent(f -> ctx.proxy().write("backend", Upstreams.pointAt(f, name)));
            SandboxFixture.up();
            ctx.proxy().reload();
        } finally {
            gateway.close();
        }
    }

    static String version() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(THROUGH_NGINX))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException | InterruptedException e) {
            return "down: " + e;
        }
    }

    static String currentTag() {
        return version().contains("\"v1.0\"") ? "v1.0" : "v1.1";
    }

    static String other(String tag) {
        return "v1.0".equals(tag) ? "v1.1" : "v1.0";
    }

    /** Runs {@code action} under 50 requests/s through nginx, from half a second before to half a second after. */
    static Traffic underTraffic(ThrowingRunnable action) throws Exception {
        Traffic t = new Traffic(THROUGH_NGINX, RATE);
        try {
            Thread.sleep(500);
            action.run();
            Thread.sleep(500);
        } finally {
            t.close();
        }
        return t;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static DeployRun.Outcome deploy(WorkflowContext c, String tag, List<String> log) {
        WorkflowProgress p = new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                log.add(phase + " " + step + " " + elapsed.toMillis() + " ms");
            }

            @Override
            public void output(String line) {
                log.add("| " + line);
            }
        };
        return new DeployWorkflow(c).prepareDeploy(backend, new DeployWorkflow.Request(tag, false, true, false)).run(p, () -> false);
    }

    static String upstream() {
        return ctx.proxy().read("backend").orElseThrow();
    }

    static DeployOps.State canonical() {
        return ctx.engine().state(backend.container()).orElseThrow();
    }

    static void noStrayNewContainer() {
        assertFalse(ctx.engine().containerNames().stream().anyMatch(n -> n.startsWith(backend.container() + "-new-")),
                "no new container left: " + ctx.engine().containerNames());
    }

    @Test
    @Order(1)
    void aGoodDeployFailsNoRequest() throws Exception {
        String tag = other(currentTag());
        List<String> log = new ArrayList<>();
        DeployRun.Outcome[] o = new DeployRun.Outcome[1];
        Traffic t = underTraffic(() -> o[0] = deploy(ctx, tag, log));
        System.out.println("[bluegreen-it] good deploy to " + tag + ": " + t + "; " + log);
        assertTrue(o[0].ok(), o[0].message() + " " + o[0].output() + " " + log);
        assertEquals(0, t.failed(), t.toString());
        assertTrue(version().contains("\"" + tag + "\""), version());
        DeployOps.State now = canonical();
        assertEquals(List.of(), now.hostPorts(), "the new container publishes no host port");
        assertEquals(Optional.of(Upstreams.address(now.id())), Upstreams.host(upstream()), upstream());
        assertTrue(ctx.engine().containerNames().stream().anyMatch(n -> n.startsWith(backend.container() + "-old-")), "the old one is kept");
    }

    @Test
    @Order(2)
    void aBrokenVersionNeverGetsTraffic() throws Exception {
        String before = upstream();
        String id = canonical().id();
        DeployRun.Outcome[] o = new DeployRun.Outcome[1];
        List<String> log = new ArrayList<>();
        Traffic t = underTraffic(() -> o[0] = deploy(ctx, "v1.2-broken", log));
        System.out.println("[bluegreen-it] broken deploy: " + t + "; " + log);
        assertFalse(o[0].ok());
        assertEquals("health", o[0].failedStep(), o[0].message());
        assertEquals(0, t.failed(), t.toString());
        assertEquals(before, upstream(), "nginx was never switched");
        assertEquals(id, canonical().id());
        noStrayNewContainer();
    }

    @Test
    @Order(3)
    void aFailingNginxTestRestoresTheFileAndNothingSwitches() throws Exception {
        String before = upstream();
        String id = canonical().id();
        ProxySwitch real = ctx.proxy();
        // The switch writes a file nginx rejects (a directive it does not know): the real nginx -t must refuse it.
        ProxySwitch rejecting = new ProxySwitch() {
            @Override
            public Path file(String service) {
                return real.file(service);
            }

            @Override
            public Optional<String> read(String service) {
                return real.read(service);
            }

            @Override
            public void write(String service, String content) {
                real.write(service, content.equals(before) ? content : content.replace("}", "    no_such_directive on;\n}"));
            }

            @Override
            public List<String> test() {
                return real.test();
            }

            @Override
            public void reload() {
                real.reload();
            }

            @Override
            public Set<Long> workers() {
                return real.workers();
            }

            @Override
            public Optional<String> probe(String url) {
                return real.probe(url);
            }
        };
        DeployRun.Outcome[] o = new DeployRun.Outcome[1];
        List<String> log = new ArrayList<>();
        Traffic t = underTraffic(() -> o[0] = deploy(ctx.withProxy(rejecting, ctx.drainSeconds()), other(currentTag()), log));
        System.out.println("[bluegreen-it] nginx -t failure: " + t + "; " + log);
        assertFalse(o[0].ok());
        assertEquals("switch", o[0].failedStep());
        assertTrue(o[0].message().contains("no_such_directive"), o[0].message());
        assertEquals(before, upstream(), "the previous file is back");
        assertTrue(real.test().isEmpty(), "and nginx accepts it");
        assertEquals(0, t.failed(), t.toString());
        assertEquals(id, canonical().id());
        noStrayNewContainer();
    }

    @Test
    @Order(4)
    void aRollbackToTheKeptContainerFailsNoRequest() throws Exception {
        String current = currentTag();
        Release to = ReleaseHistory.rollbackTarget(ctx.history().goodReleases("backend"), null).orElseThrow();
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx).prepareRollback(backend, to);
        try {
            if (ctx.compose().active()) {
                // Under compose the one that comes back is made anew from the kept image (compose's labels): still no build, no pull.
                assertEquals(to.imageId(), p.plan().newImageId(), p.plan().toString());
            } else {
                assertNotNull(p.plan().reuseId(), "the kept container is used: " + p.plan());
            }
            assertEquals(DeployPlan.BLUE_GREEN, p.plan().path());
            assertEquals(null, p.plan().buildContext());
        } catch (AssertionError e) {
            p.abandon();
            throw e;
        }
        DeployRun.Outcome[] o = new DeployRun.Outcome[1];
        long[] took = new long[1];
        Traffic t = underTraffic(() -> {
            long t0 = System.nanoTime();
            o[0] = p.run(WorkflowProgress.NONE, () -> false);
            took[0] = (System.nanoTime() - t0) / 1_000_000;
        });
        System.out.println("[bluegreen-it] rollback " + current + " -> " + to.tag() + " took " + took[0] + " ms: " + t);
        assertTrue(o[0].ok(), o[0].message() + " " + o[0].output());
        assertEquals(0, t.failed(), t.toString());
        assertTrue(version().contains("\"" + to.tag() + "\""), version());
        if (p.plan().reuseId() != null) {
            assertEquals(p.plan().reuseId(), canonical().id());
        }
    }

    static Process cli(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "edm.console.app.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--config", configFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    @Order(5)
    void killedAfterTheSwitchIsUndoneByRecoverWithoutAFailedRequest() throws Exception {
        killedAndRecovered("switch", "rollback");
    }

    @Test
    @Order(6)
    void killedAfterTheDrainIsFinishedByRecoverWithoutAFailedRequest() throws Exception {
        killedAndRecovered("drain", "resume");
    }

    private void killedAndRecovered(String step, String way) throws Exception {
        String current = currentTag();
        String target = other(current);
        String oldId = canonical().id();
        List<String> out = new ArrayList<>();
        String[] recovered = new String[1];
        Traffic t = underTraffic(() -> {
            Process child = cli(Map.of(Workflows.PAUSE_ENV, step, "USER", "bluegreen-it"), "deploy", "backend", target, "--yes",
                    "--skip-backup", "--checklist-override", "kill test: no operator to confirm the manual items");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                    if (line.contains("paused after " + step)) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            Recovery.Unfinished u = new Recovery(ctx).find().orElseThrow(() -> new AssertionError("no unfinished deploy: " + out));
            assertEquals(step, u.lastStep(), out.toString());
            String newId = u.journal().data().get("newId");
            assertEquals(newId, u.journal().data().get(BlueGreenSteps.TARGET), "the journal names the container nginx points at");
            assertEquals(Optional.of(Upstreams.address(newId)), Upstreams.host(upstream()));
            Process rec = cli(Map.of("USER", "bluegreen-it"), "deploy", "--recover");
            rec.getOutputStream().write((way + "\nbreak\n").getBytes(StandardCharsets.UTF_8));
            rec.getOutputStream().close();
            recovered[0] = new String(rec.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(rec.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, rec.exitValue(), recovered[0]);
        });
        System.out.println("[bluegreen-it] killed after " + step + ", " + way + ": " + t + "\n" + recovered[0]);
        assertEquals(0, t.failed(), t.toString());
        String expected = "resume".equals(way) ? target : current;
        assertTrue(version().contains("\"" + expected + "\""), version());
        assertTrue(new Recovery(ctx).find().isEmpty(), "nothing left to recover");
        if ("rollback".equals(way)) {
            assertEquals(oldId, canonical().id());
            assertEquals(Optional.of(Upstreams.address(oldId)), Upstreams.host(upstream()));
        } else {
            assertEquals(Optional.of(Upstreams.address(canonical().id())), Upstreams.host(upstream()));
        }
        noStrayNewContainer();
    }
}
