package edm.console.ui;

import java.util.Locale;

/** Semantic styles: code says what a piece of text means, the theme file says how it looks. */
public enum Style {
    NORMAL, MUTED, OK, WARNING, CRITICAL, SELECTED, HEADER, TITLE, TITLE_ACTIVE, BORDER, KEY, STATUS_BAR, DIALOG, ACCENT,
    /** Log lines by level, the source tag, the console's own marker lines, search matches. */
    LOG_ERROR, LOG_WARN, LOG_DEBUG, LOG_SOURCE, LOG_MARKER, MATCH, MATCH_CURRENT;

    /** The key prefix in theme files, e.g. {@code title-active}. */
    public String themeKey() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
