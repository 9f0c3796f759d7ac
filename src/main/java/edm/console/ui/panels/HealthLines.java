package edm.console.ui.panels;

import edm.console.core.HealthSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.text.Cells;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Health panel as lines (pure): every probe with its state, value, latency and the age of its last
 * success; problems first so the eye lands on them.
 */
public final class HealthLines {
    private HealthLines() {
    }

    public static Style style(ProbeStatus s) {
        return switch (s) {
            case OK -> Style.OK;
            case WARNING -> Style.WARNING;
            case CRITICAL -> Style.CRITICAL;
            case UNKNOWN -> Style.MUTED;
        };
    }

    public static List<List<StyledText>> render(HealthSnapshot h, int width, Instant now, Messages m, Format f) {
        List<List<StyledText>> out = new ArrayList<>();
        if (h.probes().isEmpty()) {
            out.add(List.of(StyledText.of(m.get("health.panel.waiting"), Style.MUTED)));
            return out;
        }
        int targetWidth = Math.max(12, Math.min(40, width - 44));
        out.add(List.of(StyledText.of(Cells.fit(m.get("health.panel.state"), 9) + " "
                + Cells.fit(m.get("health.panel.probe"), targetWidth) + " "
                + Cells.fit(m.get("health.panel.latency"), 7, Align.RIGHT) + " "
                + Cells.fit(m.get("health.panel.lastOk"), 9, Align.RIGHT) + "  " + m.get("health.panel.value"), Style.HEADER)));
        List<ProbeResult> sorted = new ArrayList<>(h.probes());
        sorted.sort(Comparator.comparingInt((ProbeResult r) -> r.ok() ? 1 : 0));
        for (ProbeResult r : sorted) {
            Instant ok = h.lastSuccess().get(r.id());
            String age = r.ok() ? m.get("health.panel.now") : ok == null ? m.get("health.panel.never") : f.ago(ok, now);
            String latency = r.latency().isZero() ? "" : r.latency().toMillis() + " ms";
            String detail = r.error().isEmpty() ? r.value() : r.value().isEmpty() ? r.error() : r.value() + " - " + r.error();
            out.add(List.of(
                    StyledText.of(Cells.fit(m.get("check.status." + r.status().name().toLowerCase(java.util.Locale.ROOT)), 9),
                            style(r.status())),
                    StyledText.plain(" " + Cells.fit(r.kind() + " " + r.target(), targetWidth) + " "),
                    StyledText.of(Cells.fit(latency, 7, Align.RIGHT) + " ", Style.MUTED),
                    StyledText.of(Cells.fit(age, 9, Align.RIGHT) + "  ", r.ok() ? Style.MUTED : Style.WARNING),
                    StyledText.of(detail, r.ok() ? Style.NORMAL : style(r.status()))));
        }
        return out;
    }
}
