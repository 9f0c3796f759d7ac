package edm.console.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.security.Finding;
import edm.console.security.SecurityReport;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly checklist's 更新系统补丁 and 安全规范检查 items are automatic: they read the security rules' report. */
class SecurityItemsTest {
    final ChecklistLoader.Loaded builtIn = ChecklistLoader.load(null);

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private Checklist.Item weekly(String id) {
        return builtIn.checklists().get("weekly").items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static SecurityReport report(Finding... findings) {
        return new SecurityReport(List.of(findings), ChecklistRunTest.NOW);
    }

    private static AutomaticChecks checks(SecurityEvidence security) {
        return new AutomaticChecks(List::of, null, null, security, new ConsoleConfig(), ChecklistRunTest.CLOCK);
    }

    static final Finding SSH_CRITICAL = Finding.of("ssh.password", ProbeStatus.CRITICAL, "SSH password login",
            "/etc/ssh/sshd_config:12 PasswordAuthentication yes", "set PasswordAuthentication no");
    static final Finding UPDATES_OK = Finding.ok("patches.updates", "security updates", "no pending security update");
    static final Finding REBOOT = Finding.of("patches.reboot", ProbeStatus.WARNING, "pending reboot", "/var/run/reboot-required",
            "reboot in a maintenance window");

    @Test
    void theWeeklyChecklistBindsPatchesAndTheSecurityRules() {
        assertEquals(CheckKind.PATCHES, weekly("patches").check());
        assertEquals(CheckKind.SECURITY, weekly("security-rules").check());
    }

    @Test
    void patchesJudgesThePatchesRuleAloneWithTheFixInTheDetails() {
        ItemResult r = checks(() -> report(SSH_CRITICAL, UPDATES_OK, REBOOT)).run(weekly("patches"));
        assertEquals(Outcome.WARN, r.outcome(), "the critical ssh finding is not the patches item's");
        assertTrue(r.value().startsWith("1 of 2 not OK: patches.reboot /var/run/reboot-required"), r.value());
        assertEquals(List.of("patches.updates: OK no pending security update",
                "patches.reboot: WARNING /var/run/reboot-required (fix: reboot in a maintenance window)"), r.details());
    }

    @Test
    void anAcceptedRiskPassesWithItsReason() {
        ItemResult r = checks(() -> report(UPDATES_OK, REBOOT.accept("reboot planned for Sunday"))).run(weekly("patches"));
        assertEquals(Outcome.PASS, r.outcome());
        assertTrue(r.details().get(1).contains("accepted: reboot planned for Sunday"), r.details().toString());
    }

    @Test
    void theSecurityItemTakesTheWorstOfEveryRuleAndTheRulesRunOncePerWalk() {
        AtomicInteger runs = new AtomicInteger();
        AutomaticChecks checks = checks(() -> {
            runs.incrementAndGet();
            return report(SSH_CRITICAL, UPDATES_OK, REBOOT);
        });
        assertEquals(Outcome.FAIL, checks.run(weekly("security-rules")).outcome());
        checks.run(weekly("patches"));
        assertEquals(1, runs.get(), "apt-get -s upgrade and the rest run once for both items");
        checks.refresh();
        checks.run(weekly("patches"));
        assertEquals(2, runs.get(), "a re-check runs them afresh");
    }

    @Test
    void withoutRulesOrWhenTheyFailTheItemIsUnknownNeverAPass() {
        assertEquals(Outcome.UNKNOWN, checks(SecurityEvidence.NOT_AVAILABLE).run(weekly("patches")).outcome());
        ItemResult failed = checks(() -> {
            throw new IllegalStateException("state dir not writable");
        }).run(weekly("security-rules"));
        assertEquals(Outcome.UNKNOWN, failed.outcome());
        assertTrue(failed.value().contains("state dir not writable"), failed.value());
        assertEquals(Outcome.UNKNOWN, checks(() -> report(SSH_CRITICAL)).run(weekly("patches")).outcome(),
                "no patches finding at all is no pass");
    }
}
