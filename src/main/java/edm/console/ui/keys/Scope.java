package edm.console.ui.keys;

import java.util.Locale;

/** Where a binding applies. Bindings of the active scope win over GLOBAL ones. */
public enum Scope {
    GLOBAL, CONTAINERS, DETAIL, LOGS, SEARCH, SOURCES, ALERTS, BACKUPS, SECURITY, EVENTS, HOSTS, CHECKLISTS, CHECKLIST, PROMPT, HELP, DIALOG,
    /** The start-up banner (an unfinished workflow, results from while the terminal was away): while it shows. */
    BANNER,
    /** The guided deploy and rollback: the tag picker (typing goes to its line), the release picker, the checklist
     *  gate, the plan waiting for y, a wait for a worker (loading, planning), the run and its result. */
    TAG_PICKER, RELEASE_PICKER, DEPLOY_GATE, DEPLOY_PLAN, DEPLOY_WAIT, DEPLOY_RUN;

    /** A modal scope takes only its own keys: no global key (q!) fires while typing or answering. */
    public boolean modal() {
        return this == DIALOG || this == SEARCH || this == SOURCES || this == PROMPT || this == TAG_PICKER
                || this == RELEASE_PICKER || this == DEPLOY_GATE || this == DEPLOY_PLAN || this == DEPLOY_WAIT || this == DEPLOY_RUN;
    }

    public String titleKey() {
        return "keys.scope." + name().toLowerCase(Locale.ROOT);
    }
}
