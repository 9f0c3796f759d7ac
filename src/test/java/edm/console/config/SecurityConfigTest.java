package edm.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** security.* binds over the spec's defaults, and each bad value is one line naming the file, line, key and what to write. */
class SecurityConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private LoadedConfig load(String yaml) throws Exception {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, "projectDir: " + dir + "\n" + yaml);
        return ConfigLoader.loadFile(f);
    }

    @Test
    void defaultsAreTheSpecs() {
        SecuritySettings s = new ConsoleConfig().security;
        assertEquals("/", s.root);
        assertEquals(90, s.rotateDays);
        assertEquals(10, s.intervalMinutes);
        assertEquals(List.of(22, 80, 443), s.allowedPublicPorts);
        assertEquals("8000-8099", s.edmPorts);
        assertEquals("7000-7099", s.otherPorts);
    }

    @Test
    void aFileOverridesThem() throws Exception {
        LoadedConfig c = load("""
                security:
                  root: /srv/fixture
                  rotateDays: 30
                  intervalMinutes: 3
                  allowedPublicPorts: [22, 443]
                  accept:
                    - rule: patches.reboot
                      reason: kernel reboot planned for Sunday
                """);
        assertEquals(List.of(), c.problems());
        SecuritySettings s = c.config().security;
        assertEquals("/srv/fixture", s.root);
        assertEquals(30, s.rotateDays);
        assertEquals(3, s.intervalMinutes);
        assertEquals(List.of(22, 443), s.allowedPublicPorts);
        assertEquals("patches.reboot", s.accept.get(0).rule);
        assertEquals("kernel reboot planned for Sunday", s.accept.get(0).reason);
    }

    @Test
    void eachBadValueIsOneLineWithItsLine() throws Exception {
        Path f = dir.resolve("c.yml");
        LoadedConfig c = load("""
                security:
                  root: fixture
                  rotateDays: 0
                  intervalMinutes: 0
                  allowedPublicPorts: [22, 70000]
                  edmPorts: 8099-8000
                  accept:
                    - rule: "SSH!"
                      reason: x
                    - rule: ssh.permitRootLogin
                """);
        List<String> lines = c.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(List.of(
                f + ":3: security.root: 'fixture' is a relative path, expected an absolute path like /opt/edm",
                f + ":4: security.rotateDays: 0 is not positive, expected a number greater than 0",
                f + ":5: security.intervalMinutes: 0 is not positive, expected a number greater than 0",
                f + ":6: security.allowedPublicPorts[1]: 70000 is not a port number, expected 1 to 65535",
                f + ":7: security.edmPorts: '8099-8000' is not a port range, expected FROM-TO like 8000-8099",
                f + ":9: security.accept[0].rule: 'SSH!' is not a rule id, expected a rule as edm-console security prints it"
                        + " (ssh, ssh.passwordAuthentication, ports.public.5432)",
                f + ":11: security.accept[1].reason: has no reason, expected why the risk is accepted (it goes to the audit log)"),
                lines);
    }

    @Test
    void aSecurityPanelIntervalThatIsNotANumberIsOneLineNamingTheKey() throws Exception {
        Path f = dir.resolve("c.yml");
        LoadedConfig c = load("""
                security:
                  intervalMinutes: ten
                """);
        List<String> lines = c.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(List.of(f + ":3: security.intervalMinutes: got the text 'ten', expected a whole number"), lines);
    }
}
