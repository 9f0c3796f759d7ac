package edm.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 日志轮转配置 on fixture /etc/logrotate.d trees, and the fix that writes the spec's entry. */
class LogrotateRuleTest {
    private static final Path PROJECT = Path.of("/opt/edm");

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"spec, OK, OK", "partial, WARNING, WARNING", "none, WARNING, WARNING"})
    void theEntryAndItsSettings(String tree, ProbeStatus top, ProbeStatus subfolders) {
        List<Finding> f = new LogrotateRule().check(Fixtures.context(Fixtures.resource("logs/" + tree), PROJECT));
        assertEquals(top, Fixtures.only(f, "logs.logrotate").status(), f.toString());
        assertEquals(subfolders, Fixtures.only(f, "logs.logrotate.subfolders").status(), f.toString());
    }

    @Test
    void whatIsWrongIsNamedWithTheFileAndLine() {
        Path tree = Fixtures.resource("logs/partial");
        Finding f = Fixtures.only(new LogrotateRule().check(Fixtures.context(tree, PROJECT)), "logs.logrotate");
        // weekly comes from logrotate.conf's defaults; rotate 7 from the entry itself.
        assertTrue(f.evidence().startsWith(tree.resolve("etc/logrotate.d/edm") + ":2"), f.evidence());
        assertTrue(f.evidence().contains("daily") && f.evidence().contains("rotate 30 (rotate 7)")
                && f.evidence().contains("delaycompress") && f.evidence().contains("create 644 ubuntu ubuntu (create)"), f.evidence());
        assertTrue(!f.evidence().contains("missingok"), f.evidence());
        assertEquals("edm-console security fix logrotate", f.fix());
    }

    @Test
    void theFixWritesAnEntryTheRuleAccepts() throws Exception {
        Files.createDirectories(root.resolve("etc/logrotate.d"));
        SecurityContext ctx = Fixtures.context(root, PROJECT);
        assertEquals(ProbeStatus.WARNING, Fixtures.only(new LogrotateRule().check(ctx), "logs.logrotate").status());
        LogrotateFix fix = new LogrotateFix(ctx);
        assertEquals(root.resolve("etc/logrotate.d/edm"), fix.target());
        fix.write();
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fix.target())));
        List<Finding> after = new LogrotateRule().check(ctx);
        assertEquals(ProbeStatus.OK, Fixtures.only(after, "logs.logrotate").status(), after.toString());
        assertEquals(ProbeStatus.OK, Fixtures.only(after, "logs.logrotate.subfolders").status(), after.toString());
        assertEquals(List.of(), fix.otherEntries());
    }

    @Test
    void theFixNamesAnotherEntryThatAlreadyCoversTheLogs() throws Exception {
        Path other = root.resolve("etc/logrotate.d/old-edm");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "/opt/edm/logs/*.log {\n  weekly\n}\n");
        assertEquals(List.of(other + ":1"), new LogrotateFix(Fixtures.context(root, PROJECT)).otherEntries());
    }
}
