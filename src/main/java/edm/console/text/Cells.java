package edm.console.text;

import java.text.Normalizer;

/**
 * Terminal cell arithmetic for strings: how wide a string is on screen, and how to cut or pad it
 * to an exact number of cells. Chinese characters take two cells, so {@code String.length()} and
 * {@code String.format("%-10s")} misalign every table that contains them.
 *
 * <p>Widths: East Asian Wide/Fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms,
 * CJK punctuation, common emoji) are 2 cells; combining marks, zero-width and format characters and
 * control characters are 0; everything else is 1. Every character Lanterna 3.1.3 draws as double
 * width is 2 here as well (see {@link CellWidth}). Works on code points, so surrogate pairs count
 * once. The ellipsis {@code …} counts as 1 cell, as in terminals with the default "narrow"
 * ambiguous-width setting.
 *
 * <p>Known differences from Lanterna, all handled by {@link #forLanterna(String)}: Lanterna counts
 * every UTF-16 char as at least one cell, so it gives combining marks and zero-width characters a
 * cell of their own and gives a narrow supplementary character (e.g. U+1D400) two cells; and it
 * draws wide characters outside its CJK blocks (Bopomofo, Yi, U+3300-33FF, fullwidth signs
 * U+FFE0-FFE6, wide emoji in the BMP such as U+2705) as one cell.
 */
public final class Cells {
    /** Marks a cut; one cell wide. */
    public static final String ELLIPSIS = "…";

    /** Stands in for a wide character Lanterna would draw one cell wide: the CJK "geta" substitute mark, two cells in both. */
    static final int WIDE_SUBSTITUTE = 0x3013;
    static final int REPLACEMENT = 0xFFFD;

    private Cells() {
    }

    /** Terminal cells that {@code s} takes; 0 for null. */
    public static int width(String s) {
        if (s == null) {
            return 0;
        }
        if (CellWidth.plainLatin(s)) {
            return s.length();
        }
        int cells = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            cells += CellWidth.of(cp);
            i += Character.charCount(cp);
        }
        return cells;
    }

    /** Terminal cells one code point takes: 0, 1 or 2. */
    public static int width(int codePoint) {
        return CellWidth.of(codePoint);
    }

    /**
     * {@code s} unchanged if it fits in {@code cells}; otherwise the longest prefix that fits
     * followed by {@link #ELLIPSIS}, exactly {@code cells} wide. A wide character is never cut in
     * half: when only one cell is left for it, a space takes its place after the ellipsis.
     */
    public static String truncate(String s, int cells) {
        requireNonNegative(cells);
        String text = s == null ? "" : s;
        if (width(text) <= cells) {
            return text;
        }
        if (cells == 0) {
            return "";
        }
        int budget = cells - 1; // one cell for the ellipsis
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = CellWidth.of(cp);
            if (used + w > budget) {
                break;
            }
            out.appendCodePoint(cp); // zero-width marks right after a kept character stay with it
            used += w;
            i += Character.charCount(cp);
        }
        out.append(ELLIPSIS);
        out.append(" ".repeat(budget - used));
        return out.toString();
    }

    /** {@code s} followed by spaces up to {@code cells}; unchanged if already that wide or wider. */
    public static String padRight(String s, int cells) {
        requireNonNegative(cells);
        String text = s == null ? "" : s;
        int missing = cells - width(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /** Spaces followed by {@code s}, up to {@code cells}; unchanged if already that wide or wider. */
    public static String padLeft(String s, int cells) {
        requireNonNegative(cells);
        String text = s == null ? "" : s;
        int missing = cells - width(text);
        return missing <= 0 ? text : " ".repeat(missing) + text;
    }

    /** {@code s} centred in {@code cells} (an odd spare cell goes to the right); unchanged if already that wide. */
    public static String center(String s, int cells) {
        requireNonNegative(cells);
        String text = s == null ? "" : s;
        int missing = cells - width(text);
        if (missing <= 0) {
            return text;
        }
        int left = missing / 2;
        return " ".repeat(left) + text + " ".repeat(missing - left);
    }

    /** Exactly {@code cells} wide, left-aligned: truncated with an ellipsis or padded with spaces. */
    public static String fit(String s, int cells) {
        return fit(s, cells, Align.LEFT);
    }

    /** Exactly {@code cells} wide: truncated with an ellipsis or padded according to {@code align}. */
    public static String fit(String s, int cells, Align align) {
        String cut = truncate(s, cells);
        return switch (align) {
            case LEFT -> padRight(cut, cells);
            case RIGHT -> padLeft(cut, cells);
            case CENTER -> center(cut, cells);
        };
    }

    /**
     * {@code s} rewritten so that Lanterna 3.1.3 and the terminal agree on every character's width,
     * and {@link #width(String)} equals Lanterna's column count: composes combining marks (NFC) and
     * drops those left over and other zero-width characters, turns a tab into a space and other
     * control characters and unpaired surrogates into U+FFFD, replaces a wide character Lanterna
     * would draw narrow with U+3013 (〓, two cells in both) and a narrow supplementary character
     * Lanterna would draw wide with U+FFFD. Text handed to Lanterna for tables and panels should
     * pass through here (after the log sanitiser, which deals with escape sequences).
     */
    public static String forLanterna(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (CellWidth.plainLatin(s)) {
            return s; // nothing to compose, drop or substitute: the common case, kept free of the normaliser
        }
        String composed = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t') {
                out.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.SURROGATE) {
                out.appendCodePoint(REPLACEMENT);
            } else {
                int ours = CellWidth.of(cp);
                if (ours == 0) {
                    continue;
                }
                int lanterna = CellWidth.lanterna(cp);
                if (ours == lanterna) {
                    out.appendCodePoint(cp);
                } else {
                    out.appendCodePoint(ours == 2 ? WIDE_SUBSTITUTE : REPLACEMENT);
                }
            }
        }
        return out.toString();
    }

    private static void requireNonNegative(int cells) {
        if (cells < 0) {
            throw new IllegalArgumentException("cells must not be negative: " + cells);
        }
    }
}
