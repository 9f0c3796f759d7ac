package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The effective sshd settings from fixture trees (Include, first value wins, Match) and from sshd -T. */
class SshRuleTest {
    @TempDir
    Path project;

    static Stream<Arguments> trees() {
        return Stream.of(
                // The drop-in is included first, so its "no" wins over the main file's later "yes".
                Arguments.of("hardened", Map.of("ssh.passwordAuthentication", ProbeStatus.OK, "ssh.kbdInteractiveAuthentication", ProbeStatus.OK,
                        "ssh.permitRootLogin", ProbeStatus.OK, "ssh.pubkeyAuthentication", ProbeStatus.OK), 0),
                // cloud-init's drop-in turns passwords back on; the old keyword name still counts; Match loosens for one user.
                Arguments.of("loose", Map.of("ssh.passwordAuthentication", ProbeStatus.CRITICAL,
                        "ssh.kbdInteractiveAuthentication", ProbeStatus.CRITICAL, "ssh.permitRootLogin", ProbeStatus.WARNING,
                        "ssh.pubkeyAuthentication", ProbeStatus.OK), 1),
                Arguments.of("defaults", Map.of("ssh.passwordAuthentication", ProbeStatus.CRITICAL,
                        "ssh.kbdInteractiveAuthentication", ProbeStatus.CRITICAL, "ssh.permitRootLogin", ProbeStatus.WARNING,
                        "ssh.pubkeyAuthentication", ProbeStatus.OK), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void judgesTheEffectiveSettings(String tree, Map<String, ProbeStatus> expected, int matchFindings) {
        List<Finding> f = new SshRule().check(Fixtures.context(Fixtures.resource("ssh/" + tree), project));
        expected.forEach((rule, status) -> assertEquals(status, Fixtures.only(f, rule).status(), tree + " " + rule + ": " + f));
        assertEquals(matchFindings, f.stream().filter(x -> x.rule().equals("ssh.match")).count(), f.toString());
    }

    @Test
    void evidenceAndFixPointAtTheWinningLine() {
        Path root = Fixtures.resource("ssh/loose");
        List<Finding> f = new SshRule().check(Fixtures.context(root, project));
        Finding pw = Fixtures.only(f, "ssh.passwordAuthentication");
        Path dropIn = root.resolve("etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertEquals(dropIn + ":1 PasswordAuthentication yes", pw.evidence());
        assertTrue(pw.fix().contains(dropIn + ":1") && pw.fix().contains("PasswordAuthentication no"), pw.fix());
        Finding match = Fixtures.only(f, "ssh.match");
        assertEquals(ProbeStatus.CRITICAL, match.status());
        assertTrue(match.evidence().contains("Match User deploy") && match.evidence().contains(root.resolve("etc/ssh/sshd_config") + ":6"),
                match.evidence());
    }

    @Test
    void sshdTWinsOverTheFilesWhenItRuns() {
        HostCommands sshdT = argv -> argv.get(argv.size() - 1).equals("-T")
                ? new HostCommands.Output(0, "port 22\npasswordauthentication no\nkbdinteractiveauthentication no\npermitrootlogin no\n"
                        + "pubkeyauthentication yes\n", "")
                : new HostCommands.Output(1, "", "no");
        SecurityContext ctx = Fixtures.context(Fixtures.resource("ssh/loose"), project, new SecuritySettings(), sshdT,
                ContainerFacts.Listing.of(List.of()), Clock.SYSTEM);
        List<Finding> f = new SshRule().check(ctx);
        assertEquals(ProbeStatus.OK, Fixtures.only(f, "ssh.passwordAuthentication").status());
        assertEquals("sshd -T: passwordauthentication no", Fixtures.only(f, "ssh.passwordAuthentication").evidence());
        // sshd -T shows no Match block; the files still do.
        assertEquals(ProbeStatus.CRITICAL, Fixtures.only(f, "ssh.match").status());
    }

    @Test
    void withoutConfigOrSshdItIsUnknownWithTheReason() {
        List<Finding> f = new SshRule().check(Fixtures.context(project, project));
        assertEquals(1, f.size());
        assertEquals(ProbeStatus.UNKNOWN, f.get(0).status());
        assertTrue(f.get(0).evidence().contains("sshd_config"), f.get(0).evidence());
    }
}
