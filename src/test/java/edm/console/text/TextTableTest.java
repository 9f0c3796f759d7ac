package edm.console.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTableTest {

    @Test
    void columnsLineUpInCellsWithChineseContent() {
        TextTable t = new TextTable()
                .column("容器", Align.LEFT)
                .column("状态", Align.LEFT)
                .column("CPU", Align.RIGHT);
        t.row("edm-api", "运行中", "12.5%");
        t.row("数据库", "exited", "0.0%");
        List<String> lines = t.lines(Integer.MAX_VALUE);
        assertEquals(List.of(
                "容器     状态      CPU",
                "edm-api  运行中  12.5%",
                "数据库   exited   0.0%"), lines);
        int end = Cells.width(lines.get(0));
        for (String line : lines) {
            assertEquals(end, Cells.width(line), line); // right-aligned last column: same end everywhere
        }
    }

    @Test
    void renderEndsLinesAndDropsTrailingSpaces() {
        String out = new TextTable().column("A", Align.LEFT).column("B", Align.LEFT)
                .row("long value", "").row("x", "y").render();
        assertEquals("A           B\nlong value\nx           y\n", out);
    }

    @Test
    void aColumnMaximumCutsWithAnEllipsis() {
        TextTable t = new TextTable().column("镜像", Align.LEFT, 6).column("N", Align.LEFT);
        t.row("数据库镜像名", "1");
        assertEquals(List.of("镜像    N", "数据…   1"), t.lines(Integer.MAX_VALUE));
    }

    @Test
    void renderNarrowsShrinkableColumnsToTheWidthButNotBelowTheirHeader() {
        TextTable t = new TextTable()
                .column("NAME", Align.LEFT)
                .shrinkableColumn("IMAGE", Align.LEFT);
        t.row("edm-api", "registry.local/edm/api:1.4.2");
        List<String> lines = t.lines(20);
        assertEquals("edm-api  registry.l…", lines.get(1));
        assertTrue(lines.stream().allMatch(l -> Cells.width(l) <= 20));
        List<String> tiny = t.lines(5);
        assertEquals("edm-api  regi…", tiny.get(1)); // IMAGE keeps its header width; the terminal wraps the rest
    }

    @Test
    void cellTextCannotBreakTheLayout() {
        TextTable t = new TextTable().column("A", Align.LEFT).column("B", Align.LEFT);
        t.row("two\nlines", "tab\there\u001B[31m");
        List<String> lines = t.lines(Integer.MAX_VALUE);
        assertEquals(2, lines.size());
        assertEquals("two lines  tab here\uFFFD[31m", lines.get(1));
    }

    @Test
    void optionalHeaderRule() {
        TextTable t = new TextTable().column("名称", Align.LEFT).column("N", Align.RIGHT).headerRule(true);
        t.row("a", "10");
        assertEquals(List.of("名称   N", "────  ──", "a     10"), t.lines(Integer.MAX_VALUE));
    }

    @Test
    void misuseIsReported() {
        TextTable t = new TextTable().column("A", Align.LEFT);
        assertThrows(IllegalArgumentException.class, () -> t.row("1", "2"));
        t.row("1");
        assertThrows(IllegalStateException.class, () -> t.column("B", Align.LEFT));
        assertThrows(IllegalStateException.class, () -> new TextTable().row("x"));
    }
}
