package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 配置防火墙规则 from canned ufw / nft / iptables output; UNKNOWN with the reasons when none can be read. */
class FirewallRuleTest {
    private static final HostCommands.Output DENIED = new HostCommands.Output(1, "", "You need to be root to run this script");

    @TempDir
    Path root;

    private Finding check(Map<String, HostCommands.Output> answers) {
        HostCommands commands = argv -> answers.getOrDefault(argv.get(0), DENIED);
        List<Finding> f = new FirewallRule().check(Fixtures.context(root, root, new SecuritySettings(), commands,
                ContainerFacts.Listing.of(List.of()), Clock.SYSTEM));
        return Fixtures.only(f, "firewall");
    }

    private static HostCommands.Output out(String stdout) {
        return new HostCommands.Output(0, stdout.replace("\\n", "\n"), "");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ufw      | Status: active\\nTo Action From\\n22/tcp ALLOW Anywhere | OK",
        "ufw      | Status: inactive                                         | CRITICAL",
        "nft      | table inet filter {\\n chain input {\\n type filter hook input priority 0; policy drop;\\n }\\n} | OK",
        "nft      | table ip nat {\\n chain POSTROUTING {\\n type nat hook postrouting priority 100;\\n }\\n}     | CRITICAL",
        "iptables | -P INPUT ACCEPT\\n-A INPUT -p tcp --dport 22 -j ACCEPT\\n-A INPUT -j DROP | OK",
        "iptables | -P INPUT ACCEPT                                           | CRITICAL"})
    void aRulesetThatCanBeReadDecides(String program, String stdout, ProbeStatus expected) {
        Finding f = check(Map.of(program, out(stdout)));
        assertEquals(expected, f.status(), f.toString());
    }

    @Test
    void nothingReadableIsUnknownWithEachReason() throws Exception {
        Files.createDirectories(root.resolve("etc/ufw"));
        Files.writeString(root.resolve("etc/ufw/ufw.conf"), "# ufw.conf\nENABLED=yes\n");
        Finding f = check(Map.of());
        assertEquals(ProbeStatus.UNKNOWN, f.status());
        assertTrue(f.evidence().contains("ufw: You need to be root") && f.evidence().contains("iptables:")
                && f.evidence().contains("ENABLED=yes"), f.evidence());
    }
}
