package edm.console.workflow;

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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kill -9 of the console in the middle of a deploy: the deploy runs in a child JVM through the CLI main,
 * stops dead after a named step (test hook), is killed, and the recovery must report the half-done deploy
 * and bring the service back healthy, by resuming (new version) or rolling back (old version).
 */
@RequiresSandbox
class DeployCrashIT {
    static SandboxFixture.RunningSandbox sandbox;
    static ContainerGateway gateway;
    static WorkflowContext ctx;
    static Path configFile;

    @BeforeAll
    static void setUp() {
        sandbox = SandboxFixture.up();
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(30));
        // The stop-and-replace path: the backend with services[].upstream: false (BlueGreenIT kills blue-green deploys).
        ConsoleConfig replacing = sandbox.config();
        replacing.service("backend").orElseThrow().upstream = false;
        configFile = sandbox.projectDir().resolve("replace-it.yml");
        try {
            Files.writeString(configFile, SandboxConfigFile.yaml(replacing));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx = Workflows.context(replacing, gateway, Map.of("USER", "crash-it"), List.of());
    }

    @AfterAll
    static void tearDown() {
        gateway.close();
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

    /** Runs the CLI with {@code input} piped to its stdin (like printf ... |); returns its output after asserting exit 0. */
    static String piped(String input, String... args) throws Exception {
        Process p = cli(Map.of("USER", "crash-it"), args);
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /** While the first deploy is alive (paused after a step): a second deploy and a recover are refused, naming it and its step. */
    static void secondOperatorIsToldToWait(String step, String firstTag, long firstPid) throws Exception {
        String stepName = edm.console.i18n.Messages.t("workflow.step." + step);
        for (String[] args : List.of(new String[] {"deploy", "backend", firstTag, "--yes", "--skip-backup", "--checklist-override", "it"},
                new String[] {"deploy", "--recover"}, new String[] {"restart", "redis", "--yes"})) {
            Process second = cli(Map.of("USER", "second-op"), args);
            second.getOutputStream().close();
            String text = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(5, second.exitValue(), "busy: " + String.join(" ", args) + "\n" + text);
            assertTrue(text.contains("Refused, wait for it: deploy backend " + firstTag + " is running, by crash-it on "), text);
            assertTrue(text.contains("(pid " + firstPid + ")"), text);
            assertTrue(text.contains("just finished step '" + stepName + "'"), text);
            assertTrue(text.contains("Try again when it has finished"), text);
            assertFalse(text.contains("--recover"), "a live deploy is not to be recovered:\n" + text);
            assertFalse(text.contains("Type "), "refused before any prompt:\n" + text);
        }
    }

    @ParameterizedTest(name = "killed after {0}, then {1}")
    @CsvSource({"stop-old, rollback", "stop-old, resume", "start-new, rollback", "start-new, resume", "create, resume"})
    void killedMidDeployIsRecovered(String step, String way) throws Exception {
        String current = DeployIT.awaitVersion(null).contains("\"v1.0\"") ? "v1.0" : "v1.1";
        String target = current.equals("v1.0") ? "v1.1" : "v1.0";
        Process child = cli(Map.of(Workflows.PAUSE_ENV, step, "USER", "crash-it"), "deploy", "backend", target, "--yes", "--skip-backup",
                "--checklist-override", "crash test: no operator to confirm the manual items");
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
                if (line.contains("paused after " + step)) {
                    break;
                }
            }
        }
        long pausedPid = child.pid();
        assertTrue(out.stream().anyMatch(l -> l.contains("paused after " + step)), String.join("\n", out));
        if ("stop-old".equals(step) && "resume".equals(way) || "start-new".equals(step) && "rollback".equals(way)) {
            secondOperatorIsToldToWait(step, target, pausedPid);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        Recovery recovery = new Recovery(ctx);
        Recovery.Unfinished u = recovery.find().orElseThrow(() -> new AssertionError("no unfinished deploy found"));
        assertEquals(step, u.lastStep());
        assertEquals("end", u.lastPhase());
        assertTrue(u.oldContainer().isPresent());
        assertEquals("create".equals(step), u.oldContainer().get().running(), "the old container stops only at stop-old");
        assertTrue(u.newContainer().isPresent(), "the new container exists");

        if ("resume".equals(way) && "stop-old".equals(step)) {
            // Through the CLI like an operator: the dead process's lock is broken by typing "break".
            Process rec = cli(Map.of("USER", "crash-it"), "deploy", "--recover", "--resume", "--yes");
            rec.getOutputStream().write("break\n".getBytes(StandardCharsets.UTF_8));
            rec.getOutputStream().close();
            String text = new String(rec.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(rec.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, rec.exitValue(), text);
            assertTrue(text.contains("stop-old"), "the recovery shows where the deploy stopped:\n" + text);
        } else if ("start-new".equals(step)) {
            // printf 'resume\nbreak\n' | edm-console deploy --recover: both answers come from one pipe, one reader.
            String text = piped(way + "\nbreak\n", "deploy", "--recover");
            assertTrue(text.contains("start-new"), "the recovery shows where the deploy stopped:\n" + text);
            if ("resume".equals(way)) {
                assertTrue(text.contains("deploy of backend " + target + " done; the service is healthy"), text);
            } else {
                assertTrue(text.contains("backend: rolled back to edm-backend:" + current + ", healthy"), text);
                assertFalse(text.contains("failed"), text);
            }
        } else {
            WorkflowLock.Holder dead = WorkflowLock.read(ctx.lockFile()).orElseThrow();
            assertTrue(dead.stale());
            assertTrue(WorkflowLock.breakStale(ctx.lockFile(), dead));
            DeployRun.Outcome o = "resume".equals(way) ? recovery.resume(WorkflowProgress.NONE) : recovery.rollBack(WorkflowProgress.NONE);
            assertEquals("resume".equals(way), o.ok(), o.message() + " " + o.output());
        }
        String expected = "resume".equals(way) ? target : current;
        String body = DeployIT.awaitVersion(expected);
        assertTrue(body.startsWith("200") && body.contains("\"" + expected + "\""), body);
        assertTrue(recovery.find().isEmpty(), "nothing left to recover");
        assertFalse(gateway.listContainers().stream().anyMatch(c -> c.name().startsWith(
                SandboxSpec.require("backend").containerName() + "-new-")), "no stray new container");
    }
}
