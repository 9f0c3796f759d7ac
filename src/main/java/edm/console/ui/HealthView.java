package edm.console.ui;

import edm.console.core.AlertState;
import edm.console.core.TimelineEntry;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import edm.console.ui.panels.AlertLines;
import edm.console.ui.panels.HealthLines;
import edm.console.ui.panels.TimelineLines;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Draws the Health and Alerts panels, the Events view and the alert prompt line. */
final class HealthView {
    private HealthView() {
    }

    static void drawHealth(Canvas inner, UiState s, UiContext ctx, Instant now) {
        LinesView.draw(inner, HealthLines.render(s.alerts.health, inner.width(), now, ctx.messages(), ctx.format()), 0);
    }

    static void drawAlerts(Canvas inner, UiState s, UiContext ctx, Instant now, boolean focused) {
        int selected = focused ? s.alerts.selected : -1;
        List<List<StyledText>> lines = AlertLines.render(s.alerts.health, selected, now, ctx.messages(), ctx.format());
        int scroll = Math.max(0, Math.min(s.alerts.selected - inner.height() + 1, lines.size() - inner.height()));
        LinesView.draw(inner, lines, Math.max(0, scroll));
    }

    static String alertsTitle(UiState s, Messages m) {
        long firing = s.alerts.health.alerts().stream().filter(a -> a.state() == AlertState.FIRING).count();
        return m.get("panel.alerts.count", m.get(Panel.ALERTS.titleKey), firing, s.alerts.health.alerts().size());
    }

    static void drawEvents(Canvas body, UiState s, UiContext ctx, List<TimelineEntry> shown) {
        Messages m = ctx.messages();
        StringBuilder filter = new StringBuilder();
        for (TimelineEntry.Source src : TimelineEntry.Source.values()) {
            boolean on = s.alerts.eventSources.contains(src);
            filter.append(on ? "[x] " : "[ ] ").append(m.get("events.source." + src.name().toLowerCase(Locale.ROOT))).append("  ");
        }
        body.frame(m.get("events.title", shown.size(), filter.toString().trim()), true);
        Canvas inner = body.inner();
        List<List<StyledText>> lines = TimelineLines.render(shown, s.alerts.eventSources, m, ctx.format());
        int max = LinesView.maxScroll(lines.size(), inner.height());
        int scroll = s.alerts.eventsAtEnd ? max : Math.min(s.alerts.eventsScroll, max);
        LinesView.draw(inner, lines, scroll);
    }

    /** The prompt replaces the hint bar while it is open: label, typed text and a cursor mark. */
    static void drawPrompt(Canvas full, AlertsState.Prompt p, Messages m) {
        int row = full.height() - 2;
        full.fillRow(row, Style.DIALOG);
        String key = switch (p.kind()) {
            case ACKNOWLEDGE -> "alerts.promptAck";
            case SNOOZE -> "alerts.promptSnooze";
        };
        String label = m.get(key,
                Cells.truncate(p.alertText(), Math.max(10, full.width() / 3))) + " ";
        int col = full.text(1, row, label, Style.DIALOG);
        col = full.text(col, row, p.editor().beforeCursor(), Style.SELECTED);
        full.text(col, row, "▏" + p.editor().text().substring(p.editor().beforeCursor().length()), Style.SELECTED);
    }
}
