package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.checklist.AutomaticChecks;
import edm.console.checklist.ChecklistLoader;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.Operator;
import edm.console.checklist.Outcome;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The line-mode walk driven through a dumb JLine terminal fed from a script. */
class ChecklistPrompterTest {
    static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private LineReader scripted(String input) throws IOException {
        DumbTerminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen,
                StandardCharsets.UTF_8);
        return LineReaderBuilder.builder().terminal(t).build();
    }

    private ChecklistRun run(String name, List<ProbeResult> probes) {
        Clock clock = () -> NOW;
        return new ChecklistRun(ChecklistLoader.load(null).checklists().get(name),
                new AutomaticChecks(() -> probes, edm.console.checklist.TestBackups.verified(NOW.minus(Duration.ofHours(2))), null, new ConsoleConfig(), clock),
                new Operator("ops", "local"), clock);
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void manualItemsAskAndAutomaticItemsPrintTheirEvidence() throws IOException {
        Messages.use(Locale.ENGLISH);
        ChecklistRun run = run("pre-deploy", List.of());
        boolean done = new ChecklistPrompter(scripted("y\nwhat\nn\nbuild 1.4.2 in registry\ns\n\nnot needed: no schema change\ny\n"))
                .walk(run);
        assertTrue(done);
        assertEquals(List.of(Outcome.CONFIRMED, Outcome.CONFIRMED, Outcome.SKIPPED, Outcome.CONFIRMED, Outcome.PASS),
                run.results().stream().map(r -> r.outcome()).toList());
        assertEquals("build 1.4.2 in registry", run.results().get(1).note());
        assertEquals("not needed: no schema change", run.results().get(2).note(), "a blank reason is asked again");
        String out = screen();
        assertTrue(out.contains("== 部署前检查清单 — Pre-deployment checklist =="), out);
        assertTrue(out.contains("[1/5] 代码已通过测试\n      The code has passed its tests"), out);
        assertTrue(out.contains("'what': answer y, n, s or q"), out);
        assertTrue(out.contains("[5/5] 备份已完成\n      A verified database backup is recent\n      PASS  newest verified database backup"), out);
        assertEquals(List.of(), run.requiredFailures().stream().filter(r -> r.item().id().equals("backup-done")).toList());
    }

    @Test
    void quittingStopsTheWalkAndEndOfInputToo() throws IOException {
        ChecklistRun quit = run("daily", List.of(new ProbeResult("container:x", "container", "edm-backend", ProbeStatus.CRITICAL,
                "exited", Duration.ZERO, NOW, "not running", Map.of())));
        // daily is all automatic: it finishes without a question, and the failing item shows its actions.
        assertTrue(new ChecklistPrompter(scripted("")).walk(quit));
        assertTrue(screen().contains("FAIL  1 of 1 not OK: edm-backend not running"), screen());
        assertTrue(screen().contains("Possible next steps: logs, restart"), screen());

        // weekly: one manual item, three automatic ones (patches, security rules, backup), then the next manual one.
        ChecklistRun weekly = run("weekly", List.of());
        assertFalse(new ChecklistPrompter(scripted("y\nq\n")).walk(weekly));
        assertEquals(4, weekly.position());
        ChecklistRun eof = run("weekly", List.of());
        assertFalse(new ChecklistPrompter(scripted("y\n")).walk(eof));
        assertEquals(4, eof.position());
    }

    @Test
    void inChineseThePromptsAreChineseAndFlowStepsAskForANote() throws IOException {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        ChecklistRun run = run("incident", List.of());
        new ChecklistPrompter(scripted("y\n全部用户 502\nq\n")).walk(run);
        assertEquals("全部用户 502", run.results().get(0).note());
        assertTrue(screen().contains("确认？[y]是"), screen());
        assertTrue(screen().contains("备注（可选）>"), screen());
    }
}
