package edm.console.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import edm.console.text.Cells;
import edm.console.ui.Style;
import edm.console.ui.Theme;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The console's own terminal takes a frame as one string ({@link AnsiOutput}): those bytes are exactly
 * what Lanterna's ANSI terminal writes for the painter's calls, for a complete frame and for a partial
 * one, in every theme's colours and SGR, wide characters included. Less one thing: Lanterna encodes each
 * character on its own and writes the encoder's whole buffer, a NUL after some non-ASCII characters
 * (which terminals ignore); the frame has none.
 */
class AnsiPaintTest {
    private static final int W = 60;
    private static final int H = 8;

    /** Lanterna's ANSI terminal on a byte stream: the painter's calls become Lanterna's own escape sequences. */
    private static class LanternaAnsi extends ANSITerminal {
        final ByteArrayOutputStream bytes;
        int writes;

        LanternaAnsi(ByteArrayOutputStream bytes) {
            super(new ByteArrayInputStream(new byte[0]), bytes, StandardCharsets.UTF_8);
            this.bytes = bytes;
        }

        @Override
        protected void writeToTerminal(byte... b) throws IOException {
            writes++;
            super.writeToTerminal(b);
        }
    }

    /** The same terminal taking whole frames. */
    private static final class FrameAnsi extends LanternaAnsi implements AnsiOutput {
        FrameAnsi(ByteArrayOutputStream bytes) {
            super(bytes);
        }

        @Override
        public void writeAnsi(String text) throws IOException {
            writeToTerminal(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(CellBuffer b, int col, int row, String text, Style style) {
        b.put(col, row, Cells.forLanterna(text), style.ordinal(), 0, b.width(), Cells::width);
    }

    /** A frame using every style, and wide characters. */
    private static CellBuffer frame(String value) {
        CellBuffer b = new CellBuffer(W, H);
        b.fill(0, 0, W, H, ' ', Style.NORMAL.ordinal());
        Style[] styles = Style.values();
        for (int i = 0; i < styles.length; i++) {
            put(b, (i * 7) % (W - 6), 1 + i % (H - 2), "s" + i + "·", styles[i]);
        }
        put(b, 2, H - 2, "数据库 postgres " + value, Style.OK);
        put(b, 0, H - 1, " 10:00:0" + value + " ", Style.STATUS_BAR);
        return b;
    }

    @Test
    void aFrameWrittenAtOnceIsByteForByteWhatLanternaWouldWrite() throws Exception {
        for (String themeName : Theme.BUILT_IN) {
            Theme theme = Theme.load(themeName);
            LanternaAnsi lanterna = new LanternaAnsi(new ByteArrayOutputStream());
            FrameAnsi direct = new FrameAnsi(new ByteArrayOutputStream());
            TerminalPainter viaLanterna = new TerminalPainter(lanterna, theme);
            TerminalPainter viaFrame = new TerminalPainter(direct, theme);

            viaLanterna.paint(frame("1"), true);
            viaFrame.paint(frame("1"), true);
            assertEquals(withoutNul(lanterna), direct.bytes.toString(StandardCharsets.UTF_8), themeName + ": the complete frame");
            int callsBefore = direct.writes;

            CellBuffer a = frame("1");
            CellBuffer b = frame("1");
            viaLanterna.paint(a, false);
            viaFrame.paint(b, false);
            put(a, 2, H - 2, "数据库 postgres 2", Style.WARNING);
            put(b, 2, H - 2, "数据库 postgres 2", Style.WARNING);
            put(a, 0, H - 1, " 10:00:02 ", Style.STATUS_BAR);
            put(b, 0, H - 1, " 10:00:02 ", Style.STATUS_BAR);
            lanterna.bytes.reset();
            direct.bytes.reset();
            viaLanterna.paint(a, false);
            viaFrame.paint(b, false);
            assertTrue(lanterna.bytes.size() > 0, "the change went out");
            assertEquals(withoutNul(lanterna), direct.bytes.toString(StandardCharsets.UTF_8), themeName + ": a partial frame");
            assertEquals(1, direct.writes - callsBefore, themeName + ": one write per frame");
        }
    }

    private static String withoutNul(LanternaAnsi t) {
        return t.bytes.toString(StandardCharsets.UTF_8).replace("\0", "");
    }
}
