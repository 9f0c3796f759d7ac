package edm.console.ui;

import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.logs.FollowStatus;
import edm.console.logs.LogFilter;
import edm.console.logs.LogLevel;
import edm.console.logs.LogLine;
import edm.console.text.Cells;
import edm.console.ui.panels.LogLines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Draws the log panel (also zoomed, full screen): a status row (following or paused with the count of
 * new lines, skipped lines, search and filters), the lines, and the search line while typing. The
 * source picker is drawn as a dialog on top.
 */
final class LogsView {
    private LogsView() {
    }

    /** Panel title: the sources, e.g. "Logs: edm-backend-prod". */
    static String title(LogsState l, Messages m) {
        if (l.specs.isEmpty()) {
            return m.get("panel.logs");
        }
        return m.get("panel.logs") + ": " + String.join(", ", l.specs.stream().map(s -> s.name()).toList());
    }

    static void draw(Canvas inner, LogsState l, boolean available, Instant now, Messages m, Format f) {
        if (!available) {
            inner.text(1, 0, m.get("logs.view.unavailable"), Style.MUTED);
            return;
        }
        if (l.session == null) {
            inner.text(1, 0, m.get("logs.view.noSession"), Style.MUTED);
            return;
        }
        List<LogLine> view = l.view();
        drawStatus(inner, l, view.size(), l.session.status(now), m, f);
        int bodyRows = inner.height() - 1 - (l.editor != null ? 1 : 0);
        Canvas body = inner.sub(0, 1, inner.width(), Math.max(0, bodyRows));
        if (view.isEmpty()) {
            body.text(1, 0, m.get("logs.view.empty"), Style.MUTED);
        } else {
            int bottom = l.paused ? l.anchor : -1;
            LogLines.Options o = new LogLines.Options(l.timestamps, l.wrap, l.filter.pattern(),
                    l.currentMatch, f.zone());
            LinesView.draw(body, LogLines.render(view, bottom, body.width(), body.height(), o), 0);
        }
        if (l.editor != null) {
            int row = inner.height() - 1;
            inner.fillRow(row, Style.STATUS_BAR);
            int col = inner.text(0, row, "/", Style.KEY);
            String before = l.editor.beforeCursor();
            String after = l.editor.text().substring(before.length());
            col = inner.text(col, row, before, Style.STATUS_BAR);
            col = inner.text(col, row, after.isEmpty() ? " " : after.substring(0, after.offsetByCodePoints(0, 1)), Style.SELECTED);
            if (after.length() > 1) {
                inner.text(col, row, after.substring(after.offsetByCodePoints(0, 1)), Style.STATUS_BAR);
            }
        }
    }

    private static void drawStatus(Canvas inner, LogsState l, int shown, FollowStatus st, Messages m, Format f) {
        int col = 1;
        if (l.paused) {
            col = inner.text(col, 0, m.get("logs.view.paused", f.number(l.newWhilePaused())), Style.WARNING) + 2;
        }
        // "following" only when the stream is connected and its newest line is recent; otherwise say what is true.
        String link = link(st, m, f);
        if (link != null) {
            col = inner.text(col, 0, link, Style.WARNING) + 2;
        } else if (!l.paused) {
            col = inner.text(col, 0, m.get("logs.view.following"), Style.OK) + 2;
        }
        col = inner.text(col, 0, m.get("logs.view.lines", f.number(shown)), Style.MUTED) + 2;
        if (st.skippedAny()) {
            col = inner.text(col, 0, skipped(st, m, f), Style.WARNING) + 2;
        }
        if (l.filter.pattern() != null) {
            col = inner.text(col, 0, m.get("logs.view.search", l.searchText), Style.ACCENT) + 1;
            if (l.filter.mode() == LogFilter.MatchMode.ONLY_MATCHING) {
                col = inner.text(col, 0, m.get("logs.view.onlyMatching"), Style.ACCENT) + 2;
            } else if (l.filter.mode() == LogFilter.MatchMode.HIDE_MATCHING) {
                col = inner.text(col, 0, m.get("logs.view.hideMatching"), Style.ACCENT) + 2;
            } else {
                col++;
            }
        }
        if (l.filter.minLevel() != LogLevel.NONE) {
            col = inner.text(col, 0, m.get("logs.view.level", l.filter.minLevel().name()), Style.ACCENT) + 2;
        }
        if (l.wrap) {
            inner.text(col, 0, m.get("logs.view.wrap"), Style.MUTED);
        }
    }

    /** What stands instead of "following": reconnecting, waiting, or how far behind; null when following. */
    static String link(FollowStatus st, Messages m, Format f) {
        return switch (st.link()) {
            case CONNECTING -> m.get("logs.view.connecting");
            case RECONNECTING -> m.get("logs.view.reconnecting");
            case WAITING -> m.get("logs.view.waiting");
            case CONNECTED -> st.following() ? null : m.get("logs.view.behind", age(st.lag(), m, f));
        };
    }

    /** "skipped 120,345 lines to catch up", or the span of log time never read, or both. */
    static String skipped(FollowStatus st, Messages m, Format f) {
        if (st.skippedSpan().isZero()) {
            return m.get("logs.view.skipped", f.number(st.skippedLines()));
        }
        if (st.skippedLines() == 0) {
            return m.get("logs.view.skippedSpan", age(st.skippedSpan(), m, f));
        }
        return m.get("logs.view.skippedBoth", f.number(st.skippedLines()), age(st.skippedSpan(), m, f));
    }

    /** Seconds, with a tenth under ten ("2.4 s", "34 s"); from a minute on in the usual units ("1m 04s"). */
    private static String age(Duration d, Messages m, Format f) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return m.get("logs.view.seconds", String.format(f.locale(), "%.1f", ms / 1000.0));
        }
        if (ms < 60_000) {
            return m.get("logs.view.seconds", Long.toString(ms / 1000));
        }
        return f.duration(d);
    }

    static void drawPicker(Canvas full, LogsState.Picker p, Messages m) {
        int w = Math.min(full.width() - 2, 60);
        int h = Math.min(full.height() - 2, p.items.size() + 2);
        int col = (full.width() - w) / 2;
        int row = Math.max(1, (full.height() - h) / 2);
        Canvas box = full.sub(col, row, w, h);
        box.fill(0, 0, w, h, Style.DIALOG);
        box.frame(m.get("logs.sources.title"), true);
        Canvas inner = box.inner();
        int first = Math.max(0, p.cursor - inner.height() + 1);
        for (int r = 0; r < inner.height() && first + r < p.items.size(); r++) {
            int i = first + r;
            var item = p.items.get(i);
            String mark = p.chosen.contains(item) ? "[x] " : "[ ] ";
            String kind = m.get(switch (item.kind()) {
                case CONTAINER -> "logs.sources.container";
                case FILES -> "logs.sources.files";
                case SERVICE -> "logs.sources.service";
            });
            String text = mark + Cells.truncate(item.name(), Math.max(4, inner.width() - 6 - Cells.width(kind))) + "  " + kind;
            inner.cell(0, r, inner.width(), text, i == p.cursor ? Style.SELECTED : Style.DIALOG, false);
        }
    }
}
