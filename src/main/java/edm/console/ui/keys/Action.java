package edm.console.ui.keys;

/** Everything a key can do. The key-binding table maps keys to these; the UI maps these to behaviour. */
public enum Action {
    QUIT, HELP, BACK,
    NEXT_PANEL, PREVIOUS_PANEL, SHOW_CONTAINERS, SHOW_RESOURCES, ZOOM,
    UP, DOWN, PAGE_UP, PAGE_DOWN, FIRST, LAST,
    OPEN_DETAIL, START, STOP, RESTART, DEPLOY, ROLLBACK, REFRESH,
    CONFIRM, CANCEL,
    SHOW_LOGS, OPEN_LOGS, PICK_SOURCES, PAUSE, SEARCH, NEXT_MATCH, PREVIOUS_MATCH, ONLY_MATCHING, HIDE_MATCHING,
    CLEAR_SEARCH, LEVEL_FILTER, TIMESTAMPS, WRAP, EXPORT,
    SHOW_HEALTH, SHOW_ALERTS, OPEN_EVENTS, ACKNOWLEDGE, SNOOZE, TOGGLE_ALERT_EVENTS, TOGGLE_DOCKER_EVENTS,
    TOGGLE_CONSOLE_EVENTS, SHOW_BACKUPS, RUN_BACKUP, BACKUP_DATABASE, BACKUP_FILES, VERIFY_BACKUP, CANCEL_BACKUP,
    /** Checklists: open the picker, confirm with a note, skip with a reason. */
    OPEN_CHECKLISTS, NOTE, SKIP,
    /** In the search line and the source picker. */
    APPLY, CURSOR_LEFT, CURSOR_RIGHT, CURSOR_HOME, CURSOR_END, DELETE_BACK, TOGGLE,
    /** The banner: resume or roll back the workflow a crash left unfinished; dismiss what finished while away. */
    RESUME_WORKFLOW, ROLL_BACK_WORKFLOW, DISMISS_BANNER,
    /** The Security panel: show it, run the rules again now. */
    SHOW_SECURITY, CHECK_SECURITY,
    /** The hosts view: show it, switch every panel to the selected engine. */
    SHOW_HOSTS, SWITCH_ENGINE
}
