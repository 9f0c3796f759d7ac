package edm.console.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import edm.console.text.Cells;
import edm.console.ui.Style;
import edm.console.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The painter writes only what changed, and what the terminal ends up showing is exactly what a
 * complete repaint of the same frame shows: characters, wide characters, colours and SGR.
 */
class TerminalPainterTest {
    private static final Theme THEME = Theme.load("dark");
    private static final int W = 40;
    private static final int H = 6;

    /** A virtual terminal that records what the painter sends it. */
    static final class RecordingTerminal extends DefaultVirtualTerminal {
        final List<String> strings = new ArrayList<>();
        final List<Integer> rowsMovedTo = new ArrayList<>();
        int flushes;

        RecordingTerminal() {
            super(new TerminalSize(W, H));
        }

        @Override
        public synchronized void putString(String s) {
            strings.add(s);
            super.putString(s);
        }

        @Override
        public synchronized void setCursorPosition(int col, int row) {
            rowsMovedTo.add(row);
            super.setCursorPosition(col, row);
        }

        @Override
        public synchronized void flush() {
            flushes++;
            super.flush();
        }

        void reset() {
            strings.clear();
            rowsMovedTo.clear();
            flushes = 0;
        }
    }

    private static void put(CellBuffer b, int col, int row, String text, Style style) {
        b.put(col, row, Cells.forLanterna(text), style.ordinal(), 0, b.width(), Cells::width);
    }

    private static CellBuffer base() {
        CellBuffer b = new CellBuffer(W, H);
        b.fill(0, 0, W, H, ' ', Style.NORMAL.ordinal());
        put(b, 0, 0, " edm-console  1 Containers ", Style.STATUS_BAR);
        put(b, 1, 2, "edm-backend-prod   running  12.5%", Style.NORMAL);
        put(b, 1, 3, "数据库 postgres     healthy", Style.OK);
        put(b, 0, H - 1, " 10:00:00 ", Style.STATUS_BAR);
        return b;
    }

