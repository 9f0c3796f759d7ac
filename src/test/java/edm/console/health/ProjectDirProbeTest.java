package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing project directory is CRITICAL in `check` and the TUI, and nothing the console writes re-creates it. */
class ProjectDirProbeTest {
    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aMissingProjectDirIsCriticalWithWhatToDo() throws IOException {
        Path missing = dir.resolve("edm");
        ProbeResult r = HostProbes.projectDir(missing, NOW);
        assertEquals(ProbeStatus.CRITICAL, r.status());
        assertEquals(HostProbes.PROJECT_DIR, r.kind());
        assertEquals(missing.toString(), r.target());
        assertEquals("does not exist: create it or set projectDir in the config", r.error());
        assertTrue(r.error().contains("projectDir"), r.error());

        Files.writeString(missing, "a file, not a directory");
        assertEquals(ProbeStatus.CRITICAL, HostProbes.projectDir(missing, NOW).status());
        Files.delete(missing);

        Files.createDirectory(missing);
        ProbeResult ok = HostProbes.projectDir(missing, NOW);
        assertEquals(ProbeStatus.OK, ok.status());
        assertEquals("", ok.error());
    }

    @Test
    void itFiresACriticalAlertAtOnceAndResolvesWhenTheDirIsThere() throws IOException {
        List<Alert> changes = new ArrayList<>();
        AlertEngine engine = new AlertEngine(SpecRules.from(new ConsoleConfig()), () -> NOW, changes::add);
        Path missing = dir.resolve("edm");
        engine.evaluate(List.of(HostProbes.projectDir(missing, NOW)), false);
        Alert a = engine.list().stream().filter(x -> x.ruleId().equals(SpecRules.PROJECT_DIR)).findFirst().orElseThrow();
        assertEquals(AlertState.FIRING, a.state());
        assertEquals(Severity.CRITICAL, a.severity());
        assertTrue(a.message().contains(missing.toString()) && a.message().contains("does not exist"), a.message());

        Files.createDirectory(missing);
        engine.evaluate(List.of(HostProbes.projectDir(missing, NOW)), false);
        assertFalse(engine.list().stream().anyMatch(x -> x.ruleId().equals(SpecRules.PROJECT_DIR) && x.state() == AlertState.FIRING),
                engine.list().toString());
    }

    @Test
    void theAlertLogDoesNotCreateAMissingProjectDir() throws IOException {
        Path project = dir.resolve("edm");
        AlertLog log = new AlertLog(project.resolve("logs/system/alerts.log"), project);
        AlertEngine engine = new AlertEngine(SpecRules.from(new ConsoleConfig()), () -> NOW, a -> { });
        engine.evaluate(List.of(HostProbes.projectDir(project, NOW)), false);
        Alert a = engine.list().get(0);
        assertThrows(IOException.class, () -> log.append(a));
        assertFalse(Files.exists(project), "writing the alert must not make the alert go away");

        Files.createDirectory(project);
        log.append(a);
        assertTrue(Files.size(project.resolve("logs/system/alerts.log")) > 0);
    }
}
