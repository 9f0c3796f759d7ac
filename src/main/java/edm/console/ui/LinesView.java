package edm.console.ui;

import java.util.List;

/** Draws prepared lines of styled text into a canvas, from a scroll offset. */
public final class LinesView {
    private LinesView() {
    }

    public static void draw(Canvas c, List<List<StyledText>> lines, int scroll) {
        for (int row = 0; row < c.height() && scroll + row < lines.size(); row++) {
            int col = 0;
            for (StyledText t : lines.get(scroll + row)) {
                col = c.text(col, row, t.text(), t.style());
            }
        }
    }

    /** The largest useful scroll offset for this many lines in this height. */
    public static int maxScroll(int lines, int height) {
        return Math.max(0, lines - height);
    }
}
