package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.sandbox.SandboxConfigFile;
import edm.console.sandbox.SandboxSpec;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import edm.console.workflow.Journal;
import edm.console.workflow.Operator;
import edm.console.workflow.Recovery;
import edm.console.workflow.WorkflowLock;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.UnattendedResults;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.Workflows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSH drop of issue 12: the installed console in tmux deploys the backend from the TUI, and 2 s
 * in its terminal goes away. SIGHUP or tmux kill-session: the console finishes (or rolls back) the deploy
 * without a terminal, closes the journal, writes the audit, frees the lock and exits; the next console shows
 * what happened in a banner. kill -9: the next console shows the cut deploy with the step it stopped at,
 * and U (resume) or X (roll back) there brings the backend back healthy with the lock free.
 */
@RequiresSandbox
class TerminalDropE2EIT {
    private static final Duration SCREEN = Duration.ofSeconds(60);
    /** The deploy (backup, stop, start, health gate, verification) or its rollback ends well within this. */
    private static final Duration WORKFLOW = Duration.ofSeconds(180);
    private static final String SOCKET = "edm-e2e-drop-" + ProcessHandle.current().pid();
    private static final String HEALTH = "http://127.0.0.1:" + SandboxSpec.BACKEND_PORT + "/api/health";

    private static Installation installation;
    private static SandboxFixture.RunningSandbox sandbox;
    private static ContainerGateway gateway;
    private static WorkflowContext ctx;
    private static Path configFile;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        if (!TmuxSession.available()) {
            if ("1".equals(System.getenv(DockerEngine.REQUIRE_ENV))) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but tmux is not installed");
            }
            Assumptions.abort("tmux is not installed (apt-get install -y tmux)");
        }
        sandbox = SandboxFixture.up();
        installation = Installation.get();
        work = Files.createDirectories(installation.projectRoot.resolve("target").resolve("e2e-drop"));
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30));
        // The stop-and-replace path (services[].upstream: false), as in DeployCrashIT: this is about a console cut
        // mid-deploy, and the backend's own port below answers only on that path (a blue-green backend publishes none).
        ConsoleConfig replacing = sandbox.config();
        replacing.service("backend").orElseThrow().upstream = false;
        configFile = sandbox.projectDir().resolve("drop-it.yml");
        Files.writeString(configFile, SandboxConfigFile.yaml(replacing));
        ctx = Workflows.context(replacing, gateway, Map.of("USER", "drop-it"), List.of());
        leaveNoCutDeploy();
    }

    /**
     * A cut deploy left by an earlier, failed run (the sandbox may have been rebuilt since, so its
     * containers are gone) would rightly make D refuse: roll it back, or file its journal when nothing is left.
     */
    private static void leaveNoCutDeploy() {
        java.util.Optional<Journal.Contents> j = Journal.unfinished(ctx.stateDir());
        if (j.isEmpty()) {
            return;
        }
        WorkflowLock.read(ctx.lockFile()).filter(WorkflowLock.Holder::stale).ifPresent(h -> WorkflowLock.breakStale(ctx.lockFile(), h));
        try {
            new Recovery(ctx).rollBack(WorkflowProgress.NONE);
        } catch (RuntimeException e) {
            // nothing to roll back to
        }
        if (Journal.unfinished(ctx.stateDir()).isPresent()) {
            Journal.reopen(ctx.stateDir(), Operator.current(System.getenv()), j.get().workflow()).finish();
        }
    }

    @AfterAll
    static void tearDown() {
        TmuxSession.killServer(SOCKET);
        if (gateway != null) {
            gateway.close();
        }
    }

    /** A satisfied pre-deploy checklist run of just now: the TUI's D is gated on one (as after walking it with C). */
    private static void preDeployChecklistWalked() throws IOException {
        Path dir = Files.createDirectories(sandbox.projectDir().resolve("logs/system/checklists"));
        Files.writeString(dir.resolve("99999999-e2e-drop-pre-deploy.json"), "{\"checklist\":\"pre-deploy\",\"requiredFailures\":[],"
                + "\"started\":\"" + Instant.now() + "\"}");
    }

    private static TmuxSession console(String name) {
        TmuxSession s = TmuxSession.start(SOCKET, name, 160, 45);
        // exec: the pane's process is the console's JVM, as when an operator's SSH session runs it.
        s.typeLine("exec env USER=drop-it HOME=" + work + " XDG_STATE_HOME=" + work.resolve("state") + " " + installation.launcher
                + " --lang en --config " + configFile);
        s.waitFor("the backend on the dashboard", t -> t.contains(SandboxSpec.require("backend").containerName()), SCREEN);
        return s;
    }

    /** D on the backend, the tag typed in the picker, Enter, y at the plan; returns once the deploy runs. */
    private static void deployFromTheTui(TmuxSession s, String tag) {
        s.keys("Down", "Down", "D");
        s.waitFor("the tag picker", t -> t.contains("Tag:") && t.contains("newest image first"), SCREEN);
        s.typeLine(tag);
        s.waitFor("the plan", t -> t.contains("y runs this deploy"), SCREEN);
        s.keys("y");
        s.waitFor("the deploy running", t -> t.contains("▶"), SCREEN);
    }

    private static String current() {
        return body().contains("\"v1.0\"") ? "v1.0" : "v1.1";
    }

    private static String body() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(HEALTH))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException | InterruptedException e) {
            return "down: " + e;
        }
    }

    private static String awaitHealthy(String version) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String b = body();
        while (!(b.startsWith("200") && (version == null || b.contains("\"" + version + "\""))) && System.nanoTime() < end) {
            Thread.sleep(300);
            b = body();
        }
        return b;
    }

    private static void awaitExit(long pid) throws Exception {
        ProcessHandle.of(pid).ifPresent(p -> {
            try {
                p.onExit().get(WORKFLOW.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the console (pid " + pid + ") did not end within " + WORKFLOW.toSeconds() + " s", e);
            }
        });
    }

    private static void assertNothingHalfDone(String before) throws Exception {
        String b = awaitHealthy(null);
        assertTrue(b.startsWith("200"), "the backend answers: " + b);
        assertTrue(b.contains("\"v1.0\"") || b.contains("\"v1.1\""), b);
        assertFalse(Files.exists(ctx.lockFile()), "the lock is free: " + (Files.exists(ctx.lockFile()) ? Files.readString(ctx.lockFile()) : ""));
        assertTrue(Journal.unfinished(ctx.stateDir()).isEmpty(), "the journal is closed");
        assertFalse(gateway.listContainers().stream().anyMatch(c -> c.name().startsWith(
                SandboxSpec.require("backend").containerName() + "-new-")), "no half-made new container");
        String audit = Files.readString(sandbox.projectDir().resolve("logs/system/audit.log"));
        assertTrue(audit.length() > before.length(), "an audit line was written");
        String added = audit.substring(before.length());
        assertTrue(added.contains("\"action\":\"deploy\"") && added.contains("\"user\":\"drop-it\""), added);
    }

    private static String audit() throws IOException {
        Path f = sandbox.projectDir().resolve("logs/system/audit.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGHUP", "tmux kill-session"})
    void terminalGoneMidDeployFinishesItAndTheNextConsoleSaysSo(String how) throws Exception {
        preDeployChecklistWalked();
        new UnattendedResults(ctx.stateDir()).clear();
        String before = audit();
        String target = current().equals("v1.0") ? "v1.1" : "v1.0";
        TmuxSession s = console("drop-" + (how.startsWith("tmux") ? "kill" : "hup"));
        long pid = s.panePid();
        deployFromTheTui(s, target);
        Thread.sleep(2000);
        if (how.equals("SIGHUP")) {
            assertEquals(0, Command.run("kill", "-HUP", String.valueOf(pid)).exitCode());
            Thread.sleep(300);
            Command.run("kill", "-HUP", String.valueOf(pid)); // a second one changes nothing
        } else {
            s.close();
        }
        awaitExit(pid);
        assertNothingHalfDone(before);
        List<edm.console.core.UnattendedResult> results = new UnattendedResults(ctx.stateDir()).read();
        assertEquals(1, results.size(), results.toString());
        assertEquals("drop-it", results.get(0).user());
        s.close();

        TmuxSession next = console("drop-next");
        String screen = next.waitFor("the banner", t -> t.contains("While the terminal was away"), SCREEN);
        assertTrue(screen.replaceAll("\\s+", " ").contains("started by drop-it"), screen);
        next.keys("O");
        next.waitFor("the banner dismissed", t -> !t.contains("While the terminal was away"), SCREEN);
        long nextPid = next.panePid();
        next.keys("q");
        awaitExit(nextPid);
        assertTrue(new UnattendedResults(ctx.stateDir()).read().isEmpty(), "dismissed for good");
        next.close();
    }

    @ParameterizedTest(name = "kill -9, then {0}")
    @ValueSource(strings = {"U", "X"})
    void cutDeployIsShownAndRecoveredFromTheBanner(String key) throws Exception {
        try {
            cutAndRecover(key);
        } finally {
            // A failed run must not leave the next test a cut deploy (its D would be refused, rightly).
            leaveNoCutDeploy();
        }
    }

    private void cutAndRecover(String key) throws Exception {
        preDeployChecklistWalked();
        String current = current();
        String target = current.equals("v1.0") ? "v1.1" : "v1.0";
        TmuxSession s = console("cut-" + key);
        long pid = s.panePid();
        deployFromTheTui(s, target);
        // Its first step journaled (on a busy machine the pre-flight alone can take seconds), then 2 s on.
        long journaled = System.nanoTime() + SCREEN.toNanos();
        while (Journal.unfinished(ctx.stateDir()).isEmpty() && System.nanoTime() < journaled) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        assertEquals(0, Command.run("kill", "-9", String.valueOf(pid)).exitCode());
        awaitExit(pid);
        s.close();
        assertTrue(Journal.unfinished(ctx.stateDir()).isPresent(), "kill -9 leaves the deploy unfinished");

        TmuxSession next = console("cut-next-" + key);
        String screen = next.waitFor("the cut-workflow banner", t -> t.contains("Unfinished deploy-backend-"), SCREEN);
        String flat = screen.replaceAll("\\s+", " "); // the banner wraps where the terminal's width says
        assertTrue(flat.contains("stopped at step"), screen);
        assertTrue(flat.contains("(drop-it@") && flat.contains("pid " + pid + ")"), "names the dead console:\n" + screen);
        assertTrue(flat.contains("[U] resume") && flat.contains("[X] roll"), screen);
        next.keys(key);
        next.waitFor("the confirmation", t -> t.contains(key.equals("U") ? "Resume the deploy-backend-" : "Roll back the deploy-backend-"),
                SCREEN);
        next.keys("y");
        long end = System.nanoTime() + WORKFLOW.toNanos();
        while (Journal.unfinished(ctx.stateDir()).isPresent() && System.nanoTime() < end) {
            Thread.sleep(500);
        }
        String expected = key.equals("U") ? target : current;
        String b = awaitHealthy(expected);
        assertTrue(b.startsWith("200") && b.contains("\"" + expected + "\""), b);
        next.waitFor("the banner gone", t -> !t.contains("Unfinished deploy-backend-"), SCREEN);
        assertFalse(Files.exists(ctx.lockFile()), "the lock is free");
        assertTrue(Journal.unfinished(ctx.stateDir()).isEmpty());
        long nextPid = next.panePid();
        next.keys("q");
        awaitExit(nextPid);
        next.close();
    }
}
