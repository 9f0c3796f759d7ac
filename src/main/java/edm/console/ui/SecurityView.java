package edm.console.ui;

import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.security.SecurityReport;
import edm.console.ui.panels.SecurityLines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the Security panel: when the rules last ran (or "checking..." until the first report), then one row
 * per finding; Enter opens the selected finding's full text under its row. The header stays put while the
 * rows scroll to keep the selection (and its detail) in view.
 */
final class SecurityView {
    private SecurityView() {
    }

    static String title(SecurityState s, Messages m) {
        SecurityReport r = s.report;
        String name = m.get("panel.security");
        return r == null ? name : m.get("securityPanel.title", name, r.problems().size(), r.findings().size());
    }

    static void draw(Canvas c, SecurityState s, Instant now, Messages m, Format f) {
        int row = 0;
        if (s.report != null || s.error == null) {
            StyledText header = SecurityLines.header(s.report, s.checking, now, m, f);
            c.text(1, row++, header.text(), header.style());
        }
        if (s.error != null) {
            c.text(1, row++, s.error, Style.CRITICAL);
        }
        if (s.report == null || c.height() <= row) {
            return;
        }
        int width = c.width() - 1;
        List<List<StyledText>> lines = new ArrayList<>();
        int selectedLine = 0;
        int selectedLast = 0;
        List<List<StyledText>> rows = SecurityLines.rows(s.report, s.selected, width, m);
        for (int i = 0; i < rows.size(); i++) {
            if (i == s.selected) {
                selectedLine = lines.size();
            }
            lines.add(rows.get(i));
            if (i == s.selected && s.expanded) {
                // The full text, wrapped and indented under its row: nothing of a path or a command is cut.
                for (StyledText t : BannerView.wrapped(SecurityLines.detail(s.report.findings().get(i), m), width - 4)) {
                    lines.add(List.of(StyledText.plain("    "), t));
                }
            }
            if (i == s.selected) {
                selectedLast = lines.size() - 1;
            }
        }
        int height = c.height() - row;
        s.scroll = visibleFrom(s.scroll, selectedLine, selectedLast, height, lines.size());
        LinesView.draw(c.sub(1, row, width, height), lines, s.scroll);
    }

    /** The first line to show so the selected row (and as much of its detail as fits) is on screen. */
    static int visibleFrom(int scroll, int first, int last, int height, int total) {
        int from = scroll;
        if (last >= from + height) {
            from = last - height + 1;
        }
        if (first < from) {
            from = first;
        }
        return Math.max(0, Math.min(from, Math.max(0, total - height)));
    }
}
