package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * `docker context use e2e-local` as the docker CLI stores it, the context pointing at this engine's socket:
     * the console finds the engine there and the status bar names the context; a context that does not exist
     * is one line that says what to do.
     */
    @Test
    void aDockerContextChoosesTheEngineAndTheStatusBarNamesIt() throws Exception {
        Path home = work.resolve("context-home");
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("e2e-local".getBytes(StandardCharsets.UTF_8)));
        Path meta = Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"e2e-local\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"unix:///var/run/docker.sock\",\"SkipTLSVerify\":false}}}");
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"e2e-local\"}");
        String env = "env -u DOCKER_HOST HOME=" + home + " XDG_STATE_HOME=" + work.resolve("state") + " ";
        try (TmuxSession s = TmuxSession.start(SOCKET, "context", 140, 40)) {
            s.typeLine(env + installation.launcher + " --config " + config + " --lang en");
            String screen = s.waitFor("the engine found through the context",
                    t -> t.contains("(API 1.") && t.contains("Containers ("), SCREEN_DEADLINE);
            assertTrue(screen.contains("Docker context e2e-local: unix:///var/run/docker.sock (API 1."), screen);
            quitAndCheckTerminal(s);
        }
        Map<String, String> gone = new HashMap<>(Map.of("HOME", home.toString(), "DOCKER_CONTEXT", "gone"));
        Command status = Command.run(work, gone, 60, "env", "-u", "DOCKER_HOST", installation.launcher.toString(), "status", "--config", config.toString(),
                "--lang", "en");
        assertEquals(3, status.exitCode(), status.output());
        assertEquals(List.of("edm-console: docker context \"gone\" (from DOCKER_CONTEXT) does not exist in " + home.resolve(".docker/contexts")
                + ": see `docker context ls`, or unset DOCKER_CONTEXT"), status.output().lines().toList());
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
            assertFalse(Files.exists(launcher, LinkOption.NOFOLLOW_LINKS));
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
    void installRecordsTheJdkAndMakesTheArchiveItSupports() throws IOException {
        Path prefix = work.resolve("archive-" + ProcessHandle.current().pid());
        try {
            installation.install("--no-build", "--archive", "--prefix", prefix.toString());
            Path home = prefix.resolve("lib").resolve("edm-console");
            Map<String, String> conf = launcherConf(home);
            Path java = Path.of(conf.get("java"));
            assertTrue(Files.isExecutable(java), "launcher.conf names no runnable java: " + conf);
            String kind = conf.get("archive");
            boolean aot = javaMajor(java) >= 25;
            assertEquals(aot ? "aot" : "cds", kind, "the archive kind for " + java + ": " + conf);
            Path archive = home.resolve(aot ? "edm-console.aot" : "edm-console.jsa");
            assertTrue(Files.isRegularFile(archive), "install.sh made no start-up archive at " + archive);
            // -Xshare:on and -XX:AOTMode=on make the JVM refuse to start when the archive cannot be used.
            Command c = Command.run(null, Map.of("EDM_CONSOLE_JAVA_OPTS", aot ? "-XX:AOTMode=on" : "-Xshare:on"), 120,
                    prefix.resolve("bin").resolve("edm-console").toString(), "--version");
            assertEquals(0, c.exitCode(), c.output());
            assertTrue(c.output().startsWith("edm-console "), c.output());
        } finally {
            installation.runInstaller("--uninstall", "--prefix", prefix.toString());
        }
        assertFalse(Files.exists(prefix), "uninstall removes the archive with everything else");
    }

    @Test
    void javaHomeAtInstallTimeIsTheJdkTheConsoleRunsOn() throws IOException {
        Path prefix = work.resolve("javahome-" + ProcessHandle.current().pid());
        Path ownJdk = Path.of(ProcessHandle.current().info().command().orElseThrow()).toRealPath().getParent().getParent();
        try {
            installation.runInstaller(Map.of("JAVA_HOME", ownJdk.toString()), "--no-build", "--no-archive", "--prefix",
                    prefix.toString()).orThrow("install.sh with JAVA_HOME=" + ownJdk);
            Path home = prefix.resolve("lib").resolve("edm-console");
            Map<String, String> conf = launcherConf(home);
            assertEquals(ownJdk.resolve("bin").resolve("java").toString(), conf.get("java"), conf.toString());
            assertEquals("none", conf.get("archive"), "--no-archive: " + conf);
            assertFalse(Files.exists(home.resolve("edm-console.aot")) || Files.exists(home.resolve("edm-console.jsa")));
            Command v = Command.run(prefix.resolve("bin").resolve("edm-console").toString(), "--version");
            assertEquals(0, v.exitCode(), v.output());
            assertTrue(v.output().contains("(Java " + Runtime.version()), v.output());
        } finally {
            installation.runInstaller("--uninstall", "--prefix", prefix.toString());
        }
    }

    @Test
    void aStaleOrDamagedArchiveOrAVanishedJdkNeverPrintsAndNeverStopsTheConsole() throws IOException {
        Path prefix = work.resolve("stale-" + ProcessHandle.current().pid());
        try {
            installation.install("--no-build", "--prefix", prefix.toString());
            Path home = prefix.resolve("lib").resolve("edm-console");
            Path conf = home.resolve("launcher.conf");
            String original = Files.readString(conf);
            String launcher = prefix.resolve("bin").resolve("edm-console").toString();
            String java = launcherConf(home).get("java");

            // The JDK upgraded in place: same path, another build.
            Files.writeString(conf, original.replaceAll("(?m)^java_build=.*$", "java_build=0.0.0+0"));
            assertCleanVersion(Command.run(launcher, "--version"), "after an in-place JDK upgrade");

            // The recorded JDK has gone: java from the PATH (the test's own JVM lives there or in JAVA_HOME).
            Files.writeString(conf, original.replace("java=" + java, "java=" + work.resolve("gone-jdk/bin/java")));
            String ownJava = ProcessHandle.current().info().command().orElseThrow();
            Command gone = Command.run(null, Map.of("JAVA_HOME", Path.of(ownJava).getParent().getParent().toString()), 120,
                    launcher, "--version");
            assertCleanVersion(gone, "with the recorded JDK gone");

            // The archive itself damaged (a bad header, then cut short).
            Files.writeString(conf, original);
            for (String name : List.of("edm-console.aot", "edm-console.jsa")) {
                Path archive = home.resolve(name);
                if (Files.exists(archive)) {
                    byte[] bytes = Files.readAllBytes(archive);
                    Arrays.fill(bytes, 0, 64, (byte) 0x5a);
                    Files.write(archive, bytes);
                    assertCleanVersion(Command.run(launcher, "--version"), "with a damaged " + name);
                    Files.write(archive, Arrays.copyOf(bytes, bytes.length / 3));
                    assertCleanVersion(Command.run(launcher, "--version"), "with a truncated " + name);
                }
            }
        } finally {
            installation.runInstaller("--uninstall", "--prefix", prefix.toString());
        }
    }

    /**
     * -XX:TrimNativeHeapInterval came with JDK 21 and 17.0.9: a JVM that does not know an -XX option refuses to
     * start, so the launcher passes it by the recorded JDK's version (read from its release file). A stand-in
     * "java" prints the options it was given.
     */
    @Test
    void theNativeHeapTrimGoesOnlyToAJdkThatKnowsIt() throws IOException {
        Path prefix = work.resolve("trim-" + ProcessHandle.current().pid());
        try {
            installation.install("--no-build", "--no-archive", "--prefix", prefix.toString());
            Path conf = prefix.resolve("lib").resolve("edm-console").resolve("launcher.conf");
            String launcher = prefix.resolve("bin").resolve("edm-console").toString();
            Map<String, Boolean> trimmed = new LinkedHashMap<>();
            for (String version : List.of("17", "17.0.8", "17.0.9", "17.0.15", "21.0.2", "25.0.3")) {
                Path jdk = Files.createDirectories(work.resolve("fake-jdk-" + version).resolve("bin")).getParent();
                Path java = jdk.resolve("bin").resolve("java");
                Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
                java.toFile().setExecutable(true);
                Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nJAVA_RUNTIME_VERSION=\"" + version
                        + "+1\"\n");
                Files.writeString(conf, "java=" + java + "\njava_build=" + version + "+1\narchive=none\n");
                Command c = Command.run(launcher, "--version");
                assertEquals(0, c.exitCode(), c.output());
                trimmed.put(version, c.output().lines().anyMatch(l -> l.equals("-XX:TrimNativeHeapInterval=10000")));
            }
            assertEquals(Map.of("17", false, "17.0.8", false, "17.0.9", true, "17.0.15", true, "21.0.2", true, "25.0.3", true),
                    trimmed);
        } finally {
            installation.runInstaller("--uninstall", "--prefix", prefix.toString());
        }
    }

    /** Exit 0 and exactly the version line: no JVM warning about an archive before or after it. */
    private static void assertCleanVersion(Command c, String when) {
        assertEquals(0, c.exitCode(), when + ":\n" + c.output());
        assertTrue(c.output().strip().matches("edm-console \\S+ \\(Java [^)]+\\)"), when + ":\n" + c.output());
    }

    private static Map<String, String> launcherConf(Path home) throws IOException {
        Map<String, String> conf = new HashMap<>();
        for (String line : Files.readAllLines(home.resolve("launcher.conf"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                conf.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return conf;
    }

    /** The JDK's major version from its release file (JAVA_VERSION="25.0.3"). */
    private static int javaMajor(Path java) throws IOException {
        for (String line : Files.readAllLines(java.getParent().getParent().resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                return Integer.parseInt(line.replaceAll("^JAVA_VERSION=\"?(\\d+).*", "$1"));
            }
        }
        throw new AssertionError("no JAVA_VERSION in the release file of " + java);
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
