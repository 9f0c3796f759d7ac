package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.SecuritySettings;
import edm.console.core.Clock;
import edm.console.core.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 定期更新系统补丁 from apt's simulation (canned), the reboot flag and apt's history, all on a fixture root. */
class PatchesRuleTest {
    private static final String SIMULATION = """
            NOTE: This is only a simulation!
            Inst libssl3 [3.0.2-0ubuntu1.10] (3.0.2-0ubuntu1.12 Ubuntu:22.04/jammy-updates, Ubuntu:22.04/jammy-security [amd64])
            Inst zstd [1.5.4+dfsg2-5] (1.5.4+dfsg2-5+deb12u1 Debian-Security:12/oldstable-security [amd64])
            Inst vim [2:9.0.1378-2] (2:9.0.1378-2+deb12u2 Debian:12.8/oldstable [amd64])
            Conf libssl3 (3.0.2-0ubuntu1.12 Ubuntu:22.04/jammy-security [amd64])
            """;
    private static final Clock DEC_1 = () -> Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path root;

    private List<Finding> check(HostCommands apt) {
        return new PatchesRule().check(Fixtures.context(root, root, new SecuritySettings(), apt, ContainerFacts.Listing.of(List.of()), DEC_1));
    }

    private static HostCommands apt(String stdout) {
        return argv -> argv.get(0).equals("apt-get") ? new HostCommands.Output(0, stdout, "") : new HostCommands.Output(-1, "", "?");
    }

    @Test
    void pendingSecurityUpdatesAreNamedOthersOnlyCounted() {
        Finding f = Fixtures.only(check(apt(SIMULATION)), "patches.pending");
        assertEquals(ProbeStatus.WARNING, f.status());
        assertTrue(f.evidence().startsWith("2 ") && f.evidence().contains("libssl3, zstd") && !f.evidence().contains("vim"), f.evidence());
        assertEquals(ProbeStatus.OK, Fixtures.only(check(apt("Inst vim [1] (2 Debian:12.8/oldstable [amd64])\n")), "patches.pending").status());
        Finding unknown = Fixtures.only(check(HostCommands.NONE), "patches.pending");
        assertEquals(ProbeStatus.UNKNOWN, unknown.status());
        assertTrue(unknown.evidence().contains("not run"), unknown.evidence());
    }

    @Test
    void aPendingRebootIsAWarningWithItsPackages() throws Exception {
        assertEquals(ProbeStatus.OK, Fixtures.only(check(apt("")), "patches.reboot").status());
        Files.createDirectories(root.resolve("var/run"));
        Files.writeString(root.resolve("var/run/reboot-required"), "*** System restart required ***\n");
        Files.writeString(root.resolve("var/run/reboot-required.pkgs"), "linux-image-6.8.0-49\nlibc6\n");
        Finding f = Fixtures.only(check(apt("")), "patches.reboot");
        assertEquals(ProbeStatus.WARNING, f.status());
        assertTrue(f.evidence().contains("linux-image-6.8.0-49, libc6"), f.evidence());
    }

    @Test
    void daysSinceTheLastUpgradeFromHistoryElseDpkg() throws Exception {
        assertEquals(ProbeStatus.UNKNOWN, Fixtures.only(check(apt("")), "patches.lastUpgrade").status());
        Files.createDirectories(root.resolve("var/log/apt"));
        Files.writeString(root.resolve("var/log/dpkg.log"), "2026-11-28 06:00:01 upgrade libc6:amd64 2.36-9 2.36-9+deb12u9\n");
        Finding fromDpkg = Fixtures.only(check(apt("")), "patches.lastUpgrade");
        assertEquals(ProbeStatus.OK, fromDpkg.status());
        assertTrue(fromDpkg.evidence().contains("2026-11-28") && fromDpkg.evidence().contains("dpkg.log"), fromDpkg.evidence());
        // An install is not an upgrade: only the run with Upgrade: counts.
        Files.writeString(root.resolve("var/log/apt/history.log"), """
                Start-Date: 2026-10-01  08:00:00
                Commandline: apt-get upgrade
                Upgrade: libssl3:amd64 (3.0.2-0ubuntu1.10, 3.0.2-0ubuntu1.12)
                End-Date: 2026-10-01  08:01:00

                Start-Date: 2026-11-30  09:00:00
                Commandline: apt-get install tmux
                Install: tmux:amd64 (3.3a-3)
                End-Date: 2026-11-30  09:00:10
                """);
        Finding old = Fixtures.only(check(apt("")), "patches.lastUpgrade");
        assertEquals(ProbeStatus.WARNING, old.status());
        assertTrue(old.evidence().contains("2026-10-01") && old.evidence().contains("61"), old.evidence());
    }
}
