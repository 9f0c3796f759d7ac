package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.testsupport.ConfigFiles;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.RunMain;
import edm.console.testsupport.SandboxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `edm-console check` exit codes against the real sandbox: 0 well, 1 warning, 2 critical, 3 could not run. */
@RequiresSandbox
class CheckCommandIT {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        RunMain.Result r = RunMain.run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void exitCodesForEachCase(@TempDir Path dir) throws Exception {
        var sb = SandboxFixture.up();
        // The host's own figures (a busy CI machine, a full disk, its sshd's defaults) are not what this test is about.
        String config = ConfigFiles.variant(sb.configFile(), dir.resolve("ok.yml"), root -> {
            root.withObject("thresholds").put("loadPerCpu", 1000).put("diskPercent", 100).put("memoryPercent", 100);
            root.withObject("security").withArray("accept").addObject().put("rule", "ssh")
                    .put("reason", "the test machine's own sshd settings");
        }).toString();

        // check reports the backups too: with none yet it is critical; a fresh, verified, encrypted one is well.
        Run none = run("check", "--lang", "en", "--config", config);
        Run backup = run("backup", "all", "--lang", "en", "--config", config);
        assertEquals(0, backup.code(), backup.out() + backup.err());
        Run ok = run("check", "--lang", "en", "--config", config);
        assertEquals(0, ok.code(), "before the backup: " + none.out() + "\nafter: " + ok.out() + ok.err());
        assertTrue(ok.out().contains("edm-backend-sandbox") && ok.out().contains("postgres"), ok.out());

        Run quiet = run("check", "--quiet", "--config", config);
        assertEquals(0, quiet.code());
        assertEquals("", quiet.out(), "cron: silence when all is well");

        Path slow = ConfigFiles.variant(Path.of(config), dir.resolve("slow.yml"),
                root -> root.withObject("thresholds").put("apiResponseSeconds", 0.000001));
        Run warn = run("check", "--lang", "en", "--config", slow.toString());
        assertEquals(1, warn.code(), warn.out());
        assertTrue(warn.out().contains("WARNING"), warn.out());
        // Before the command, the options select the same config (they used to be ignored there).
        Run warnFirst = run("--lang", "en", "--config", slow.toString(), "check");
        assertEquals(1, warnFirst.code(), warnFirst.out() + warnFirst.err());
        assertTrue(warnFirst.out().contains("WARNING") && warnFirst.out().contains("edm-backend-sandbox"), warnFirst.out());

        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "thresholds:\n  diskPercnt: 80\n");
        Run invalid = run("check", "--config", bad.toString());
        assertEquals(3, invalid.code());
        assertTrue(invalid.err().contains("bad.yml:2: thresholds.diskPercnt"), invalid.err());

        DockerEngine.client().stopContainerCmd("edm-backend-sandbox").withTimeout(2).exec();
        try {
            Run critical = run("check", "--json", "--config", config);
            assertEquals(2, critical.code(), critical.out());
            JsonNode j = new ObjectMapper().readTree(critical.out());
            assertEquals("critical", j.get("status").asText());
            boolean backendDown = false;
            for (JsonNode p : j.get("probes")) {
                if (p.get("target").asText().equals("edm-backend-sandbox")) {
                    backendDown = p.get("status").asText().equals("critical");
                }
            }
            assertTrue(backendDown, critical.out());
            assertFalse(critical.out().contains(sb.credentials().dbPassword()), "no secret in the output");
        } finally {
            DockerEngine.client().startContainerCmd("edm-backend-sandbox").exec();
            SandboxFixture.up();
        }
    }

    @Test
    void statusPrintsOneScreenWithoutSecrets() {
        var sb = SandboxFixture.up();
        Run r = run("status", "--lang", "en", "--config", sb.configFile().toString());
        // 2 when a probe is critical: the backups are probes too, and this test takes none.
        assertTrue(r.code() <= 2, r.out() + r.err());
        assertTrue(r.out().contains("edm-nginx-sandbox") && r.out().contains("CPU") && r.out().contains("postgres"), r.out());
        assertFalse(r.out().contains(sb.credentials().dbPassword()));
    }
}
