package edm.console.ui;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where each panel goes for a terminal size. A big terminal shows every panel at once; below
 * 120×32 (or when the operator zooms) one panel fills the body and the top bar works as tabs.
 * Row 0 is the top bar, the last two rows are the hint bar and the status bar. Wide: containers on top,
 * resources and logs side by side below.
 */
public record Layout(boolean tabbed, Map<Panel, Canvas.Rect> panels, Canvas.Rect body) {
    public static final int MIN_WIDE_COLUMNS = 120;
    public static final int MIN_WIDE_ROWS = 32;

    public static Layout compute(int cols, int rows, Panel active, boolean zoomed, int resourcesLines) {
        int bodyRows = Math.max(1, rows - 3);
        Canvas.Rect body = new Canvas.Rect(0, 1, cols, bodyRows);
        Map<Panel, Canvas.Rect> panels = new EnumMap<>(Panel.class);
        boolean tabbed = zoomed || cols < MIN_WIDE_COLUMNS || rows < MIN_WIDE_ROWS;
        if (tabbed) {
            panels.put(active, body);
            return new Layout(true, panels, body);
        }
        // Below: resources at the left, as tall as its content (plus frame), logs at the right; together
        // never more than half the body, and at least what resources need.
        int bottom = Math.max(Math.min(resourcesLines + 2, bodyRows / 2), bodyRows * 2 / 5);
        int containers = bodyRows - bottom;
        int resourcesWidth = Math.max(60, cols * 9 / 20);
        panels.put(Panel.CONTAINERS, new Canvas.Rect(0, 1, cols, containers));
        panels.put(Panel.RESOURCES, new Canvas.Rect(0, 1 + containers, resourcesWidth, bottom));
        panels.put(Panel.LOGS, new Canvas.Rect(resourcesWidth, 1 + containers, cols - resourcesWidth, bottom));
        return new Layout(false, panels, body);
    }
}
