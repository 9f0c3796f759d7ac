package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.backup.AuditLog;
import edm.console.config.SecuritySettings;
import edm.console.config.SecuritySettings.AcceptedRisk;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run around the rules: a broken rule is UNKNOWN, accepted risks are muted and do not count, the accept list is audited. */
class SecurityRulesTest {
    @TempDir
    Path project;

    private static Rule fixed(String id, ProbeStatus status) {
        return new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Finding> check(SecurityContext ctx) {
                return List.of(Finding.of(id + ".x", status, "t", "e", "f"));
            }
        };
    }

    private SecurityContext ctx(AcceptedRisk... accept) {
        SecuritySettings s = new SecuritySettings();
        s.accept = List.of(accept);
        return Fixtures.context(project, project, s, HostCommands.NONE, ContainerFacts.Listing.of(List.of()), Clock.SYSTEM);
    }

    @Test
    void aRuleThatThrowsIsUnknownAndTheOthersStillRun() {
        Rule broken = new Rule() {
            @Override
            public String id() {
                return "ssh";
            }

            @Override
            public List<Finding> check(SecurityContext ctx) {
                throw new IllegalStateException("boom");
            }
        };
        SecurityReport r = new SecurityRules(List.of(broken, fixed("ports", ProbeStatus.OK))).run(ctx());
        assertEquals(2, r.findings().size());
        assertEquals(ProbeStatus.UNKNOWN, r.findings().get(0).status());
        assertTrue(r.findings().get(0).evidence().contains("boom"));
        assertEquals(1, r.exitCode());
    }

    @Test
    void anAcceptedRiskIsKeptMutedAndDoesNotCount() {
        SecurityRules rules = new SecurityRules(List.of(fixed("ssh", ProbeStatus.CRITICAL), fixed("patches", ProbeStatus.WARNING)));
        assertEquals(2, rules.run(ctx()).exitCode());
        SecurityReport r = rules.run(ctx(new AcceptedRisk("ssh", "bastion only, reviewed 2026-11")));
        Finding ssh = r.findings().get(0);
        assertEquals(ProbeStatus.CRITICAL, ssh.status());
        assertEquals("bastion only, reviewed 2026-11", ssh.acceptedReason());
        assertEquals(ProbeStatus.WARNING, r.worst());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("patches.x"), r.problems().stream().map(Finding::rule).toList());
    }

    @Test
    void aChangedAcceptListGoesToTheAuditLogOnce() throws Exception {
        SecurityRules rules = new SecurityRules(List.of(fixed("ssh", ProbeStatus.CRITICAL)));
        Path audit = project.resolve(AuditLog.FILE);
        rules.run(ctx());
        assertTrue(!Files.exists(audit), "an empty list that never changed is not an event");
        rules.run(ctx(new AcceptedRisk("ssh.x", "bastion only")));
        rules.run(ctx(new AcceptedRisk("ssh.x", "bastion only")));
        List<String> lines = Files.readAllLines(audit);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("security.accept") && lines.get(0).contains("added: ssh.x (bastion only) | removed: "), lines.get(0));
        rules.run(ctx());
        lines = Files.readAllLines(audit);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("removed: ssh.x (bastion only)"), lines.get(1));
    }
}
