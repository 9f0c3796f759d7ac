package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engines in one console, for real: the shared engine (main) and a private dockerd (never the shared one
 * stopped). The installed console in tmux shows both rows in the hosts view (H), Enter switches every panel to the
 * private engine (its container listed, the status bar naming it), and with the private engine SIGSTOPped its row
 * says NOT ANSWERING after the timeout while the screen stays live; switching back works. Always thawed in a finally.
 */
class HostsViewE2EIT {
    private static final int TIMEOUT_SECONDS = 3;
    private static final String CONTAINER = "edm-hostsview-it";
    private static final String SOCKET = "edm-hostsview-" + ProcessHandle.current().pid();
    private static final Duration SCREEN_DEADLINE = Duration.ofSeconds(45);

    private static PrivateDockerd engine;
    private static Path work;
    private static Path config;

    @BeforeAll
    static void setUp() throws IOException {
        String missing = !TmuxSession.available() ? "tmux is not installed"
                : !Files.exists(Path.of("/var/run/docker.sock")) ? "no shared engine at /var/run/docker.sock"
                : PrivateDockerd.unavailableReason();
        if (missing != null) {
            if ("1".equals(System.getenv("EDM_REQUIRE_DOCKER"))) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + missing);
            }
            Assumptions.abort(missing);
        }
        engine = PrivateDockerd.start();
        engine.runContainer(CONTAINER);
        work = Files.createTempDirectory("edm-hostsview-work");
        config = Files.writeString(work.resolve("hosts.yml"), String.join("\n",
                "projectDir: " + work,
                "docker:",
                "  name: shared",
                "  endpoint: unix:///var/run/docker.sock",
                "  timeoutSeconds: " + TIMEOUT_SECONDS,
                "engines:",
                "  - name: private",
                "    endpoint: " + engine.endpoint(),
                "health:",
                "  urls: []",
                ""));
    }

    @AfterAll
    static void tearDown() throws IOException {
        TmuxSession.killServer(SOCKET);
        if (engine != null) {
            engine.close();
        }
        if (work != null) {
            Command.run("rm", "-rf", work.toString());
        }
    }

    private static boolean row(String screen, String engine, String state) {
        return screen.lines().anyMatch(l -> l.contains(" " + engine + " ") && l.contains(state));
    }

    @Test
    void bothEnginesAreRowsEnterSwitchesAndAHungEngineIsARowThatSaysSo() throws IOException {
        Installation installation = Installation.get();
        String console = "env HOME=" + work + " XDG_STATE_HOME=" + work.resolve("state") + " " + installation.launcher
                + " --lang en --config " + config;
        try (TmuxSession s = TmuxSession.start(SOCKET, "hosts", 160, 40)) {
            s.typeLine(console);
            s.waitFor("the shared engine's panels", t -> t.contains("[shared] Docker unix:///var/run/docker.sock (API 1."),
                    SCREEN_DEADLINE);
            s.keys("H");
            String hosts = s.waitFor("both rows, reachable", t -> t.contains("Hosts (2 engines)")
                    && row(t, "shared", "reachable") && row(t, "private", "1 / 1"), SCREEN_DEADLINE);
            assertTrue(row(hosts, "private", "total"), "memory as the private engine reports it\n" + hosts);
            assertTrue(hosts.contains("* shared"), "the current engine marked\n" + hosts);

            s.keys("Down", "Enter");
            String switched = s.waitFor("the private engine's panels", t -> t.contains("[private] Docker " + engine.endpoint())
                    && t.contains(CONTAINER), SCREEN_DEADLINE);
            assertFalse(switched.contains("peer-1 "), "nothing of the shared engine's containers\n" + switched);

            engine.freeze();
            try {
                s.keys("H");
                String hung = s.waitFor("the private row not answering", t -> row(t, "private", "NOT ANSWERING")
                        && t.contains("not answering (" + TIMEOUT_SECONDS + " s)"), Duration.ofSeconds(4L * TIMEOUT_SECONDS + 5));
                assertTrue(row(hung, "shared", "reachable"), "the other engine's row is not held up\n" + hung);
                String clock = hung.lines().reduce((a, b) -> b).orElse("");
                s.waitFor("the screen stays live (the clock moves)", t -> !t.lines().reduce((a, b) -> b).orElse("").equals(clock),
                        Duration.ofSeconds(5));
                s.keys("Up", "Enter");
                s.waitFor("back on the shared engine while the private one hangs",
                        t -> t.contains("[shared] Docker unix:///var/run/docker.sock (API 1.") && !t.contains(CONTAINER),
                        SCREEN_DEADLINE);
            } finally {
                engine.thaw();
            }
            s.keys("q");
            s.waitForShell(Duration.ofSeconds(10));
        }
    }
}
