package edm.console.ui;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where each panel goes for a terminal size. A big terminal shows every panel at once; below
 * 120×32 (or when the operator zooms) one panel fills the body and the top bar works as tabs.
 * Row 0 is the top bar, the last two rows are the hint bar and the status bar.
 */
public record Layout(boolean tabbed, Map<Panel, Canvas.Rect> panels, Canvas.Rect body) {
    public static final int MIN_WIDE_COLUMNS = 120;
    public static final int MIN_WIDE_ROWS = 32;

    public static Layout compute(int cols, int rows, Panel active, boolean zoomed, int resourcesLines) {
        int bodyRows = Math.max(1, rows - 3);
        Canvas.Rect body = new Canvas.Rect(0, 1, cols, bodyRows);
        Map<Panel, Canvas.Rect> panels = new EnumMap<>(Panel.class);
        // The Security panel's rows carry evidence and a fix: they need the whole width, so it always fills the body.
        boolean tabbed = zoomed || cols < MIN_WIDE_COLUMNS || rows < MIN_WIDE_ROWS || active == Panel.SECURITY;
        if (tabbed) {
            panels.put(active, body);
            return new Layout(true, panels, body);
        }
        // Three bands: containers on top; health and alerts side by side; resources and logs side by side
        // at the bottom, as tall as resources need but never more than two fifths of the body.
        int bottom = Math.max(Math.min(resourcesLines + 2, bodyRows * 2 / 5), bodyRows / 3);
        int middle = Math.max(5, (bodyRows - bottom) * 2 / 5);
        int containers = bodyRows - bottom - middle;
        int leftWidth = Math.max(60, cols * 9 / 20);
        int healthWidth = Math.max(56, cols * 9 / 20);
        int backupsWidth = Math.max(34, cols / 5);
        panels.put(Panel.CONTAINERS, new Canvas.Rect(0, 1, cols, containers));
        panels.put(Panel.HEALTH, new Canvas.Rect(0, 1 + containers, healthWidth, middle));
        panels.put(Panel.ALERTS, new Canvas.Rect(healthWidth, 1 + containers, cols - healthWidth - backupsWidth, middle));
        panels.put(Panel.BACKUPS, new Canvas.Rect(cols - backupsWidth, 1 + containers, backupsWidth, middle));
        panels.put(Panel.RESOURCES, new Canvas.Rect(0, 1 + containers + middle, leftWidth, bottom));
        panels.put(Panel.LOGS, new Canvas.Rect(leftWidth, 1 + containers + middle, cols - leftWidth, bottom));
        return new Layout(false, panels, body);
    }
}
