package edm.console.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for CLI output ({@code status}, {@code sandbox status}, {@code config check}):
 * a header line and rows, columns separated by two spaces, widths measured in terminal cells so
 * that Chinese text lines up. No trailing spaces on any line.
 *
 * <pre>{@code
 * TextTable t = new TextTable()
 *         .column(Messages.t("cli.status.name"), Align.LEFT)
 *         .column(Messages.t("cli.status.cpu"), Align.RIGHT)
 *         .shrinkableColumn(Messages.t("cli.status.image"), Align.LEFT);
 * t.row("edm-api", "12.5%", "edm/api:1.4.2");
 * out.print(t.render(terminalWidth));
 * }</pre>
 *
 * Cell text is made single-line (line breaks and tabs become spaces, other control characters
 * U+FFFD) so that a value from a container or a config file cannot break the layout.
 */
public final class TextTable {
    static final String GAP = "  ";

    private record Column(String header, Align align, boolean shrinkable, int maxWidth) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private boolean headerRule;

    /** Adds a column as wide as its widest cell. */
    public TextTable column(String header, Align align) {
        return add(new Column(oneLine(header), align, false, Integer.MAX_VALUE));
    }

    /** Adds a column never wider than {@code maxWidth} cells; longer cells are cut with an ellipsis. */
    public TextTable column(String header, Align align, int maxWidth) {
        if (maxWidth < 1) {
            throw new IllegalArgumentException("maxWidth must be at least 1: " + maxWidth);
        }
        return add(new Column(oneLine(header), align, false, maxWidth));
    }

    /** Adds a column that {@link #render(int)} may narrow (down to its header) when the table is too wide. */
    public TextTable shrinkableColumn(String header, Align align) {
        return add(new Column(oneLine(header), align, true, Integer.MAX_VALUE));
    }

    /** Underlines the header with a rule of {@code ─} as wide as each column. */
    public TextTable headerRule(boolean on) {
        this.headerRule = on;
        return this;
    }

    /** Adds a row; missing trailing cells are empty, null cells are empty. */
    public TextTable row(String... cells) {
        if (columns.isEmpty()) {
            throw new IllegalStateException("define the columns before adding rows");
        }
        if (cells.length > columns.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells but the table has " + columns.size() + " columns");
        }
        List<String> row = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            row.add(i < cells.length ? oneLine(cells[i]) : "");
        }
        rows.add(row);
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The table with every column as wide as it needs (up to its maximum). */
    public String render() {
        return render(Integer.MAX_VALUE);
    }

    /**
     * The table, narrowing shrinkable columns (widest first, never below their header) until each
     * line fits {@code maxWidth} cells, if it can. Lines end with {@code \n}.
     */
    public String render(int maxWidth) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(maxWidth)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The lines of {@link #render(int)}, without line ends. */
    public List<String> lines(int maxWidth) {
        int[] widths = widths(maxWidth);
        List<String> lines = new ArrayList<>();
        List<String> headers = columns.stream().map(Column::header).toList();
        lines.add(line(headers, widths));
        if (headerRule) {
            List<String> rule = new ArrayList<>();
            for (int w : widths) {
                rule.add("─".repeat(w));
            }
            lines.add(line(rule, widths));
        }
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    private TextTable add(Column column) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("add all columns before the first row");
        }
        columns.add(column);
        return this;
    }

    private int[] widths(int maxWidth) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int w = Cells.width(columns.get(c).header());
            for (List<String> row : rows) {
                w = Math.max(w, Cells.width(row.get(c)));
            }
            widths[c] = Math.min(w, columns.get(c).maxWidth());
        }
        int excess = total(widths) - maxWidth;
        while (excess > 0) {
            int widest = -1;
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                boolean canShrink = col.shrinkable() && widths[c] > Math.max(1, Cells.width(col.header()));
                if (canShrink && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break; // nothing left to give; the terminal will wrap
            }
            widths[widest]--;
            excess--;
        }
        return widths;
    }

    private static int total(int[] widths) {
        int sum = GAP.length() * Math.max(0, widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                out.append(GAP);
            }
            out.append(Cells.fit(cells.get(c), widths[c], columns.get(c).align()));
        }
        return stripTrailingSpaces(out);
    }

    private static String stripTrailingSpaces(StringBuilder s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL) {
                out.appendCodePoint(Cells.REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
