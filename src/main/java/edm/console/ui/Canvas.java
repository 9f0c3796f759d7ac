package edm.console.ui;

import edm.console.text.Align;
import edm.console.text.Cells;
import edm.console.text.TerminalSafe;
import edm.console.ui.render.CellBuffer;

/**
 * Where panels draw: a rectangle of the frame's {@link CellBuffer} plus the theme. Every string goes
 * through {@link TerminalSafe} and {@link Cells#forLanterna} and is clipped to the rectangle in
 * terminal cells, so no panel can draw outside its area or let untrusted text reach the terminal raw,
 * and the terminal places every character where the buffer says it is.
 */
public final class Canvas {
    private static final CellBuffer.CodePointWidth WIDTH = Cells::width;

    private final CellBuffer g;
    private final Theme theme;
    private final Rect area;

    public Canvas(CellBuffer g, Theme theme, Rect area) {
        this.g = g;
        this.theme = theme;
        this.area = area;
    }

    public static Canvas full(CellBuffer g, Theme theme) {
        return new Canvas(g, theme, new Rect(0, 0, g.width(), g.height()));
    }

    public Rect area() {
        return area;
    }

    public int width() {
        return area.width();
    }

    public int height() {
        return area.height();
    }

    public Theme theme() {
        return theme;
    }

    /** A canvas for a sub-rectangle, in this canvas's coordinates, clipped to it. */
    public Canvas sub(int col, int row, int width, int height) {
        int c = Math.max(0, col);
        int r = Math.max(0, row);
        int w = Math.max(0, Math.min(width, area.width() - c));
        int h = Math.max(0, Math.min(height, area.height() - r));
        return new Canvas(g, theme, new Rect(area.col() + c, area.row() + r, w, h));
    }

    /** Writes text at (col,row), cut at the right edge. Returns the column after the text. */
    public int text(int col, int row, String text, Style style) {
        if (row < 0 || row >= area.height() || col >= area.width()) {
            return col;
        }
        String safe = Cells.forLanterna(TerminalSafe.clean(text));
        int room = area.width() - col;
        int width = Cells.width(safe);
        String shown = width > room ? Cells.truncate(safe, room) : safe;
        if (shown != safe) {
            width = Cells.width(shown);
        }
        // Text left of the canvas (a negative col) is clipped cell by cell, as the right edge is.
        g.put(area.col() + col, area.row() + row, shown, style.ordinal(), area.col(), area.col() + area.width(), WIDTH);
        return col + width;
    }

    /** Writes text padded/truncated to exactly {@code cells} wide. */
    public void cell(int col, int row, int cells, String text, Style style, boolean alignRight) {
        if (cells <= 0) {
            return;
        }
        String safe = Cells.forLanterna(TerminalSafe.clean(text));
        text(col, row, Cells.fit(safe, cells, alignRight ? Align.RIGHT : Align.LEFT), style);
    }

    public void fillRow(int row, Style style) {
        fill(0, row, area.width(), 1, style);
    }

    public void fill(int col, int row, int width, int height, Style style) {
        Canvas clip = sub(col, row, width, height);
        if (clip.area.width() > 0 && clip.area.height() > 0) {
            g.fill(clip.area.col(), clip.area.row(), clip.area.width(), clip.area.height(), ' ', style.ordinal());
        }
    }

    /** A single-line frame around the whole canvas with a title in the top edge. */
    public void frame(String title, boolean active) {
        int w = area.width();
        int h = area.height();
        if (w < 2 || h < 2) {
            return;
        }
        int border = Style.BORDER.ordinal();
        int c = area.col();
        int r = area.row();
        g.fill(c + 1, r, w - 2, 1, '─', border);
        g.fill(c + 1, r + h - 1, w - 2, 1, '─', border);
        g.fill(c, r + 1, 1, h - 2, '│', border);
        g.fill(c + w - 1, r + 1, 1, h - 2, '│', border);
        g.set(c, r, '┌', border);
        g.set(c + w - 1, r, '┐', border);
        g.set(c, r + h - 1, '└', border);
        g.set(c + w - 1, r + h - 1, '┘', border);
        if (title != null && !title.isEmpty() && w > 6) {
            String t = " " + Cells.truncate(title, w - 6) + " ";
            text(2, 0, t, active ? Style.TITLE_ACTIVE : Style.TITLE);
        }
    }

    /** The canvas inside a frame. */
    public Canvas inner() {
        return sub(1, 1, area.width() - 2, area.height() - 2);
    }

    /** A rectangle in absolute screen cells. */
    public record Rect(int col, int row, int width, int height) {
    }
}
