package edm.console.ui.keys;

/** Where a binding applies. Bindings of the active scope win over GLOBAL ones. */
public enum Scope {
    GLOBAL, CONTAINERS, DETAIL, LOGS, SEARCH, SOURCES, ALERTS, BACKUPS, EVENTS, CHECKLISTS, CHECKLIST, PROMPT, HELP, DIALOG,
    /** The start-up banner (an unfinished workflow, results from while the terminal was away): while it shows. */
    BANNER;

    /** A modal scope takes only its own keys: no global key (q!) fires while typing or answering. */
    public boolean modal() {
        return this == DIALOG || this == SEARCH || this == SOURCES || this == PROMPT;
    }

    public String titleKey() {
        return "keys.scope." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
