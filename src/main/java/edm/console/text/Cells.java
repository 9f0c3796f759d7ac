package edm.console.text;

import com.googlecode.lanterna.TerminalTextUtils;

/** Placeholder until the i18n branch lands its full implementation (same signatures). */
public final class Cells {
    private Cells() {
    }

    public static int width(String s) {
        return TerminalTextUtils.getColumnWidth(s);
    }

    public static String truncate(String s, int cells) {
        if (width(s) <= cells) {
            return s;
        }
        return TerminalTextUtils.fitString(s, Math.max(0, cells - 1)) + "…";
    }

    public static String fit(String s, int cells) {
        String t = truncate(s, cells);
        return t + " ".repeat(Math.max(0, cells - width(t)));
    }

    public static String padLeft(String s, int cells) {
        String t = truncate(s, cells);
        return " ".repeat(Math.max(0, cells - width(t))) + t;
    }
}
