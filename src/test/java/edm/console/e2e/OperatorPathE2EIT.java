package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.checklist.ChecklistLoader;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's path on the sandbox, with the installed launcher in tmux: open the console, back up the
 * database and the files from the Backups panel (each verified right after it is written), walk the
 * pre-deploy checklist, quit; then {@code edm-console --sandbox check} (option first) finds everything well.
 */
@RequiresSandbox
class OperatorPathE2EIT {
    private static final Duration SCREEN_DEADLINE = Duration.ofSeconds(60);
    private static final Duration BACKUP_DEADLINE = Duration.ofMinutes(3);
    private static final String SOCKET = "edm-e2e-path-" + ProcessHandle.current().pid();
    /** The Backups panel's line for a verified backup: "verified just now: 812 entries, ..." or "verified 3m ago: ...". */
    private static final Pattern VERIFIED = Pattern.compile("verified (just now|\\S+ ago): \\d+ entries");
    /** Probes about this machine rather than the stack: a busy test machine may fail them, which says nothing of the path. */
    private static final Set<String> HOST_KINDS = Set.of("load", "memory", "swap", "disk");

    private static Installation installation;
    private static SandboxFixture.RunningSandbox sandbox;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        if (!TmuxSession.available()) {
            if ("1".equals(System.getenv("EDM_REQUIRE_DOCKER"))) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but tmux is not installed");
            }
            Assumptions.abort("tmux is not installed (apt-get install -y tmux)");
        }
        sandbox = SandboxFixture.up();
        installation = Installation.get();
        work = Files.createDirectories(installation.projectRoot.resolve("target").resolve("e2e-path"));
    }

    @AfterAll
    static void tearDown() {
        TmuxSession.killServer(SOCKET);
    }

    /** The launcher as an operator types it, with a private HOME and state dir, on this test's sandbox. */
    private static String launcher(String args) {
        return "env HOME=" + work + " XDG_STATE_HOME=" + work.resolve("state") + " EDM_SANDBOX_DIR=" + sandbox.projectDir()
                + " " + installation.launcher + " " + args;
    }

    @Test
    void backUpFromThePanelWalkThePreDeployChecklistQuitThenCheckIsWell() throws IOException {
        List<String> names = new ArrayList<>(ChecklistLoader.load(null).checklists().keySet());
        int preDeploy = names.indexOf("pre-deploy");
        try (TmuxSession s = TmuxSession.start(SOCKET, "path", 160, 50)) {
            s.typeLine(launcher("--sandbox --lang en"));
            s.waitFor("the dashboard on the sandbox", t -> t.contains("Containers (") && t.contains("edm-backend-sandbox"), SCREEN_DEADLINE);

            s.keys("6");
            s.waitFor("the Backups panel", t -> t.contains("─ Backups"), SCREEN_DEADLINE);
            s.keys("b");
            s.waitFor("the confirmation", t -> t.contains("database") && t.contains("y"), SCREEN_DEADLINE);
            s.keys("y");
            // The result line of this action (the panel may list older backups of the sandbox already).
            String screen = s.waitFor("the database backup written and verified",
                    t -> t.contains("Backup db-") && t.contains("written and verified"), BACKUP_DEADLINE);
            assertTrue(screen.contains("tables (live database: "), "the result says what was checked:\n" + screen);
            s.keys("f");
            s.keys("y");
            screen = s.waitFor("the files backup written and verified",
                    t -> t.contains("Backup files-") && t.contains("written and verified"), BACKUP_DEADLINE);
            assertTrue(count(VERIFIED, screen) >= 2, "the panel shows both verification records:\n" + screen);
            assertTrue(!screen.contains("NOT encrypted") && !screen.contains("FAILED"), "the sandbox's backups are encrypted and pass:\n" + screen);

            s.keys("C");
            s.waitFor("the checklist picker", t -> t.contains("pre-deploy"), SCREEN_DEADLINE);
            for (int i = 0; i < preDeploy; i++) {
                s.keys("Down");
            }
            s.keys("Enter");
            s.waitFor("the pre-deploy walk", t -> t.contains("部署前检查清单"), SCREEN_DEADLINE);
            for (int i = 0; i < 12 && !s.screen().contains("5/5 done"); i++) {
                s.keys("y");
                sleep(Duration.ofMillis(700));
            }
            screen = s.waitFor("the walk done", t -> t.contains("5/5 done") && t.contains("Checklist report saved"), SCREEN_DEADLINE);
            assertTrue(screen.contains("PASS       备份已完成"), "the backup just taken counts:\n" + screen);
            assertTrue(screen.contains("Every required item is satisfied."), screen);

            s.keys("Escape");
            // Escape followed at once by q reads as Alt-q: wait for the dashboard first, as a person would.
            s.waitFor("the dashboard again", t -> t.contains("Containers (") && !t.contains("5/5 done"), SCREEN_DEADLINE);
            s.keys("q");
            s.waitForShell(SCREEN_DEADLINE);

            Path json = work.resolve("check.json");
            s.typeLine(launcher("--sandbox check --json") + " > " + json + "; echo \"check-exit=$?\"");
            // The typed line holds "check-exit=$?" too: wait for the printed number.
            Pattern exitLine = Pattern.compile("check-exit=(\\d+)");
            screen = s.waitFor("check to finish", t -> exitLine.matcher(t).find(), SCREEN_DEADLINE);
            Matcher printed = exitLine.matcher(screen);
            assertTrue(printed.find());
            int exit = Integer.parseInt(printed.group(1));
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            boolean hostOk = true;
            List<String> bad = new ArrayList<>();
            for (JsonNode p : report.get("probes")) {
                boolean ok = p.get("status").asText().equals("ok");
                // This machine's own load, memory, disk and sshd settings are not the sandbox stack's.
                if (HOST_KINDS.contains(p.get("kind").asText()) || p.path("id").asText().startsWith("security.ssh.")) {
                    hostOk &= ok;
                } else if (!ok) {
                    bad.add(p.toString());
                }
            }
            assertEquals(List.of(), bad, "the sandbox stack, its backups included, is well");
            assertTrue(report.toString().contains("\"kind\":\"backup\""), "check reports the backups: " + report);
            if (hostOk) {
                assertEquals(0, exit, report.toString());
            } else {
                System.out.println("[e2e] this machine's own load/memory/disk/sshd probes are not OK, so check exits " + exit);
            }
        }
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
