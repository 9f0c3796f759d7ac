package edm.console.ui.panels;

import edm.console.logs.LogFormat;
import edm.console.logs.LogLine;
import edm.console.text.Cells;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log lines as screen rows, bottom-aligned: the line at {@code bottom} is drawn last and the rows above
 * are filled with earlier lines. Each row: time (optional), the source tag, then the text coloured by
 * level with search matches highlighted. Wrapped lines continue under the text column. Only the lines
 * that end up visible are formatted, so a 10,000-line buffer costs what a screenful costs.
 */
public final class LogLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final int MAX_TAG = 22;

    private LogLines() {
    }

    public record Options(boolean timestamps, boolean wrap, Pattern highlight, int currentMatch, ZoneId zone) {
    }

    public static List<List<StyledText>> render(List<LogLine> view, int bottom, int width, int height, Options o) {
        List<List<StyledText>> rows = new ArrayList<>();
        if (height <= 0 || width <= 0 || view.isEmpty()) {
            return rows;
        }
        int last = Math.max(0, Math.min(view.size() - 1, bottom < 0 ? view.size() - 1 : bottom));
        int tagWidth = tagWidth(view, last, height);
        List<List<List<StyledText>>> blocks = new ArrayList<>();
        int used = 0;
        for (int i = last; i >= 0 && used < height; i--) {
            List<List<StyledText>> block = rowsOf(view.get(i), i == o.currentMatch(), tagWidth, width, o);
            blocks.add(block);
            used += block.size();
        }
        for (int b = blocks.size() - 1; b >= 0; b--) {
            rows.addAll(blocks.get(b));
        }
        return rows.size() > height ? new ArrayList<>(rows.subList(rows.size() - height, rows.size())) : rows;
    }

    private static int tagWidth(List<LogLine> view, int last, int height) {
        int w = 4;
        for (int i = last; i >= 0 && i > last - height; i--) {
            w = Math.max(w, Cells.width(LogFormat.tag(view.get(i))));
        }
        return Math.min(MAX_TAG, w);
    }

    private static List<List<StyledText>> rowsOf(LogLine l, boolean current, int tagWidth, int width, Options o) {
        List<StyledText> prefix = new ArrayList<>();
        int prefixWidth = 0;
        if (o.timestamps()) {
            String t = TIME.format(l.time().atZone(o.zone())) + " ";
            prefix.add(StyledText.of(t, Style.MUTED));
            prefixWidth += Cells.width(t);
        }
        String tag = Cells.fit(LogFormat.tag(l), tagWidth) + " ";
        Style tagStyle = l.origin() == LogLine.Origin.STDERR ? Style.LOG_WARN : Style.LOG_SOURCE;
        prefix.add(StyledText.of(tag, tagStyle));
        prefixWidth += tagWidth + 1;
        String text = l.origin() == LogLine.Origin.MARKER ? "── " + l.text() + " ──" : l.text();
        List<StyledText> body = highlight(text, style(l), o.highlight(), current);
        int room = Math.max(1, width - prefixWidth);
        List<List<StyledText>> out = new ArrayList<>();
        if (!o.wrap() || Cells.width(text) <= room) {
            List<StyledText> row = new ArrayList<>(prefix);
            row.addAll(body);
            out.add(row);
            return out;
        }
        String pad = " ".repeat(prefixWidth);
        List<List<StyledText>> pieces = split(body, room);
        for (int i = 0; i < pieces.size(); i++) {
            List<StyledText> row = new ArrayList<>();
            row.addAll(i == 0 ? prefix : List.of(StyledText.plain(pad)));
            row.addAll(pieces.get(i));
            out.add(row);
        }
        return out;
    }

    static Style style(LogLine l) {
        return switch (l.origin()) {
            case MARKER -> Style.LOG_MARKER;
            case NOTICE -> Style.MUTED;
            default -> switch (l.level()) {
                case ERROR -> Style.LOG_ERROR;
                case WARN -> Style.LOG_WARN;
                case DEBUG -> Style.LOG_DEBUG;
                default -> Style.NORMAL;
            };
        };
    }

    /** The text cut into styled pieces: matches of the search in MATCH (the current match line in MATCH_CURRENT). */
    static List<StyledText> highlight(String text, Style base, Pattern p, boolean current) {
        List<StyledText> out = new ArrayList<>();
        if (p == null) {
            out.add(StyledText.of(text, base));
            return out;
        }
        Matcher m = p.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                if (m.end() >= text.length()) {
                    break;
                }
                continue; // an empty match highlights nothing
            }
            if (m.start() > at) {
                out.add(StyledText.of(text.substring(at, m.start()), base));
            }
            out.add(StyledText.of(m.group(), current ? Style.MATCH_CURRENT : Style.MATCH));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(StyledText.of(text.substring(at), base));
        }
        return out;
    }

    /** Splits styled pieces into rows of at most {@code room} cells, never cutting a wide character. */
    static List<List<StyledText>> split(List<StyledText> pieces, int room) {
        List<List<StyledText>> rows = new ArrayList<>();
        List<StyledText> row = new ArrayList<>();
        int used = 0;
        for (StyledText t : pieces) {
            StringBuilder part = new StringBuilder();
            String s = t.text();
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int w = Cells.width(cp);
                if (used + w > room && used > 0) {
                    if (part.length() > 0) {
                        row.add(StyledText.of(part.toString(), t.style()));
                        part.setLength(0);
                    }
                    rows.add(row);
                    row = new ArrayList<>();
                    used = 0;
                }
                part.appendCodePoint(cp);
                used += w;
                i += Character.charCount(cp);
            }
            if (part.length() > 0) {
                row.add(StyledText.of(part.toString(), t.style()));
            }
        }
        if (!row.isEmpty() || rows.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }
}
