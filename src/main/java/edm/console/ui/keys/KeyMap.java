package edm.console.ui.keys;

import com.googlecode.lanterna.input.KeyStroke;
import edm.console.i18n.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one key-binding table. Dispatch, the hint bar, the help screen and the README's key list are
 * all generated from it; nothing else may hard-code a key.
 */
public final class KeyMap {
    private final List<KeyBinding> bindings;
    private final boolean readOnly;

    public KeyMap(List<KeyBinding> bindings, boolean readOnly) {
        this.readOnly = readOnly;
        // --read-only drops what changes anything: it is then neither shown nor dispatched.
        this.bindings = bindings.stream().filter(b -> !(readOnly && b.dangerous())).toList();
    }

    public static KeyMap standard(boolean readOnly) {
        return new KeyMap(table(), readOnly);
    }

    public boolean readOnly() {
        return readOnly;
    }

    public List<KeyBinding> bindings() {
        return bindings;
    }

    /** The action for a key in a scope: the scope's own binding first, then a global one (not in dialogs). */
    public Optional<Action> resolve(KeyStroke key, Scope scope) {
        for (KeyBinding b : bindings) {
            if (b.scope() == scope && b.keys().stream().anyMatch(k -> k.matches(key))) {
                return Optional.of(b.action());
            }
        }
        if (scope.modal()) {
            return Optional.empty();
        }
        for (KeyBinding b : bindings) {
            if (b.scope() == Scope.GLOBAL && b.keys().stream().anyMatch(k -> k.matches(key))) {
                return Optional.of(b.action());
            }
        }
        return Optional.empty();
    }

    /** The action bound to a key in exactly this scope (no global fallback): the banner's keys. */
    public Optional<Action> resolveOwn(KeyStroke key, Scope scope) {
        return bindings.stream().filter(b -> b.scope() == scope && b.keys().stream().anyMatch(k -> k.matches(key)))
                .map(KeyBinding::action).findFirst();
    }

    /** The first key label bound to an action in a scope ("" when none, e.g. dropped in read-only). */
    public String keyFor(Scope scope, Action action) {
        return bindings.stream().filter(b -> b.scope() == scope && b.action() == action).findFirst()
                .map(b -> b.keys().get(0).label()).orElse("");
    }

    /** Bindings for the hint bar: the scope's hinted ones, then the global hinted ones. */
    public List<KeyBinding> hints(Scope scope) {
        List<KeyBinding> out = new ArrayList<>();
        bindings.stream().filter(b -> b.hint() && b.scope() == scope).forEach(out::add);
        if (!scope.modal() && scope != Scope.GLOBAL) {
            bindings.stream().filter(b -> b.hint() && b.scope() == Scope.GLOBAL).forEach(out::add);
        }
        return out;
    }

    public List<KeyBinding> inScope(Scope scope) {
        return bindings.stream().filter(b -> b.scope() == scope).toList();
    }

