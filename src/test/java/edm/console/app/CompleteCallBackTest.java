package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.testsupport.RunMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `edm-console __complete PATH POSITION`, as the completion script calls it on a Tab: values one a line, never an error. */
class CompleteCallBackTest {
    @TempDir
    Path dir;

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("edm-console.yml"), """
                projectDir: %s
                docker:
                  endpoint: unix://%s
                  timeoutSeconds: 2
                services:
                  - name: backend
                  - name: web-1
                """.formatted(dir, dir.resolve("no-docker.sock")));
    }

    @Test
    void servicesComeFromTheSelectedConfig() throws IOException {
        var run = RunMain.run("--config", config().toString(), "__complete", "logs", "0");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("backend", "web-1"), run.out().lines().toList());
        assertEquals(List.of("backend", "web-1"), RunMain.run("--config", config().toString(), "__complete", "deploy", "0").out().lines().toList());
    }

    @Test
    void checklistNamesForRunAndShow() throws IOException {
        var run = RunMain.run("--config", config().toString(), "__complete", "checklist run", "0");
        assertTrue(run.out().lines().toList().containsAll(List.of("daily", "weekly", "pre-deploy")), run.out());
    }

    @Test
    void anUnreachableEngineOrAnUnknownPathMeanNoValuesAndExitZero() throws IOException {
        var tags = RunMain.run("--config", config().toString(), "__complete", "deploy", "1");
        assertEquals(0, tags.code());
        assertEquals("", tags.out());
        assertEquals("", tags.err(), "nothing over the command line");
        var unknown = RunMain.run("--config", config().toString(), "__complete", "sandbox up", "0");
        assertEquals(0, unknown.code());
        assertEquals("", unknown.out());
        var notANumber = RunMain.run("--config", config().toString(), "__complete", "logs", "backend");
        assertEquals(0, notANumber.code(), notANumber.err());
        assertEquals("", notANumber.out() + notANumber.err());
    }

    @Test
    void aMissingConfigIsNoValuesEither() {
        var run = RunMain.run("--config", dir.resolve("nope.yml").toString(), "__complete", "logs", "0");
        assertEquals("", run.out());
        assertEquals("", run.err());
    }
}
