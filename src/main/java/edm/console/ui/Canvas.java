package edm.console.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import edm.console.text.Align;
import edm.console.text.Cells;
import edm.console.text.TerminalSafe;

/**
 * Where panels draw: a rectangle of a Lanterna TextGraphics plus the theme. Every string goes
 * through {@link TerminalSafe} and is clipped to the rectangle in terminal cells, so no panel can
 * draw outside its area or let untrusted text reach the terminal raw.
 */
public final class Canvas {
    private final TextGraphics g;
    private final Theme theme;
    private final Rect area;

    public Canvas(TextGraphics g, Theme theme, Rect area) {
        this.g = g;
        this.theme = theme;
        this.area = area;
    }

    public static Canvas full(TextGraphics g, Theme theme) {
        TerminalSize s = g.getSize();
        return new Canvas(g, theme, new Rect(0, 0, s.getColumns(), s.getRows()));
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
        String shown = Cells.width(safe) > room ? Cells.truncate(safe, room) : safe;
        apply(style);
        g.putString(area.col() + col, area.row() + row, shown);
        return col + Cells.width(shown);
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
        apply(style);
        Canvas clip = sub(col, row, width, height);
        if (clip.area.width() > 0 && clip.area.height() > 0) {
            g.fillRectangle(new TerminalPosition(clip.area.col(), clip.area.row()),
                    new TerminalSize(clip.area.width(), clip.area.height()), ' ');
        }
    }

    /** A single-line frame around the whole canvas with a title in the top edge. */
    public void frame(String title, boolean active) {
        int w = area.width();
        int h = area.height();
        if (w < 2 || h < 2) {
            return;
        }
        apply(Style.BORDER);
        g.drawLine(area.col() + 1, area.row(), area.col() + w - 2, area.row(), '─');
        g.drawLine(area.col() + 1, area.row() + h - 1, area.col() + w - 2, area.row() + h - 1, '─');
        g.drawLine(area.col(), area.row() + 1, area.col(), area.row() + h - 2, '│');
        g.drawLine(area.col() + w - 1, area.row() + 1, area.col() + w - 1, area.row() + h - 2, '│');
        g.setCharacter(area.col(), area.row(), '┌');
        g.setCharacter(area.col() + w - 1, area.row(), '┐');
        g.setCharacter(area.col(), area.row() + h - 1, '└');
        g.setCharacter(area.col() + w - 1, area.row() + h - 1, '┘');
        if (title != null && !title.isEmpty() && w > 6) {
            String t = " " + Cells.truncate(title, w - 6) + " ";
            text(2, 0, t, active ? Style.TITLE_ACTIVE : Style.TITLE);
        }
    }

    /** The canvas inside a frame. */
    public Canvas inner() {
        return sub(1, 1, area.width() - 2, area.height() - 2);
    }

    private void apply(Style style) {
        Theme.Look look = theme.look(style);
        g.setForegroundColor(look.foreground());
        g.setBackgroundColor(look.background());
        g.clearModifiers();
        if (!look.sgr().isEmpty()) {
            g.setModifiers(java.util.EnumSet.copyOf(look.sgr()));
        }
    }

    /** A rectangle in absolute screen cells. */
    public record Rect(int col, int row, int width, int height) {
    }
}
