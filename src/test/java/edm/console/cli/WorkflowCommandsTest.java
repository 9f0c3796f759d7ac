package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import edm.console.workflow.Release;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow commands' refusals that need no engine, and the rollback picker's choice. */
class WorkflowCommandsTest {
    @TempDir
    Path dir;

    int run(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void readOnlyRefusesDeployRollbackAndRestart() throws Exception {
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "projectDir: " + dir + "\n");
        for (String[] cmd : List.of(new String[] {"deploy", "backend", "v1.1"}, new String[] {"rollback", "backend"},
                new String[] {"restart", "--all"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] args = new String[cmd.length + 3];
            System.arraycopy(cmd, 0, args, 0, cmd.length);
            args[cmd.length] = "--read-only";
            args[cmd.length + 1] = "--config";
            args[cmd.length + 2] = cfg.toString();
            assertEquals(2, run(err, args));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("read-only"), err.toString(StandardCharsets.UTF_8));
        }
        assertTrue(Files.notExists(dir.resolve("state")), "nothing was written");
    }

    static Release r(String tag, String image, int minute, String result) {
        return new Release(tag, "deploy", "backend", tag, "edm-backend:" + tag, image, "c", "u", Instant.ofEpochSecond(minute * 60L),
                result, 0, null, null);
    }

    @Test
    void pickerChoosesTheNewestGoodReleaseWithAnotherImage() {
        List<Release> good = List.of(r("v1.2", "sha256:c", 3, "ok"), r("v1.2b", "sha256:c", 2, "ok"), r("v1.1", "sha256:b", 1, "ok"));
        assertEquals("v1.1", RollbackCommand.pick(good, null).orElseThrow().tag());
        assertEquals("v1.2b", RollbackCommand.pick(good, "v1.2b").orElseThrow().tag());
        assertTrue(RollbackCommand.pick(good, "v0").isEmpty());
        assertTrue(RollbackCommand.pick(List.of(), null).isEmpty());
    }
}