    /** The key list as a Markdown table, for the README (a test keeps the README in step). */
    public String markdown(Messages m) {
        StringBuilder b = new StringBuilder();
        for (Scope s : Scope.values()) {
            List<KeyBinding> rows = inScope(s);
            if (rows.isEmpty()) {
                continue;
            }
            b.append("| ").append(m.get(s.titleKey())).append(" | |\n|---|---|\n");
            for (KeyBinding kb : rows) {
                b.append("| `").append(kb.keyLabels()).append("` | ").append(m.get(kb.descriptionKey()))
                        .append(kb.dangerous() ? " *" : "").append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static KeyBinding bind(Scope scope, Action action, String description, boolean dangerous, boolean hint,
                                   String... keys) {
        return new KeyBinding(scope, Arrays.stream(keys).map(KeySpec::of).toList(), action, description, dangerous, hint);
    }

    static List<KeyBinding> table() {
        return List.of(
                bind(Scope.GLOBAL, Action.QUIT, "keys.quit", false, true, "q", "Ctrl-C"),
                bind(Scope.GLOBAL, Action.HELP, "keys.help", false, true, "?", "F1"),
                bind(Scope.GLOBAL, Action.NEXT_PANEL, "keys.nextPanel", false, true, "Tab"),
                bind(Scope.GLOBAL, Action.PREVIOUS_PANEL, "keys.previousPanel", false, false, "Shift-Tab"),
                bind(Scope.GLOBAL, Action.SHOW_CONTAINERS, "keys.showContainers", false, false, "1"),
                bind(Scope.GLOBAL, Action.SHOW_RESOURCES, "keys.showResources", false, false, "2"),
                bind(Scope.GLOBAL, Action.SHOW_LOGS, "keys.showLogs", false, false, "3"),
                bind(Scope.GLOBAL, Action.SHOW_HEALTH, "keys.showHealth", false, false, "4"),
                bind(Scope.GLOBAL, Action.SHOW_ALERTS, "keys.showAlerts", false, false, "5"),
                bind(Scope.GLOBAL, Action.SHOW_BACKUPS, "keys.showBackups", false, false, "6"),
                bind(Scope.GLOBAL, Action.SHOW_SECURITY, "keys.showSecurity", false, false, "7"),
                bind(Scope.GLOBAL, Action.OPEN_EVENTS, "keys.openEvents", false, true, "E"),
                bind(Scope.GLOBAL, Action.SHOW_HOSTS, "keys.showHosts", false, false, "H"),
                bind(Scope.GLOBAL, Action.OPEN_CHECKLISTS, "keys.openChecklists", false, true, "C"),
                bind(Scope.GLOBAL, Action.ZOOM, "keys.zoom", false, true, "z"),
                bind(Scope.GLOBAL, Action.REFRESH, "keys.refresh", false, false, "F5", "R"),
                bind(Scope.CONTAINERS, Action.UP, "keys.up", false, false, "Up", "k"),
                bind(Scope.CONTAINERS, Action.DOWN, "keys.down", false, false, "Down", "j"),
                bind(Scope.CONTAINERS, Action.PAGE_UP, "keys.pageUp", false, false, "PgUp"),
                bind(Scope.CONTAINERS, Action.PAGE_DOWN, "keys.pageDown", false, false, "PgDn"),
                bind(Scope.CONTAINERS, Action.FIRST, "keys.first", false, false, "Home", "g"),
                bind(Scope.CONTAINERS, Action.LAST, "keys.last", false, false, "End", "G"),
                bind(Scope.CONTAINERS, Action.OPEN_DETAIL, "keys.openDetail", false, true, "Enter"),
                bind(Scope.CONTAINERS, Action.OPEN_LOGS, "keys.openLogs", false, true, "l"),
                bind(Scope.CONTAINERS, Action.START, "keys.start", true, true, "s"),
                bind(Scope.CONTAINERS, Action.STOP, "keys.stop", true, true, "x"),
                bind(Scope.CONTAINERS, Action.RESTART, "keys.restart", true, true, "r"),
                bind(Scope.CONTAINERS, Action.DEPLOY, "keys.deploy", true, false, "D"),
                bind(Scope.CONTAINERS, Action.ROLLBACK, "keys.rollback", true, false, "B"),
                bind(Scope.DETAIL, Action.BACK, "keys.back", false, true, "Esc", "Backspace"),
                bind(Scope.DETAIL, Action.UP, "keys.scrollUp", false, false, "Up", "k"),
                bind(Scope.DETAIL, Action.DOWN, "keys.scrollDown", false, false, "Down", "j"),
                bind(Scope.DETAIL, Action.PAGE_UP, "keys.pageUp", false, false, "PgUp"),
                bind(Scope.DETAIL, Action.PAGE_DOWN, "keys.pageDown", false, false, "PgDn"),
                bind(Scope.DETAIL, Action.OPEN_LOGS, "keys.openLogs", false, true, "l"),
                bind(Scope.DETAIL, Action.START, "keys.start", true, true, "s"),
                bind(Scope.DETAIL, Action.STOP, "keys.stop", true, true, "x"),
                bind(Scope.DETAIL, Action.RESTART, "keys.restart", true, true, "r"),
                bind(Scope.LOGS, Action.PAUSE, "keys.pause", false, true, "p"),
                bind(Scope.LOGS, Action.SEARCH, "keys.search", false, true, "/"),
                bind(Scope.LOGS, Action.NEXT_MATCH, "keys.nextMatch", false, false, "n"),
                bind(Scope.LOGS, Action.PREVIOUS_MATCH, "keys.previousMatch", false, false, "N"),
                bind(Scope.LOGS, Action.ONLY_MATCHING, "keys.onlyMatching", false, true, "f"),
                bind(Scope.LOGS, Action.HIDE_MATCHING, "keys.hideMatching", false, false, "h"),
                bind(Scope.LOGS, Action.CLEAR_SEARCH, "keys.clearSearch", false, false, "Esc"),
                bind(Scope.LOGS, Action.LEVEL_FILTER, "keys.levelFilter", false, true, "v"),
                bind(Scope.LOGS, Action.TIMESTAMPS, "keys.timestamps", false, false, "t"),
                bind(Scope.LOGS, Action.WRAP, "keys.wrap", false, false, "w"),
                bind(Scope.LOGS, Action.EXPORT, "keys.export", false, false, "e"),
                bind(Scope.LOGS, Action.PICK_SOURCES, "keys.pickSources", false, true, "o"),
                bind(Scope.LOGS, Action.UP, "keys.scrollUp", false, false, "Up", "k"),
                bind(Scope.LOGS, Action.DOWN, "keys.scrollDown", false, false, "Down", "j"),
                bind(Scope.LOGS, Action.PAGE_UP, "keys.pageUp", false, false, "PgUp"),
                bind(Scope.LOGS, Action.PAGE_DOWN, "keys.pageDown", false, false, "PgDn"),
                bind(Scope.LOGS, Action.FIRST, "keys.oldest", false, false, "Home", "g"),
                bind(Scope.LOGS, Action.LAST, "keys.follow", false, true, "End", "G"),
                bind(Scope.ALERTS, Action.UP, "keys.up", false, false, "Up", "k"),
                bind(Scope.ALERTS, Action.DOWN, "keys.down", false, false, "Down", "j"),
                bind(Scope.ALERTS, Action.ACKNOWLEDGE, "keys.acknowledge", false, true, "a"),
                bind(Scope.ALERTS, Action.SNOOZE, "keys.snooze", false, true, "s"),
                bind(Scope.BACKUPS, Action.BACKUP_DATABASE, "keys.backupDatabase", true, true, "b"),
                bind(Scope.BACKUPS, Action.BACKUP_FILES, "keys.backupFiles", true, true, "f"),
                bind(Scope.BACKUPS, Action.VERIFY_BACKUP, "keys.verifyBackup", false, true, "v"),
                bind(Scope.BACKUPS, Action.CANCEL_BACKUP, "keys.cancelBackup", false, true, "c"),
                bind(Scope.SECURITY, Action.UP, "keys.up", false, false, "Up", "k"),
                bind(Scope.SECURITY, Action.DOWN, "keys.down", false, false, "Down", "j"),
                bind(Scope.SECURITY, Action.OPEN_DETAIL, "keys.securityDetail", false, true, "Enter"),
                bind(Scope.SECURITY, Action.CHECK_SECURITY, "keys.checkSecurity", false, true, "c"),
                bind(Scope.EVENTS, Action.BACK, "keys.back", false, true, "Esc"),
                bind(Scope.EVENTS, Action.UP, "keys.scrollUp", false, false, "Up", "k"),
                bind(Scope.EVENTS, Action.DOWN, "keys.scrollDown", false, false, "Down", "j"),
                bind(Scope.EVENTS, Action.PAGE_UP, "keys.pageUp", false, false, "PgUp"),
                bind(Scope.EVENTS, Action.PAGE_DOWN, "keys.pageDown", false, false, "PgDn"),
                bind(Scope.EVENTS, Action.TOGGLE_ALERT_EVENTS, "keys.toggleAlertEvents", false, true, "a"),
                bind(Scope.EVENTS, Action.TOGGLE_DOCKER_EVENTS, "keys.toggleDockerEvents", false, true, "d"),
                bind(Scope.EVENTS, Action.TOGGLE_CONSOLE_EVENTS, "keys.toggleConsoleEvents", false, true, "c"),
                bind(Scope.EVENTS, Action.EXPORT, "keys.exportEvents", false, true, "w"),
                bind(Scope.HOSTS, Action.UP, "keys.up", false, false, "Up", "k"),
                bind(Scope.HOSTS, Action.DOWN, "keys.down", false, false, "Down", "j"),
                bind(Scope.HOSTS, Action.SWITCH_ENGINE, "keys.switchEngine", false, true, "Enter"),
                bind(Scope.HOSTS, Action.REFRESH, "keys.refreshHosts", false, true, "R", "F5"),
                bind(Scope.HOSTS, Action.BACK, "keys.back", false, true, "Esc"),
                bind(Scope.CHECKLISTS, Action.UP, "keys.up", false, false, "Up", "k"),
                bind(Scope.CHECKLISTS, Action.DOWN, "keys.down", false, false, "Down", "j"),
                bind(Scope.CHECKLISTS, Action.APPLY, "keys.startChecklist", false, true, "Enter"),
                bind(Scope.CHECKLISTS, Action.BACK, "keys.back", false, true, "Esc"),
                bind(Scope.CHECKLIST, Action.CONFIRM, "keys.checklistConfirm", false, true, "y"),
                bind(Scope.CHECKLIST, Action.NOTE, "keys.checklistNote", false, true, "n"),
                bind(Scope.CHECKLIST, Action.SKIP, "keys.checklistSkip", false, true, "s"),
                bind(Scope.CHECKLIST, Action.OPEN_LOGS, "keys.checklistLogs", false, true, "l"),
                bind(Scope.CHECKLIST, Action.RUN_BACKUP, "keys.checklistBackup", true, true, "b"),
                bind(Scope.CHECKLIST, Action.BACK, "keys.checklistLeave", false, true, "Esc"),
                bind(Scope.PROMPT, Action.APPLY, "keys.promptApply", false, true, "Enter"),
                bind(Scope.PROMPT, Action.CANCEL, "keys.promptCancel", false, true, "Esc"),
                bind(Scope.PROMPT, Action.DELETE_BACK, "keys.deleteBack", false, false, "Backspace"),
                bind(Scope.PROMPT, Action.CURSOR_LEFT, "keys.cursorLeft", false, false, "Left"),
                bind(Scope.PROMPT, Action.CURSOR_RIGHT, "keys.cursorRight", false, false, "Right"),
                bind(Scope.SEARCH, Action.APPLY, "keys.searchApply", false, true, "Enter"),
                bind(Scope.SEARCH, Action.CANCEL, "keys.searchCancel", false, true, "Esc"),
                bind(Scope.SEARCH, Action.DELETE_BACK, "keys.deleteBack", false, false, "Backspace"),
                bind(Scope.SEARCH, Action.CURSOR_LEFT, "keys.cursorLeft", false, false, "Left"),
                bind(Scope.SEARCH, Action.CURSOR_RIGHT, "keys.cursorRight", false, false, "Right"),
                bind(Scope.SEARCH, Action.CURSOR_HOME, "keys.cursorHome", false, false, "Home"),
                bind(Scope.SEARCH, Action.CURSOR_END, "keys.cursorEnd", false, false, "End"),
                bind(Scope.SOURCES, Action.UP, "keys.up", false, false, "Up", "k"),
                bind(Scope.SOURCES, Action.DOWN, "keys.down", false, false, "Down", "j"),
                bind(Scope.SOURCES, Action.TOGGLE, "keys.toggleSource", false, true, "Space"),
                bind(Scope.SOURCES, Action.APPLY, "keys.openSources", false, true, "Enter"),
                bind(Scope.SOURCES, Action.CANCEL, "keys.cancel", false, true, "Esc"),
                bind(Scope.HELP, Action.BACK, "keys.closeHelp", false, true, "Esc", "?", "q"),
                bind(Scope.DIALOG, Action.CONFIRM, "keys.confirm", false, true, "y"),
                bind(Scope.DIALOG, Action.CANCEL, "keys.cancel", false, true, "n", "Esc"),
                // Capitals no other scope uses: the banner's keys work beside every panel's own.
                bind(Scope.BANNER, Action.RESUME_WORKFLOW, "keys.resumeWorkflow", true, true, "U"),
                bind(Scope.BANNER, Action.ROLL_BACK_WORKFLOW, "keys.rollBackWorkflow", true, true, "X"),
                bind(Scope.BANNER, Action.DISMISS_BANNER, "keys.dismissBanner", false, true, "O"),
                bind(Scope.TAG_PICKER, Action.UP, "keys.up", false, false, "Up"),
                bind(Scope.TAG_PICKER, Action.DOWN, "keys.down", false, false, "Down"),
                bind(Scope.TAG_PICKER, Action.APPLY, "keys.guided.pickTag", false, true, "Enter"),
                bind(Scope.TAG_PICKER, Action.CANCEL, "keys.guided.cancel", false, true, "Esc"),
                bind(Scope.TAG_PICKER, Action.DELETE_BACK, "keys.deleteBack", false, false, "Backspace"),
                bind(Scope.TAG_PICKER, Action.CURSOR_LEFT, "keys.cursorLeft", false, false, "Left"),
                bind(Scope.TAG_PICKER, Action.CURSOR_RIGHT, "keys.cursorRight", false, false, "Right"),
                bind(Scope.RELEASE_PICKER, Action.UP, "keys.up", false, false, "Up", "k"),
                bind(Scope.RELEASE_PICKER, Action.DOWN, "keys.down", false, false, "Down", "j"),
                bind(Scope.RELEASE_PICKER, Action.APPLY, "keys.guided.pickRelease", false, true, "Enter"),
                bind(Scope.RELEASE_PICKER, Action.CANCEL, "keys.guided.cancel", false, true, "Esc"),
                bind(Scope.DEPLOY_GATE, Action.CONFIRM, "keys.guided.walkChecklist", false, true, "y"),
                bind(Scope.DEPLOY_GATE, Action.CANCEL, "keys.guided.cancel", false, true, "Esc", "n"),
                bind(Scope.DEPLOY_PLAN, Action.CONFIRM, "keys.guided.run", true, true, "y"),
                bind(Scope.DEPLOY_PLAN, Action.CANCEL, "keys.guided.cancel", false, true, "Esc", "n"),
                bind(Scope.DEPLOY_WAIT, Action.CANCEL, "keys.guided.cancel", false, true, "Esc"),
                bind(Scope.DEPLOY_RUN, Action.BACK, "keys.guided.close", false, true, "Esc", "Enter"),
                bind(Scope.DEPLOY_RUN, Action.QUIT, "keys.guided.quit", false, true, "q"));
    }
}
