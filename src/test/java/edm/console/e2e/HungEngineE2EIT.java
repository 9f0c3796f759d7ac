package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hung engine, for real: a private dockerd (never the shared one) with one container, SIGSTOPed.
 * `check` ends within the timeout plus a few seconds with the engine CRITICAL, the container UNKNOWN and
 * exit 2; the installed console in tmux marks its list stale, comes back by itself after SIGCONT, and
 * quits at once while the engine is stopped. The engine is always resumed (SIGCONT) in a finally.
 */
class HungEngineE2EIT {
    private static final int TIMEOUT_SECONDS = 3;
    private static final String CONTAINER = "edm-backend-prod";
    private static final String SOCKET = "edm-hung-" + ProcessHandle.current().pid();
    private static final Duration SCREEN_DEADLINE = Duration.ofSeconds(45);

    private static PrivateDockerd engine;
    private static Path work;
    private static Path config;

    @BeforeAll
    static void setUp() throws IOException {
        String missing = !TmuxSession.available() ? "tmux is not installed" : PrivateDockerd.unavailableReason();
        if (missing != null) {
            if ("1".equals(System.getenv("EDM_REQUIRE_DOCKER"))) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + missing);
            }
            Assumptions.abort(missing);
        }
        engine = PrivateDockerd.start();
        engine.runContainer(CONTAINER);
        work = Files.createTempDirectory("edm-hung-work");
        config = Files.writeString(work.resolve("hung.yml"), String.join("\n",
                "projectDir: " + work,
                "docker:",
                "  endpoint: " + engine.endpoint(),
                "  timeoutSeconds: " + TIMEOUT_SECONDS,
                "health:",
                "  urls: []",
                "services:",
                "  - name: backend",
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

    record Run(int code, String out, long millis) {
    }

    private static Run check(String lang) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.run(new String[] {"check", "--lang", lang, "--config", config.toString()});
            return new Run(code, out.toString(StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1_000_000);
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void checkEndsWithTheEngineCriticalAndTheContainerUnknown() throws IOException {
        Run before = check("en");
        assertTrue(before.out().contains(CONTAINER) && before.out().contains("running"), before.out());
        engine.freeze();
        try {
            Run en = check("en");
            // The bound: the timeout plus a few seconds, not as long as the engine hangs.
            assertTrue(en.millis() < (TIMEOUT_SECONDS + 5) * 1000L, "check took " + en.millis() + " ms\n" + en.out());
            assertEquals(2, en.code(), en.out());
            // The table fits 120 columns (no $COLUMNS in-process): a long row elsewhere (this machine's sshd
            // settings) can clip the detail after the timeout's figure.
            assertTrue(en.out().lines().anyMatch(l -> l.startsWith("CRITICAL") && l.contains("docker")
                    && l.contains("Docker engine not answering (" + TIMEOUT_SECONDS)), en.out());
            String row = en.out().lines().filter(l -> l.contains(CONTAINER)).findFirst().orElse("");
            assertTrue(row.startsWith("UNKNOWN") && row.contains("not answering"), en.out());
            assertFalse(row.contains("running"), "a state it could not read is not reported: " + row);

            Run zh = check("zh-CN");
            assertEquals(2, zh.code(), zh.out());
            assertTrue(zh.out().contains("Docker 引擎无响应（" + TIMEOUT_SECONDS), zh.out());
        } finally {
            engine.thaw();
        }
    }

    @Test
    void theConsoleMarksItsListStaleRecoversByItselfAndQuitsAtOnce() throws IOException {
        Installation installation = Installation.get();
        String console = "env HOME=" + work + " XDG_STATE_HOME=" + work.resolve("state") + " " + installation.launcher
                + " --lang en --config " + config;
        try (TmuxSession s = TmuxSession.start(SOCKET, "stale", 120, 36)) {
            s.typeLine(console);
            s.waitFor("the list with the engine answering", t -> t.contains(CONTAINER) && t.contains("(API 1."), SCREEN_DEADLINE);
            engine.freeze();
            try {
                // Within twice the timeout (plus the screen's own refresh): stale, with the age of the data.
                String stale = s.waitFor("the list marked stale", t -> t.contains("not answering for")
                        && t.contains("data from"), Duration.ofSeconds(2L * TIMEOUT_SECONDS + 2));
                assertTrue(stale.contains("NOT ANSWERING"), "status bar\n" + stale);
                assertTrue(stale.contains(CONTAINER), "the last known rows stay\n" + stale);
                engine.thaw();
                s.waitFor("the list answering again", t -> !t.contains("not answering") && t.contains("(API 1."),
                        SCREEN_DEADLINE);

                engine.freeze();
                s.waitFor("stale again", t -> t.contains("not answering for"), SCREEN_DEADLINE);
                s.keys("q");
                s.waitForShell(Duration.ofSeconds(5));
            } finally {
                engine.thaw();
            }
        }
    }
}
