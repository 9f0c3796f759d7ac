package edm.console.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tunnel's ssh command line and how it reports ssh's stderr. */
class SshTunnelTest {
    private static EngineSpec ssh(String endpoint, String socket, Path sshConfig) {
        return new EngineSpec("app2", endpoint, null, null, socket, sshConfig, "engines[0]", "");
    }

    @Test
    void theCommandForwardsTheRemoteSocketInBatchModeWithKeepAlives() {
        List<String> argv = SshTunnel.command(ssh("ssh://ubuntu@10.0.0.6", "/var/run/docker.sock", null),
                Path.of("/tmp/edm-ssh-1/docker.sock"), Duration.ofSeconds(10));
        assertEquals(List.of("ssh", "-nNT", "-o", "BatchMode=yes", "-o", "ExitOnForwardFailure=yes", "-o", "ConnectTimeout=10",
                "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=2", "-o", "StreamLocalBindUnlink=yes",
                "-o", "ControlMaster=no", "-o", "ControlPath=none",
                "-L", "/tmp/edm-ssh-1/docker.sock:/var/run/docker.sock", "--", "ubuntu@10.0.0.6"), argv);
    }

    @Test
    void portConfigFileAndRemoteSocketComeFromTheEngine() {
        List<String> argv = SshTunnel.command(ssh("ssh://deploy@[::1]:2222", "/run/user/1000/docker.sock", Path.of("/etc/edm/ssh_config")),
                Path.of("/tmp/s.sock"), Duration.ofSeconds(1));
        assertEquals(List.of("-F", "/etc/edm/ssh_config", "-p", "2222", "-L", "/tmp/s.sock:/run/user/1000/docker.sock", "--", "deploy@::1"),
                argv.subList(argv.size() - 8, argv.size()));
        assertEquals("ServerAliveInterval=1", argv.get(argv.indexOf("-o") + 7));
    }

    @Test
    void withoutAUserSshConfigDecides() {
        List<String> argv = SshTunnel.command(ssh("ssh://app2.internal", "/var/run/docker.sock", null), Path.of("/tmp/s.sock"),
                Duration.ofSeconds(10));
        assertEquals("app2.internal", argv.get(argv.size() - 1));
        assertEquals("--", argv.get(argv.size() - 2));
    }

    @Test
    void stderrIsOneLineWithoutHostKeyNotesOrControlCharacters() {
        assertEquals("ubuntu@10.0.0.6: Permission denied (publickey).", SshTunnel.oneLine(List.of(
                "Warning: Permanently added '[127.0.0.1]:2222' (ED25519) to the list of known hosts.",
                "", "ubuntu@10.0.0.6: Permission denied (publickey).\u001b[2J")));
        assertEquals("a; b", SshTunnel.oneLine(List.of(" a ", "b")));
        assertEquals("channel 1: open failed: connect failed: open failed", SshTunnel.oneLine(List.of(
                "channel 1: open failed: connect failed: open failed", "channel 1: open failed: connect failed: open failed")));
    }
}
