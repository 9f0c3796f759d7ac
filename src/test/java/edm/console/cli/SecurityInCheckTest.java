package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import edm.console.config.ConsoleConfig;
import edm.console.config.SecuritySettings.AcceptedRisk;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check includes the critical security findings, and only those: warnings and accepted risks stay with `security`. */
class SecurityInCheckTest {
    @TempDir
    Path project;

    private ConsoleConfig config() throws Exception {
        ConsoleConfig c = new ConsoleConfig();
        c.projectDir = project.toString();
        c.security.root = Path.of(getClass().getResource("/security/ssh/loose").toURI()).toString();
        Path env = project.resolve(".env.production");
        Files.writeString(env, "JWT_SECRET=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        return c;
    }

    private static ContainersSnapshot engine(ContainerInfo... containers) {
        Instant now = Instant.now();
        return new ContainersSnapshot(EngineStatus.up("unix:///var/run/docker.sock", "1.41", "20.10", now), List.of(containers), Map.of(), now);
    }

    @Test
    void onlyTheCriticalOnes() throws Exception {
        ContainerInfo backend = new ContainerInfo("id1", "edm-backend-prod", "edm-backend:v1.0", ContainerStatus.RUNNING, HealthStatus.HEALTHY,
                Instant.now(), Instant.now(), 0, List.of(new PortMapping("0.0.0.0", 8002, 8002, "tcp")), Map.of());
        List<ProbeResult> probes = SecurityInCheck.critical(config(), engine(backend), Clock.SYSTEM);
        assertEquals(List.of("security.ssh.passwordAuthentication", "security.ssh.kbdInteractiveAuthentication", "security.ssh.match",
                "security.secrets.mode", "security.ports.loopback.edm-backend-prod"), probes.stream().map(ProbeResult::id).toList());
        probes.forEach(p -> assertEquals(ProbeStatus.CRITICAL, p.status()));
        // PermitRootLogin prohibit-password is a warning: not in check.
        assertFalse(probes.stream().anyMatch(p -> p.id().contains("permitRootLogin")));
        // Secrets' ages can only warn: cron's check does not hash them every 5 minutes.
        assertFalse(Files.exists(project.resolve("state/security/secrets.tsv")));
    }

    @Test
    void acceptedRisksDoNotReachCheck() throws Exception {
        ConsoleConfig c = config();
        c.security.accept = List.of(new AcceptedRisk("ssh", "bastion host, reviewed"), new AcceptedRisk("secrets.mode", "group read by design"));
        assertEquals(List.of(), SecurityInCheck.critical(c, engine(), Clock.SYSTEM));
    }
}
