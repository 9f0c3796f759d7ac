package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.checklist.AutomaticChecks;
import edm.console.checklist.ChecklistLoader;
import edm.console.checklist.ItemResult;
import edm.console.checklist.LogErrorEvidence;
import edm.console.checklist.Outcome;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileErrorCountsTest {
    @TempDir
    Path project;

    @Test
    void countsErrorLinesOfTheWindowPerSourceAndTheDailyItemWarnsOnThem() throws Exception {
        Messages.use(Locale.ENGLISH);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path backend = Files.createDirectories(project.resolve("logs/backend"));
        Files.writeString(backend.resolve("app.log"), String.join("\n",
                now.minus(Duration.ofHours(30)) + " ERROR old failure, outside the window",
                now.minus(Duration.ofHours(2)) + " ERROR database refused the connection",
                now.minus(Duration.ofHours(1)) + " INFO all good",
                now.minus(Duration.ofMinutes(5)) + " ERROR again") + "\n");
        ConsoleConfig config = new ConsoleConfig();
        config.projectDir = project.toString();
        config.logs.files = List.of("logs/backend/*.log");
        List<LogErrorEvidence.SourceErrors> counts = new LogFileErrorCounts(config, Clock.SYSTEM).errorsSince(Duration.ofHours(24));
        assertEquals(1, counts.size(), counts.toString());
        assertEquals(2, counts.get(0).errors(), counts.toString());

        var item = ChecklistLoader.load(null).checklists().get("daily").items().get(1);
        ItemResult r = new AutomaticChecks(List::of, null, new LogFileErrorCounts(config, Clock.SYSTEM), config, Clock.SYSTEM).run(item);
        assertEquals(Outcome.WARN, r.outcome());
        assertTrue(r.value().startsWith("2 error line(s) in the last 24 h"), r.value());

        Files.writeString(backend.resolve("app.log"), now.minus(Duration.ofMinutes(1)) + " INFO quiet\n");
        assertEquals(Outcome.PASS, new AutomaticChecks(List::of, null, new LogFileErrorCounts(config, Clock.SYSTEM), config, Clock.SYSTEM)
                .run(item).outcome());
    }
}
