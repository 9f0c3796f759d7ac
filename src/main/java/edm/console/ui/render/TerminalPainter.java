package edm.console.ui.render;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.Terminal;
import edm.console.ui.Style;
import edm.console.ui.Theme;
import java.io.IOException;

/**
 * Sends a {@link CellBuffer} to a Lanterna terminal, writing only what differs from the frame the
 * terminal already shows: per changed run a cursor move, the colours and SGR only when they change,
 * and the run's text; one flush per frame. Only the rows drawn on since the last paint are compared.
 * A complete paint (the first frame, a resize, an explicit repaint) clears the terminal and writes
 * every cell.
 *
 * <p>This replaces Lanterna's Screen for output: its per-cell {@code TextCharacter} look-ups (a Unicode
 * block search per cell written, and a scan of every cell on every refresh) were most of an idle
 * console's CPU. Widths come from {@code Cells}, which the callers use to lay text out, so the
 * terminal and the buffer agree where every character is.
 *
 * <p>On a terminal that is an {@link AnsiOutput} (the console's own) a frame is one string of the
 * escape sequences Lanterna's ANSI terminal would write for the same calls, written at once; on any
 * other terminal (the tests' virtual one) the same steps are Lanterna calls.
 */
public final class TerminalPainter {
    /** Unchanged cells between two changed ones that are rewritten rather than jumped over with a cursor move. */
    private static final int MERGE_GAP = 4;

    private final Terminal terminal;
    /** The terminal as a taker of whole frames; null when it is not one. */
    private final AnsiOutput ansi;
    /** The frame being written to {@link #ansi}. */
    private final StringBuilder frame = new StringBuilder(8192);
    private final Theme.Look[] looks;
    private final StringBuilder text = new StringBuilder(256);
    /** What the terminal shows; null before the first paint. */
    private CellBuffer shown;
    /** The colours and SGR the terminal is set to; null when unknown. */
    private Theme.Look current;
    private int cellsWritten;

    public TerminalPainter(Terminal terminal, Theme theme) {
        this.terminal = terminal;
        this.ansi = terminal instanceof AnsiOutput a ? a : null;
        Style[] styles = Style.values();
        this.looks = new Theme.Look[styles.length];
        for (Style s : styles) {
            looks[s.ordinal()] = theme.look(s);
        }
    }

    /** Cells written to the terminal by the last paint (for tests and the frame trace). */
    public int cellsWritten() {
        return cellsWritten;
    }

    /**
     * Makes the terminal show {@code next}. {@code complete} (or a size other than the last frame's)
     * rewrites every cell. Afterwards no row of {@code next} is dirty.
     */
    public void paint(CellBuffer next, boolean complete) throws IOException {
        cellsWritten = 0;
        boolean all = complete || shown == null || shown.width() != next.width() || shown.height() != next.height();
        if (all) {
            shown = new CellBuffer(next.width(), next.height());
            java.util.Arrays.fill(shown.codePoints, CellBuffer.UNKNOWN);
            current = null;
            resetColorAndSGR();
            if (ansi != null) {
                frame.append("\033[2J\033[?25l");
            } else {
                terminal.clearScreen();
                terminal.setCursorVisible(false);
            }
        }
        int w = next.width();
        boolean wrote = all;
        for (int r = 0; r < next.height(); r++) {
            if (!all && !next.dirtyRows[r]) {
                continue;
            }
            next.dirtyRows[r] = false;
            int base = r * w;
            int c = 0;
            while (c < w) {
                if (same(next, base + c)) {
                    c++;
                    continue;
                }
                int start = c > 0 && next.codePoints[base + c] == CellBuffer.WIDE_TAIL ? c - 1 : c;
                int end = c;
                for (int k = c + 1; k < w && k - end <= MERGE_GAP; k++) {
                    if (!same(next, base + k)) {
                        end = k;
                    }
                }
                if (end + 1 < w && next.codePoints[base + end + 1] == CellBuffer.WIDE_TAIL) {
                    end++;
                }
                writeRun(next, r, start, end);
                wrote = true;
                c = end + 1;
            }
            System.arraycopy(next.codePoints, base, shown.codePoints, base, w);
            System.arraycopy(next.styles, base, shown.styles, base, w);
        }
        if (wrote) {
            if (ansi != null) {
                ansi.writeAnsi(frame.toString());
                frame.setLength(0);
            }
            terminal.flush();
        }
    }

    private boolean same(CellBuffer next, int i) {
        return next.codePoints[i] == shown.codePoints[i] && next.styles[i] == shown.styles[i];
    }

    private void writeRun(CellBuffer next, int row, int start, int end) throws IOException {
        if (ansi != null) {
            frame.append("\033[").append(row + 1).append(';').append(start + 1).append('H');
        } else {
            terminal.setCursorPosition(start, row);
        }
        int base = row * next.width();
        int runStyle = -1;
        text.setLength(0);
        for (int c = start; c <= end; c++) {
            int cp = next.codePoints[base + c];
            if (cp == CellBuffer.WIDE_TAIL) {
                continue;
            }
            int style = next.styles[base + c];
            if (style != runStyle) {
                putText();
                style(looks[style]);
                runStyle = style;
            }
            // A control character (never in a sanitised buffer) would move the terminal's cursor: a space instead.
            text.appendCodePoint(cp < ' ' || cp == 0x7f ? ' ' : cp);
            cellsWritten++;
        }
        putText();
    }

    private void putText() throws IOException {
        if (text.length() > 0) {
            if (ansi != null) {
                frame.append(text);
            } else {
                terminal.putString(text.toString());
            }
            text.setLength(0);
        }
    }

    private void style(Theme.Look look) throws IOException {
        if (look == current || look.equals(current)) {
            return;
        }
        if (current == null || !look.sgr().equals(current.sgr())) {
            resetColorAndSGR();
            for (SGR s : look.sgr()) {
                enableSGR(s);
            }
            foreground(look.foreground());
            background(look.background());
        } else {
            if (!look.foreground().equals(current.foreground())) {
                foreground(look.foreground());
            }
            if (!look.background().equals(current.background())) {
                background(look.background());
            }
        }
        current = look;
    }

    private void resetColorAndSGR() throws IOException {
        if (ansi != null) {
            frame.append("\033[0m");
        } else {
            terminal.resetColorAndSGR();
        }
    }

    private void enableSGR(SGR s) throws IOException {
        if (ansi != null) {
            frame.append("\033[").append(sgrCode(s)).append('m');
        } else {
            terminal.enableSGR(s);
        }
    }

    private void foreground(TextColor color) throws IOException {
        if (ansi != null) {
            sgr(color.getForegroundSGRSequence());
        } else {
            terminal.setForegroundColor(color);
        }
    }

    private void background(TextColor color) throws IOException {
        if (ansi != null) {
            sgr(color.getBackgroundSGRSequence());
        } else {
            terminal.setBackgroundColor(color);
        }
    }

    private void sgr(byte[] parameters) {
        frame.append("\033[");
        for (byte b : parameters) {
            frame.append((char) b);
        }
        frame.append('m');
    }

    /** The parameter Lanterna's ANSI terminal writes to enable each SGR. */
    private static String sgrCode(SGR s) {
        return switch (s) {
            case BLINK -> "5";
            case BOLD -> "1";
            case BORDERED -> "51";
            case CIRCLED -> "52";
            case CROSSED_OUT -> "9";
            case FRAKTUR -> "20";
            case REVERSE -> "7";
            case UNDERLINE -> "4";
            case ITALIC -> "3";
        };
    }
}
