package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.testsupport.RunMain;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher prints and returns for an empty config, a missing project dir and a huge file, through
 * `config check`, `check` and the TUI's start (which reports config problems before it needs a terminal).
 */
class ConfigProblemsCliTest {
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @TempDir
    Path dir;

    static Run run(String... args) {
        RunMain.Result r = RunMain.run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    /** A config whose probes all fail fast and locally: no engine (a socket that is not there), no URLs. */
    private Path config(String name, String projectDir) throws IOException {
        return Files.writeString(dir.resolve(name), """
                projectDir: %s
                docker:
                  endpoint: unix://%s
                  timeoutSeconds: 2
                health:
                  urls: []
                services:
                  - name: backend
                """.formatted(projectDir, dir.resolve("no-docker.sock")));
    }

    @Test
    void anEmptyConfigIsOneWarningLineAndExitZero() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yml"), "");
        Run r = run("config", "check", "--lang", "en", "--config", empty.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(empty + ": warning: the file sets nothing, so the built-in defaults (SPEC-006) apply"), r.out());
        assertFalse(r.out().contains("config OK"), r.out());
    }

    @Test
    void aMissingProjectDirFailsConfigCheckAndIsCriticalInCheck() throws IOException {
        Path cfg = config("c.yml", "/nonexistent-cfgtag-project");
        Run r = run("config", "check", "--lang", "en", "--config", cfg.toString());
        assertEquals(2, r.code());
        assertEquals(List.of(cfg + ":1: projectDir: '/nonexistent-cfgtag-project' does not exist, expected the project directory (the one "
                + "with docker-compose.yml and .env.production): create it, or set projectDir to where the project is", "1 problem in " + cfg),
                r.errLines());

        Run check = run("check", "--lang", "en", "--config", cfg.toString());
        assertEquals(2, check.code(), check.out() + check.err());
        assertTrue(check.out().lines().anyMatch(l -> l.startsWith("CRITICAL") && l.contains("project")
                && l.contains("/nonexistent-cfgtag-project") && l.contains("does not exist")), check.out());
        assertFalse(Files.exists(Path.of("/nonexistent-cfgtag-project")), "check must not create it");

        Path ok = config("ok.yml", dir.toString());
        Run fine = run("check", "--lang", "en", "--config", ok.toString());
        assertTrue(fine.out().lines().anyMatch(l -> l.startsWith("ok ") && l.contains("project") && l.contains(dir.toString())), fine.out());
    }

    @Test
    void aHugeConfigIsOneSizeLineInConfigCheckCheckAndTheTui() throws IOException {
        Path huge = dir.resolve("huge.yml");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(50L * 1024 * 1024);
        }
        String sizeLine = huge + ": the file is 50.0 MiB, larger than a config file can be (1.0 MiB at most); "
                + "expected a config file of a few KiB: check that this is the right file";

        Run cc = run("config", "check", "--lang", "en", "--config", huge.toString());
        assertEquals(2, cc.code());
        assertEquals(List.of(sizeLine, "1 problem in " + huge), cc.errLines());

        Run check = run("check", "--lang", "en", "--config", huge.toString());
        assertEquals(CheckCommand.COULD_NOT_RUN, check.code());
        assertEquals(sizeLine, check.errLines().get(0), check.err());
        assertEquals(2, check.errLines().size(), "the size line and what to do, no stack trace: " + check.err());

        Run tui = run("--lang", "en", "--config", huge.toString());
        assertEquals(2, tui.code());
        assertEquals(sizeLine, tui.errLines().get(0), tui.err());
        assertEquals(2, tui.errLines().size(), tui.err());
    }
}
