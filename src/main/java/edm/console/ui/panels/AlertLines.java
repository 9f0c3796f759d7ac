package edm.console.ui.panels;

import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.HealthSnapshot;
import edm.console.core.Severity;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Alerts panel as lines (pure): firing first, each with how long it has lasted and its state. */
public final class AlertLines {
    private AlertLines() {
    }

    public static List<List<StyledText>> render(HealthSnapshot h, int selected, Instant now, Messages m, Format f) {
        List<List<StyledText>> out = new ArrayList<>();
        if (h.alerts().isEmpty()) {
            // "Within their thresholds" only once the network probes (whose every round has a PostgreSQL result,
            // UNKNOWN without a URL) have run: at start-up the first round is still on its way.
            boolean checked = h.probes().stream().anyMatch(p -> "postgres".equals(p.kind()));
            out.add(List.of(checked ? StyledText.of(m.get("alerts.none"), Style.OK) : StyledText.of(m.get("alerts.checking"), Style.MUTED)));
            return out;
        }
        for (int i = 0; i < h.alerts().size(); i++) {
            Alert a = h.alerts().get(i);
            Style st = switch (a.state()) {
                case FIRING -> a.acknowledged() || a.snoozed(now) ? Style.WARNING
                        : a.severity() == Severity.CRITICAL ? Style.CRITICAL : Style.WARNING;
                case PENDING -> Style.WARNING;
                case RESOLVED -> Style.MUTED;
            };
            Instant from = a.state() == AlertState.RESOLVED ? a.firedAt() : a.since();
            Instant to = a.state() == AlertState.RESOLVED ? a.resolvedAt() : now;
            String lasted = from == null || to == null ? f.none() : f.duration(Duration.between(from, to));
            String state = m.get("alerts.state." + a.state().name().toLowerCase(Locale.ROOT));
            List<StyledText> line = new ArrayList<>();
            Style rowStyle = i == selected ? Style.SELECTED : st;
            line.add(StyledText.of(Cells.fit(state, 8) + " ", rowStyle));
            line.add(StyledText.of(Cells.fit(lasted, 8) + " ", i == selected ? Style.SELECTED : Style.NORMAL));
            String tag = a.host().isEmpty() ? "" : "[" + a.host() + "] ";
            line.add(StyledText.of(tag + a.message(), i == selected ? Style.SELECTED : Style.NORMAL));
            if (a.acknowledged()) {
                line.add(StyledText.of("  " + m.get("alerts.acked", a.acknowledgedBy(), a.ackNote() == null ? "" : a.ackNote()),
                        Style.MUTED));
            }
            if (a.snoozed(now)) {
                line.add(StyledText.of("  " + m.get("alerts.snoozed", f.clock(a.snoozedUntil())), Style.MUTED));
            }
            out.add(line);
        }
        return out;
    }
}
