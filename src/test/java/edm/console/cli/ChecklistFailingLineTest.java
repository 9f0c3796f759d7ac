package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.checklist.Checklist;
import edm.console.checklist.ItemResult;
import edm.console.checklist.Outcome;
import edm.console.i18n.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The list of unsatisfied required items (checklist run, deploy's pre-deploy gate) is in the output language. */
class ChecklistFailingLineTest {
    private static final ItemResult PENDING = new ItemResult(
            new Checklist.Item("tests-passed", "代码已通过测试", "The code has passed its tests", null, Map.of(), true, List.of(), ""),
            Outcome.PENDING, "", List.of(), "", Instant.EPOCH);

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void englishOutputNamesTheItemInEnglish() {
        Messages.use(Locale.ENGLISH);
        assertEquals("  - The code has passed its tests — " + Messages.t("checklist.outcome.pending"), ChecklistCommand.failingLine(PENDING));
    }

    @Test
    void chineseOutputKeepsTheSpecTitle() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        assertEquals("  - 代码已通过测试 — " + Messages.t("checklist.outcome.pending"), ChecklistCommand.failingLine(PENDING));
    }
}
