package edm.console.ui.render;

import java.util.Arrays;

/**
 * One frame as plain arrays: a code point and a style id per terminal cell. A wide character keeps
 * its code point in its first cell and {@link #WIDE_TAIL} in the second. Writes are clipped to the
 * buffer and mark their rows dirty, so the painter compares only rows something was drawn on (a
 * clock tick touches the status bar's row and nothing else).
 *
 * <p>Text handed to {@link #put} must already be terminal-safe and agreed on in width
 * ({@code TerminalSafe.clean} then {@code Cells.forLanterna}): every code point is then one or two
 * cells, in this buffer, in Lanterna's virtual terminal and in the real one.
 */
public final class CellBuffer {
    /** The second cell of a wide character. */
    public static final int WIDE_TAIL = -1;
    /** A cell whose content is not known (the painter's copy of a terminal it has not drawn yet). */
    static final int UNKNOWN = -2;

    private final int width;
    private final int height;
    final int[] codePoints;
    final byte[] styles;
    final boolean[] dirtyRows;

    public CellBuffer(int width, int height) {
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
        codePoints = new int[this.width * this.height];
        styles = new byte[this.width * this.height];
        dirtyRows = new boolean[this.height];
        Arrays.fill(codePoints, ' ');
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The code point at a cell ({@link #WIDE_TAIL} for the right half of a wide character). */
    public int codePoint(int col, int row) {
        return codePoints[row * width + col];
    }

    public int style(int col, int row) {
        return styles[row * width + col];
    }

    /**
     * Writes {@code text} from (col,row), one or two cells per code point as {@code widthOf} says,
     * only in the columns {@code from} (inclusive) to {@code limit} (exclusive), also clipped to the
     * buffer. A wide character that does not fit whole is left out and its cell(s) blanked. Returns
     * the column after the text.
     */
    public int put(int col, int row, String text, int style, int from, int limit, CodePointWidth widthOf) {
        if (row < 0 || row >= height) {
            return col;
        }
        int start = Math.max(0, from);
        int end = Math.min(limit, width);
        int c = col;
        int base = row * width;
        boolean touched = false;
        for (int i = 0; i < text.length() && c < end; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int w = widthOf.cells(cp);
            if (w <= 0) {
                continue;
            }
            if (c < start) {
                if (c + w > start) {
                    store(base, start, ' ', style); // the right half of a wide character cut by the left edge
                    touched = true;
                }
                c += w; // left of the area: clipped
                continue;
            }
            if (w == 2 && c + 1 >= end) {
                store(base, c, ' ', style);
                touched = true;
                c++;
                break;
            }
            store(base, c, cp, style);
            if (w == 2) {
                store(base, c + 1, WIDE_TAIL, style);
            }
            touched = true;
            c += w;
        }
        if (touched) {
            dirtyRows[row] = true;
        }
        return c;
    }

    /** Fills a rectangle (clipped) with one narrow code point. */
    public void fill(int col, int row, int w, int h, int cp, int style) {
        int c0 = Math.max(0, col);
        int c1 = Math.min(width, col + w);
        int r0 = Math.max(0, row);
        int r1 = Math.min(height, row + h);
        if (c0 >= c1) {
            return;
        }
        for (int r = r0; r < r1; r++) {
            int base = r * width;
            for (int c = c0; c < c1; c++) {
                store(base, c, cp, style);
            }
            dirtyRows[r] = true;
        }
    }

    /** One narrow code point at a cell (clipped). */
    public void set(int col, int row, int cp, int style) {
        if (col < 0 || col >= width || row < 0 || row >= height) {
            return;
        }
        store(row * width, col, cp, style);
        dirtyRows[row] = true;
    }

    /**
     * Stores a cell; a wide character cut in half by it loses its other half (blanked), as in a
     * terminal, so the buffer never holds half a wide character.
     */
    private void store(int base, int col, int cp, int style) {
        int i = base + col;
        if (codePoints[i] == WIDE_TAIL && cp != WIDE_TAIL && col > 0) {
            codePoints[i - 1] = ' ';
        }
        if (col + 1 < width && codePoints[i + 1] == WIDE_TAIL) {
            codePoints[i + 1] = ' ';
        }
        codePoints[i] = cp;
        styles[i] = (byte) style;
    }

    /** The rows of this buffer as text (a wide character's tail left out), for tests and traces. */
    public String row(int row) {
        StringBuilder b = new StringBuilder(width);
        for (int c = 0; c < width; c++) {
            int cp = codePoints[row * width + c];
            if (cp >= 0) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** How many cells a code point takes (1 or 2 for text that went through {@code Cells.forLanterna}). */
    @FunctionalInterface
    public interface CodePointWidth {
        int cells(int codePoint);
    }
}
