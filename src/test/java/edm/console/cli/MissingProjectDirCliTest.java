package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy, rollback and restart with a projectDir that does not exist: one line naming the dir, and the dir
 * is not created (neither by the lock nor by the pre-deploy checklist's report).
 */
class MissingProjectDirCliTest {
    @TempDir
    Path dir;

    @Test
    void everyWorkflowCommandRefusesBeforeWritingAnything() throws Exception {
        Path missing = dir.resolve("opt-edm-typo");
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "projectDir: " + missing + "\n");
        for (List<String> cmd : List.of(List.of("deploy", "backend", "v1.1", "--yes"), List.of("rollback", "backend", "--yes"),
                List.of("restart", "backend", "--yes"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream oldErr = System.err;
            PrintStream oldOut = System.out;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.run(concat(cmd, "--config", cfg.toString()));
            } finally {
                System.setErr(oldErr);
                System.setOut(oldOut);
            }
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(WorkflowCli.FAILED, code, cmd + ": " + e + out.toString(StandardCharsets.UTF_8));
            assertTrue(e.contains("Project dir " + missing + " does not exist"), cmd + ": " + e);
            assertEquals(1, e.strip().lines().count(), cmd + ": one line: " + e);
            assertFalse(Files.exists(missing), cmd + " created " + missing + "; output: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static String[] concat(List<String> cmd, String... more) {
        String[] args = new String[cmd.size() + more.length];
        for (int i = 0; i < cmd.size(); i++) {
            args[i] = cmd.get(i);
        }
        System.arraycopy(more, 0, args, cmd.size(), more.length);
        return args;
    }
}
