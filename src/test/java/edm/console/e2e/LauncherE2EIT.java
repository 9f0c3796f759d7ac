package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The installed console as an operator meets it: install.sh puts it under target/e2e-prefix, and
 * the launcher runs in a detached tmux session of a fixed size against the real Docker engine.
 * Skipped (with the reason) without tmux or an engine, unless EDM_REQUIRE_DOCKER=1.
 */
class LauncherE2EIT {
    private static final Duration SCREEN_DEADLINE = Duration.ofSeconds(45);
    private static final String SOCKET = "edm-e2e-" + ProcessHandle.current().pid();
    private static final String PROBE = "edm-e2e-probe-" + ProcessHandle.current().pid();
    /** The hint bar's words for the actions --read-only must hide. */
    private static final Pattern DANGEROUS_HINTS = Pattern.compile("\\b(start|stop|restart)\\b");

    private static Installation installation;
    private static DockerFixture docker;
    private static Path work;
    private static Path config;

    @BeforeAll
    static void setUp() throws IOException {
        boolean required = "1".equals(System.getenv("EDM_REQUIRE_DOCKER"));
        String missing = !TmuxSession.available() ? "tmux is not installed (apt-get install -y tmux)"
                : DockerFixture.unavailableReason();
        if (missing != null) {
            if (required) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + missing);
            }
            Assumptions.abort(missing);
        }
        installation = Installation.get();
        work = Files.createDirectories(installation.projectRoot.resolve("target").resolve("e2e-work"));
        docker = new DockerFixture();
        if (!docker.prepareImage(work)) {
            if (required) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + docker.imageProblem);
            }
            Assumptions.abort(docker.imageProblem);
        }
        Command.run("docker", "rm", "-f", PROBE);
        config = installation.writeConfig(work, PROBE);
    }

    @AfterAll
    static void tearDown() {
        if (docker != null) {
            docker.removeAll();
        }
        TmuxSession.killServer(SOCKET);
    }

    private static String consoleCommand(String... extra) {
        // A private HOME and state dir: the operator's own config and log stay out of the test.
        return "env HOME=" + work + " XDG_STATE_HOME=" + work.resolve("state") + " " + installation.launcher
                + " --lang en --config " + config + (extra.length == 0 ? "" : " " + String.join(" ", extra));
    }

    @Test
    void dashboardShowsPanelsEngineAndAContainerStartedAfterLaunch() {
        try (TmuxSession s = TmuxSession.start(SOCKET, "dashboard", 120, 40)) {
            s.typeLine(consoleCommand());
            String screen = s.waitFor("the dashboard with the engine connected",
                    t -> t.contains("Containers (") && t.contains("─ Resources") && t.contains("(API 1."), SCREEN_DEADLINE);
            assertTrue(screen.contains("Docker unix://"), screen);
            assertFalse(screen.contains(PROBE), "the probe container must not exist yet:\n" + screen);

            docker.runContainer(PROBE);
            screen = s.waitFor("the container started after launch", t -> rowOf(t, PROBE).contains("running"), SCREEN_DEADLINE);
            assertTrue(rowOf(screen, PROBE).contains("running"), screen);

            s.keys("?");
            screen = s.waitFor("the help screen", t -> t.contains("─ Keys"), SCREEN_DEADLINE);
            assertTrue(screen.contains("Everywhere") && screen.contains("quit"), screen);
            s.keys("Escape");
            s.waitFor("the dashboard again", t -> t.contains("Containers (") && !t.contains("─ Keys"), SCREEN_DEADLINE);
            quitAndCheckTerminal(s);
        } finally {
            docker.removeAll();
        }
    }

    @Test
    void smallTerminalShowsOnePanelAtATimeAndReadOnlyHidesActions() {
        try (TmuxSession s = TmuxSession.start(SOCKET, "readonly", 80, 24)) {
            s.typeLine(consoleCommand("--read-only"));
            String screen = s.waitFor("the dashboard in read-only mode",
                    t -> t.contains("Containers (") && t.contains("READ-ONLY") && t.contains("(API 1."), SCREEN_DEADLINE);
            String hints = hintBar(screen);
            assertTrue(hints.contains("quit") && hints.contains("help"), "hint bar: " + hints);
            assertFalse(DANGEROUS_HINTS.matcher(hints).find(), "read-only hint bar offers an action: " + hints);

            s.keys("2");
            screen = s.waitFor("the resources panel", t -> t.contains("─ Resources"), SCREEN_DEADLINE);
            assertFalse(screen.contains("Containers ("), "80x24 shows one panel at a time:\n" + screen);
            quitAndCheckTerminal(s);
        }
    }

    @Test
    void launcherWorksThroughSymlinksAndPassesTheExitCodeOn() throws IOException {
        Path link = work.resolve("links").resolve("edm");
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, installation.launcher);

        Command version = Command.run(link.toString(), "--version");
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("edm-console "), version.output());
        Command bad = Command.run(link.toString(), "--no-such-option");
        assertEquals(2, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("--no-such-option"), bad.output());
    }

    @Test
    void reinstallingReplacesAndUninstallRemovesExactlyWhatWasInstalled() throws IOException {
        Path prefix = work.resolve("prefix-" + ProcessHandle.current().pid()).resolve("deeper");
        Path kept = prefix.resolve("bin").resolve("someone-elses-tool");
        try {
            installation.install("--no-build", "--prefix", prefix.toString());
            Files.writeString(kept, "#!/bin/sh\n");
            installation.install("--no-build", "--prefix", prefix.toString());
            Path launcher = prefix.resolve("bin").resolve("edm-console");
            assertTrue(Files.isSymbolicLink(launcher));
            Command v = Command.run(launcher.toString(), "--version");
            assertEquals(0, v.exitCode(), v.output());
            try (var leftovers = Files.list(prefix.resolve("lib"))) {
                assertEquals(List.of("edm-console"), leftovers.map(p -> p.getFileName().toString()).toList(),
                        "a re-install leaves no staging directories");
            }

            installation.install("--uninstall", "--prefix", prefix.toString());
            assertFalse(Files.exists(launcher, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertFalse(Files.exists(prefix.resolve("lib")), "lib/ was created by the install, so it goes");
            assertTrue(Files.exists(kept), "a file the install did not make must stay");


            Path fresh = work.resolve("fresh-" + ProcessHandle.current().pid());
            Path freshPrefix = fresh.resolve("a").resolve("b");
            installation.install("--no-build", "--prefix", freshPrefix.toString());
            installation.install("--uninstall", "--prefix", freshPrefix.toString());
            assertFalse(Files.exists(fresh), "every directory the install created goes, up to " + fresh);
        } finally {
            Files.deleteIfExists(kept);
            installation.runInstaller("--uninstall", "--prefix", prefix.toString());
        }
    }

    @Test
    void cdsOptionMakesAnArchiveTheLauncherCanUse() {
        Path prefix = work.resolve("cds-" + ProcessHandle.current().pid());
        try {
            installation.install("--no-build", "--cds", "--prefix", prefix.toString());
            Path archive = prefix.resolve("lib").resolve("edm-console").resolve("edm-console.jsa");
            assertTrue(Files.isRegularFile(archive), "install.sh --cds made no class-data archive at " + archive);
            // -Xshare:on makes the JVM refuse to start when the archive cannot be used.
            Command c = Command.run(null, java.util.Map.of("EDM_CONSOLE_JAVA_OPTS", "-Xshare:on"), 120,
                    prefix.resolve("bin").resolve("edm-console").toString(), "--version");
            assertEquals(0, c.exitCode(), c.output());
        } finally {
            installation.runInstaller("--uninstall", "--prefix", prefix.toString());
        }
        assertFalse(Files.exists(prefix), "uninstall removes the archive with everything else");
    }

    /** After q: the shell is back, the console exited 0, and the tty is in canonical mode with echo. */
    private static void quitAndCheckTerminal(TmuxSession s) {
        s.keys("q");
        s.waitForShell(SCREEN_DEADLINE);
        s.typeLine("echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | paste -sd, -");
        String screen = s.waitFor("the exit code and the tty modes", t -> t.contains("exit=") && t.contains("icanon,"),
                SCREEN_DEADLINE);
        assertTrue(screen.contains("exit=0"), screen);
        assertTrue(screen.contains("\nicanon,echo"), "the terminal is not restored:\n" + screen);
    }

    /** The screen row holding this text, or "" when none does. */
    private static String rowOf(String screen, String text) {
        return screen.lines().filter(l -> l.contains(text)).findFirst().orElse("");
    }

    /** The hint bar: the second-to-last non-empty row. */
    private static String hintBar(String screen) {
        List<String> rows = screen.lines().toList();
        int last = rows.size() - 1;
        while (last > 0 && rows.get(last).isBlank()) {
            last--;
        }
        return last > 0 ? rows.get(last - 1) : "";
    }
}
