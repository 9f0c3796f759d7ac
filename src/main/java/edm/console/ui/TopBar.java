package edm.console.ui;

import edm.console.i18n.Messages;
import edm.console.text.Cells;

/** Row 0: the console's name, a tab per panel (the active one marked), zoomed and read-only. */
final class TopBar {
    private static final String BRAND = " edm-console ";
    private final UiContext ctx;
    // The labels are made once per language, not per frame.
    private String[] panelLabels;
    private int panelLabelsWidth;
    private Messages panelLabelsMessages;

    TopBar(UiContext ctx) {
        this.ctx = ctx;
    }

    void draw(Canvas full, UiState s, Layout layout) {
        Messages m = ctx.messages();
        full.fillRow(0, Style.STATUS_BAR);
        if (panelLabels == null || panelLabelsMessages != m) {
            String[] labels = new String[Panel.values().length];
            int width = 0;
            for (Panel p : Panel.values()) {
                labels[p.ordinal()] = " " + (p.ordinal() + 1) + " " + m.get(p.titleKey) + " ";
                width += Cells.width(labels[p.ordinal()]);
            }
            panelLabels = labels;
            panelLabelsWidth = width;
            panelLabelsMessages = m;
        }
        // Seven tabs do not fit 80 columns beside the name: then the tabs alone, side by side, every one readable.
        boolean roomy = Cells.width(BRAND) + panelLabelsWidth + panelLabels.length <= full.width();
        int col = roomy ? full.text(0, 0, BRAND, Style.STATUS_BAR) : 0;
        int gap = roomy ? 1 : 0;
        for (Panel p : Panel.values()) {
            String label = panelLabels[p.ordinal()];
            boolean active = p == s.panel && s.view == UiState.View.DASHBOARD;
            col = full.text(col + gap, 0, label, active ? Style.TITLE_ACTIVE : Style.STATUS_BAR);
        }
        if (layout.tabbed() && s.zoomed) {
            full.text(col + 2, 0, m.get("top.zoomed"), Style.MUTED);
        }
        if (ctx.keys().readOnly()) {
            String ro = " " + m.get("top.readOnly") + " ";
            full.text(full.width() - Cells.width(ro), 0, ro, Style.WARNING);
        }
    }
}
