package edm.console.ui.panels;

import edm.console.core.TimelineEntry;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Cells;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Events view (incident timeline) as lines (pure), newest last, filtered by source. */
public final class TimelineLines {
    private TimelineLines() {
    }

    public static List<List<StyledText>> render(List<TimelineEntry> entries, Set<TimelineEntry.Source> shown, Messages m,
                                                Format f) {
        List<List<StyledText>> out = new ArrayList<>();
        for (TimelineEntry e : entries) {
            if (!shown.contains(e.source())) {
                continue;
            }
            Style st = switch (e.level()) {
                case CRITICAL -> Style.CRITICAL;
                case WARNING -> Style.WARNING;
                case INFO -> Style.NORMAL;
            };
            out.add(List.of(StyledText.of(f.dateTime(e.time()) + "  ", Style.MUTED),
                    StyledText.of(Cells.fit(m.get("events.source." + e.source().name().toLowerCase(Locale.ROOT)), 8) + " ",
                            Style.ACCENT),
                    StyledText.of(Cells.fit(e.subject(), 24) + " ", Style.NORMAL),
                    StyledText.of(e.text(), st)));
        }
        if (out.isEmpty()) {
            out.add(List.of(StyledText.of(m.get("events.none"), Style.MUTED)));
        }
        return out;
    }
}