    /** The same frame painted from scratch on a fresh terminal. */
    private static RecordingTerminal repaintedFromScratch(CellBuffer frame) throws Exception {
        CellBuffer copy = new CellBuffer(W, H);
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                int cp = frame.codePoint(c, r);
                if (cp != CellBuffer.WIDE_TAIL) {
                    copy.put(c, r, new String(Character.toChars(cp)), frame.style(c, r), 0, W, Cells::width);
                }
            }
        }
        RecordingTerminal t = new RecordingTerminal();
        new TerminalPainter(t, THEME).paint(copy, true);
        return t;
    }

    private static void assertSameScreen(DefaultVirtualTerminal expected, DefaultVirtualTerminal actual) {
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                TextCharacter e = expected.getBufferCharacter(c, r);
                TextCharacter a = actual.getBufferCharacter(c, r);
                String at = "cell " + c + "," + r;
                assertEquals(e.getCharacterString(), a.getCharacterString(), at);
                assertEquals(e.getForegroundColor(), a.getForegroundColor(), at);
                assertEquals(e.getBackgroundColor(), a.getBackgroundColor(), at);
                assertEquals(e.getModifiers(), a.getModifiers(), at);
            }
        }
    }

    @Test
    void aChangedValueIsTheOnlyTextWrittenAndTheScreenEndsAsAFullRepaint() throws Exception {
        RecordingTerminal t = new RecordingTerminal();
        TerminalPainter p = new TerminalPainter(t, THEME);
        CellBuffer frame = base();
        p.paint(frame, true);
        assertEquals(W * H - 3, p.cellsWritten(), "a complete paint writes every cell (数据库: three characters in six cells)");

        t.reset();
        put(frame, 1, 2, "edm-backend-prod   running  13.0%", Style.NORMAL); // the whole row is redrawn, one value differs
        p.paint(frame, false);
        assertEquals(List.of("3.0"), t.strings, "only the changed run goes out");
        assertEquals(List.of(2), t.rowsMovedTo);
        assertEquals(1, t.flushes);
        assertSameScreen(repaintedFromScratch(frame), t);
    }

    @Test
    void anUnchangedFrameWritesNothingAndDoesNotFlush() throws Exception {
        RecordingTerminal t = new RecordingTerminal();
        TerminalPainter p = new TerminalPainter(t, THEME);
        CellBuffer frame = base();
        p.paint(frame, true);
        t.reset();
        CellBuffer again = base(); // every row drawn again, identically
        p.paint(again, false);
        assertEquals(List.of(), t.strings);
        assertEquals(0, t.flushes);
    }

    @Test
    void wideCharactersReplacedByNarrowOnesAndBackLeaveNoHalfCharacterBehind() throws Exception {
        RecordingTerminal t = new RecordingTerminal();
        TerminalPainter p = new TerminalPainter(t, THEME);
        CellBuffer frame = base();
        p.paint(frame, true);

        put(frame, 2, 3, "xy", Style.OK); // cuts 数 (cells 1-2) and 据 (cells 3-4) in half
        assertEquals(' ', frame.codePoint(1, 3), "the cut wide character's other half is blanked");
        assertEquals(' ', frame.codePoint(4, 3));
        p.paint(frame, false);
        assertSameScreen(repaintedFromScratch(frame), t);

        put(frame, 1, 3, "容器运行", Style.OK);
        p.paint(frame, false);
        assertSameScreen(repaintedFromScratch(frame), t);
        assertEquals("容", t.getBufferCharacter(1, 3).getCharacterString());
        assertEquals("器", t.getBufferCharacter(3, 3).getCharacterString());
        assertEquals("行", t.getBufferCharacter(7, 3).getCharacterString());
    }

    @Test
    void aWideCharacterThatDoesNotFitAtTheEdgeIsLeftOut() {
        CellBuffer b = new CellBuffer(5, 1);
        int end = b.put(0, 0, "ab数据", Style.NORMAL.ordinal(), 0, 5, Cells::width);
        assertEquals("ab数 ", b.row(0));
        assertEquals(5, end);
    }

    @Test
    void aStyleChangeAloneIsRepaintedWithTheThemesColours() throws Exception {
        RecordingTerminal t = new RecordingTerminal();
        TerminalPainter p = new TerminalPainter(t, THEME);
        CellBuffer frame = base();
        p.paint(frame, true);
        t.reset();
        put(frame, 1, 2, "edm-backend-prod", Style.SELECTED);
        p.paint(frame, false);
        assertEquals(List.of("edm-backend-prod"), t.strings);
        Theme.Look selected = THEME.look(Style.SELECTED);
        TextCharacter c = t.getBufferCharacter(1, 2);
        assertEquals(selected.foreground(), c.getForegroundColor());
        assertEquals(selected.background(), c.getBackgroundColor());
        assertEquals(selected.sgr(), c.getModifiers());
        assertSameScreen(repaintedFromScratch(frame), t);
    }

    @Test
    void onlyRowsDrawnOnAreCompared() throws Exception {
        RecordingTerminal t = new RecordingTerminal();
        TerminalPainter p = new TerminalPainter(t, THEME);
        CellBuffer frame = base();
        p.paint(frame, true);
        t.reset();
        put(frame, 0, H - 1, " 10:00:01 ", Style.STATUS_BAR);
        p.paint(frame, false);
        assertEquals(List.of(H - 1), t.rowsMovedTo);
        assertEquals(List.of("1"), t.strings);
    }

    @Test
    void aCompleteRepaintRewritesEverythingEvenWhenNothingChanged() throws Exception {
        RecordingTerminal t = new RecordingTerminal();
        TerminalPainter p = new TerminalPainter(t, THEME);
        CellBuffer frame = base();
        p.paint(frame, true);
        p.paint(frame, true);
        assertEquals(W * H - 3, p.cellsWritten());
        assertTrue(t.flushes >= 2);
    }
}
