package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.ProbeStatus;
import edm.console.security.Finding;
import edm.console.security.SecurityReport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Security panel (key 7) on the virtual terminal, over a fake report: no host is checked here. The rules
 * are asked to run when the panel first opens, "checking..." shows until the first report, then one row per
 * finding with its status word, rule id, evidence and fix; Enter shows a finding's full text.
 */
class SecurityScreenTest {
    /** Counts what the panel asks of the rules; reports are posted by the test as the feed would. */
    static final class FakeSecurity implements SecurityControl {
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public boolean open() {
            opens.incrementAndGet();
            return true;
        }

        @Override
        public void checkNow() {
            checks.incrementAndGet();
        }
    }

    private static final String LONG_FIX = "edit /etc/ssh/sshd_config: set PasswordAuthentication no, then run "
            + "sudo systemctl reload ssh and keep this session open until a key login works";

    static SecurityReport report() {
        return new SecurityReport(List.of(
                Finding.of("ssh.password", ProbeStatus.CRITICAL, "SSH password login", "/etc/ssh/sshd_config:12 PasswordAuthentication yes", LONG_FIX),
                Finding.ok("logs.logrotate", "log rotation", "/etc/logrotate.d/edm covers /opt/edm/logs/*.log"),
                Finding.of("patches.reboot", ProbeStatus.WARNING, "pending reboot", "/var/run/reboot-required", "reboot in a maintenance window")
                        .accept("kernel update, reboot planned for Sunday"),
                // Evidence quotes what an outsider may have written: an escape sequence and a password in a URL.
                Finding.of("secrets.image", ProbeStatus.CRITICAL, "secret in an image",
                        "edm-backend:v1.2 history: DATABASE_URL=postgres://edm:hunter2@db/edm \u001b[2J", "rebuild without the secret")),
                ScreenHarness.NOW.minus(Duration.ofMinutes(2)));
    }

    private static UiEvent key(char c) {
        return new UiEvent.Key(KeyStroke.fromString(String.valueOf(c)));
    }

    private static UiEvent key(KeyType t) {
        return new UiEvent.Key(new KeyStroke(t));
    }

    @Test
    void sevenOpensThePanelWhichAsksTheRulesToRunOnceAndSaysCheckingUntilTheFirstReport() throws Exception {
        FakeSecurity rules = new FakeSecurity();
        try (ScreenHarness h = new ScreenHarness(100, 30, Locale.ENGLISH, false)) {
            h.app.useSecurity(rules);
            h.app.apply();
            assertEquals(0, rules.opens.get(), "the rules do not run at start-up");
            h.app.apply(key('7'));
            String screen = h.text();
            assertTrue(screen.contains("checking..."), screen);
            assertTrue(screen.contains("Security panel") || screen.contains("Security"), screen);
            h.app.apply(key('1'), key('7'));
            assertEquals(1, rules.opens.get(), "opened once, then the feed runs them every few minutes");
            h.app.apply(new UiEvent.SecurityChecking(), new UiEvent.Security(report(), null));
            screen = h.text();
            assertFalse(screen.contains("checking..."), screen);
            assertTrue(screen.contains("checked 09:58:00 (2m ago): CRITICAL, 2 to act on, 1 accepted"), screen);
        }
    }

    @Test
    void eachFindingIsOneRowWithStatusRuleEvidenceAndFixAndAnAcceptedRiskIsMutedWithItsReason() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 30, Locale.ENGLISH, false)) {
            h.app.useSecurity(new FakeSecurity());
            h.app.apply(key('7'), new UiEvent.Security(report(), null));
            String screen = h.text();
            int ssh = h.rowContaining("ssh.password");
            String row = h.lines().get(ssh);
            assertTrue(row.contains("CRITICAL") && row.contains("/etc/ssh/sshd_config:12 PasswordAuthentication yes")
                    && row.contains("fix: edit /etc/ssh/sshd_config"), row);
            assertFalse(row.contains("key login works"), "the row holds the fix in one line, cut:\n" + row);
            String ok = h.lines().get(h.rowContaining("logs.logrotate"));
            assertTrue(ok.contains("ok") && !ok.contains("fix:"), ok);
            int accepted = h.rowContaining("patches.reboot");
            String acceptedRow = h.lines().get(accepted);
            assertTrue(acceptedRow.contains("accepted") && acceptedRow.contains("accepted: kernel update"), acceptedRow);
            int col = h.cellColumnOf(accepted, "patches.reboot");
            assertEquals(Theme.load("dark").look(Style.MUTED).foreground(),
                    h.terminal.getBufferCharacter(col, accepted).getForegroundColor(), "an accepted risk is muted");
            assertFalse(screen.contains("hunter2"), "a password in evidence is masked:\n" + screen);
            assertFalse(screen.contains("\u001b"), screen);
            assertTrue(screen.contains("edm-backend:v1.2 history"), screen);
        }
    }

    @Test
    void enterShowsTheSelectedFindingsFullTextAndCRunsTheRulesAgain() throws Exception {
        FakeSecurity rules = new FakeSecurity();
        try (ScreenHarness h = new ScreenHarness(100, 30, Locale.ENGLISH, false)) {
            h.app.useSecurity(rules);
            h.app.apply(key('7'), new UiEvent.Security(report(), null), key(KeyType.Enter));
            String screen = h.text();
            assertTrue(screen.contains("SSH password login"), screen);
            assertTrue(screen.contains("key login works"), "the whole fix, wrapped:\n" + screen);
            h.app.apply(key(KeyType.Enter), key('j'), key('j'), key(KeyType.Enter));
            screen = h.text();
            assertFalse(screen.contains("key login works"), "the first finding's detail closed:\n" + screen);
            assertTrue(screen.contains("accepted: kernel update, reboot planned for Sunday"), screen);
            assertTrue(screen.contains("evidence: /var/run/reboot-required"), screen);
            h.app.apply(key('c'));
            assertEquals(1, rules.checks.get());
        }
    }

    @Test
    void theWholeWidthOnAWideTerminalAndBothLanguages() throws Exception {
        try (ScreenHarness h = new ScreenHarness(140, 40, Locale.SIMPLIFIED_CHINESE, false)) {
            h.app.useSecurity(new FakeSecurity());
            h.app.apply(key('7'));
            String screen = h.text();
            assertTrue(screen.contains("7 安全"), screen);
            assertTrue(screen.contains("检查中"), screen);
            h.app.apply(new UiEvent.Security(report(), null));
            screen = h.text();
            int row = h.rowContaining("ssh.password");
            assertTrue(h.lines().get(row).contains("严重") && h.lines().get(row).contains("修复："), screen);
            assertTrue(screen.contains("已接受：kernel update"), screen);
            assertTrue(screen.contains("安全（2 项待处理 / 共 4 项）"), "the panel's title counts what is to be acted on:\n" + screen);
            // The wide layout's other panels give way: the rows need the width.
            assertEquals(1, h.rowContaining("安全（2 项待处理"), "the panel fills the body, from the top:\n" + screen);
        }
    }

    @Test
    void withoutTheRulesThePanelSaysSoRatherThanCheckingForever() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 30, Locale.ENGLISH, false)) {
            h.app.apply(key('7'));
            String screen = h.text();
            assertTrue(screen.contains("The security rules are not available in this console."), screen);
            assertFalse(screen.contains("checking..."), screen);
        }
    }
}
