package edm.console.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy gate's notion of "the pre-deploy checklist was walked just now". */
class RecentReportTest {
    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

    private static void report(Path dir, String file, String checklist, Instant started, String failures) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), "{\"checklist\":\"" + checklist + "\",\"started\":\"" + started
                + "\",\"requiredFailures\":" + failures + "}");
    }

    @Test
    void onlyARecentSatisfiedRunOfThatChecklistCounts(@TempDir Path project) throws Exception {
        ConsoleConfig c = new ConsoleConfig();
        c.projectDir = project.toString();
        Path dir = Checklists.reportDirectory(c);
        assertTrue(RecentReport.satisfied(c, "pre-deploy", Duration.ofHours(1), now).isEmpty(), "no reports yet");

        report(dir, "20261129-093000-pre-deploy.json", "pre-deploy", now.minusSeconds(1800), "[\"tests-passed\"]");
        report(dir, "20261129-094000-daily.json", "daily", now.minusSeconds(1200), "[]");
        report(dir, "20261129-080000-pre-deploy.json", "pre-deploy", now.minusSeconds(7200), "[]");
        assertTrue(RecentReport.satisfied(c, "pre-deploy", Duration.ofHours(1), now).isEmpty(),
                "a failing run, another checklist, and a run two hours old do not count");

        report(dir, "20261129-095000-pre-deploy.json", "pre-deploy", now.minusSeconds(600), "[]");
        Optional<Path> ok = RecentReport.satisfied(c, "pre-deploy", Duration.ofHours(1), now);
        assertEquals(dir.resolve("20261129-095000-pre-deploy.json"), ok.orElseThrow());
        Files.writeString(dir.resolve("20261129-095900-pre-deploy.json"), "{ not json");
        assertEquals(ok, RecentReport.satisfied(c, "pre-deploy", Duration.ofHours(1), now), "a damaged file is skipped");
    }
}
