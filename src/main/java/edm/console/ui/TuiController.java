package edm.console.ui;

import edm.console.core.ContainerInfo;
import edm.console.i18n.Messages;
import edm.console.ui.keys.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Turns events into state changes: applies data snapshots and dispatches key actions. Runs on the
 * UI thread only; slow work (engine calls) goes to the action executor and comes back as an event.
 */
public final class TuiController {
    private static final Duration FLASH_FOR = Duration.ofSeconds(6);

    private final UiState state;
    private final UiContext ctx;
    private final ContainerControl control;
    private final ExecutorService actions;
    private final Consumer<UiEvent> post;
    private final LogsController logs;
    private AlertsController alerts;
    private ChecklistController checklists;
    private int pageSize = 10;

    public TuiController(UiState state, UiContext ctx, ContainerControl control, ExecutorService actions,
                         Consumer<UiEvent> post) {
        this(state, ctx, control, actions, post, null, null, () -> { });
    }

    /** With log viewing: sessions open sources, exports go to exportDir, logsChanged schedules a redraw. */
    public TuiController(UiState state, UiContext ctx, ContainerControl control, ExecutorService actions,
                         Consumer<UiEvent> post, edm.console.logs.LogSessions sessions, java.nio.file.Path exportDir,
                         Runnable logsChanged) {
        this.state = state;
        this.ctx = ctx;
        this.control = control;
        this.actions = actions;
        this.post = post;
        this.logs = new LogsController(state, ctx, sessions, exportDir, actions, logsChanged, this::flash, post);
        this.alerts = new AlertsController(state, ctx, AlertControl.NONE, this::flash);
        this.checklists = new ChecklistController(state, ctx, ChecklistControl.NONE, actions, post, this::flash, this::showLogsOf);
        this.changes = new TrackedChanges(actions, post, new edm.console.core.InFlightWork(ctx.clock()));
        this.banner = new BannerController(state, ctx, actions, post, changes, this::flash);
    }

    private final TrackedChanges changes;
    private final BannerController banner;

    /** The register of started changes the app waits for before it ends (the TuiApp's). */
    public void track(edm.console.core.InFlightWork inFlight) {
        changes.track(inFlight);
    }

    /** The start-up banner: an unfinished workflow with resume / roll back, results from while the terminal was away. */
    public void useRecovery(RecoveryControl recovery) {
        banner.use(recovery);
    }

    /** Connects the checklist walkthrough (key C) to the checklists, the probes and the report directory. */
    public void useChecklists(ChecklistControl control) {
        this.checklists = new ChecklistController(state, ctx, control, actions, post, this::flash, this::showLogsOf);
        this.checklists.onRunBackup(this::runDatabaseBackup);
    }

    private void runDatabaseBackup() {
        if (ctx.keys().readOnly()) {
            flash(ctx.messages().get("action.readOnly"), Style.WARNING);
        } else if (!backups.backup(edm.console.backup.BackupKind.DATABASE)) {
            flash(ctx.messages().get("backups.busy"), Style.WARNING);
        }
    }

    private void showLogsOf(java.util.List<String> containers) {
        state.view = UiState.View.DASHBOARD;
        state.panel = Panel.LOGS;
        logs.open(containers.stream().map(edm.console.logs.LogSourceSpec::container).toList());
    }

    /** The checklists the picker shows; read when drawing. */
    public java.util.List<edm.console.checklist.Checklist> checklists() {
        return checklists.checklists();
    }

    /** Connects the Alerts panel and the Events view to the alert engine and the timeline. */
    public void useAlerts(AlertControl control) {
        this.alerts = new AlertsController(state, ctx, control, this::flash);
    }

    private BackupControl backups = BackupControl.NONE;

    public void useBackups(BackupControl control) {
        this.backups = control;
    }

    private void askToConfirmBackup(Action a) {
        if (ctx.keys().readOnly()) {
            flash(ctx.messages().get("action.readOnly"), Style.WARNING);
            return;
        }
        String what = ctx.messages().get(a == Action.BACKUP_DATABASE ? "backups.kind.database" : "backups.kind.files");
        state.confirm = new UiState.Confirm(a, "", what);
    }

    public void alertsPageSize(int rows) {
        alerts.pageSize(rows);
    }

    /** The timeline entries the Events view shows (filtered); read when drawing. */
    public java.util.List<edm.console.core.TimelineEntry> shownEvents() {
        return alerts.shownEvents();
    }

    public void pageSize(int rows) {
        pageSize = Math.max(1, rows);
    }

    public void logsPageSize(int rows) {
        logs.pageSize(rows);
    }

    /** Opens the configured log files (the Logs panel's default), e.g. at start-up in the wide layout. */
    public void openDefaultLogs() {
        logs.openDefault();
    }

    /** Opens these sources in the Logs panel (tests, and the app wiring a start-up choice). */
    public void openLogs(java.util.List<edm.console.logs.LogSourceSpec> specs) {
        logs.open(specs);
    }

    public void closeLogs() {
        logs.close();
    }

    public void handle(UiEvent e) {
        // Java 17: no pattern matching in switch yet.
        if (e instanceof UiEvent.Key k) {
            edm.console.ui.keys.Scope scope = ScreenRenderer.scope(state);
            java.util.Optional<Action> a = ctx.keys().resolve(k.key(), scope);
            if (banner.key(k.key(), scope)) {
                return;
            }
            if (scope == edm.console.ui.keys.Scope.SEARCH) {
                logs.searchKey(k.key(), a.orElse(null));
            } else if (scope == edm.console.ui.keys.Scope.SOURCES) {
                a.ifPresent(logs::pickerKey);
            } else if (scope == edm.console.ui.keys.Scope.PROMPT && state.checklist.prompting()) {
                checklists.promptKey(k.key(), a.orElse(null));
            } else if (scope == edm.console.ui.keys.Scope.PROMPT) {
                alerts.promptKey(k.key(), a.orElse(null));
            } else if (scope == edm.console.ui.keys.Scope.CHECKLISTS && a.isPresent() && CHECKLIST_ACTIONS.contains(a.get())) {
                checklists.pickerAction(a.get());
            } else if (scope == edm.console.ui.keys.Scope.CHECKLIST && a.isPresent() && CHECKLIST_ACTIONS.contains(a.get())) {
                checklists.walkAction(a.get());
            } else if (scope == edm.console.ui.keys.Scope.ALERTS && a.isPresent() && ALERT_ACTIONS.contains(a.get())) {
                alerts.alertsAction(a.get());
            } else if (scope == edm.console.ui.keys.Scope.EVENTS && a.isPresent() && EVENT_ACTIONS.contains(a.get())) {
                alerts.eventsAction(a.get());
            } else {
                a.ifPresent(this::dispatch);
            }
        } else if (e instanceof UiEvent.Tick) {
            banner.tick();
        } else if (e instanceof UiEvent.BannerLoaded b) {
            banner.loaded(b);
        } else if (e instanceof UiEvent.LogsChanged) {
            // Nothing to apply: the frame drawn after this event reads the session's buffer.
        } else if (e instanceof UiEvent.Containers c) {
            state.containers = c.snapshot();
            ContainerInfo still = state.selected();
            state.selectedId = still == null ? null : still.id();
        } else if (e instanceof UiEvent.OpenDefaultLogs) {
            logs.openDefault();
        } else if (e instanceof UiEvent.Backups b) {
            state.alerts.backups = b.status() != null ? b.status() : state.alerts.backups;
            state.alerts.backupsError = b.error();
        } else if (e instanceof UiEvent.BackupProgress p) {
            state.alerts.backupRunning = p.text();
        } else if (e instanceof UiEvent.BackupFinished b) {
            checklists.backupFinished(b.kind());
        } else if (e instanceof UiEvent.Health h) {
            state.alerts.health = h.snapshot();
            state.alerts.selectedAlert();
        } else if (e instanceof UiEvent.Host h) {
            state.host = h.snapshot();
        } else if (e instanceof UiEvent.DetailLoaded d) {
            if (d.id().equals(state.detailId)) {
                state.detail = d.detail();
                state.detailError = d.error();
            }
        } else if (e instanceof UiEvent.ActionDone a) {
            flash(a.message(), a.failed() ? Style.CRITICAL : Style.OK);
            if (state.view == UiState.View.DETAIL && a.containerId().equals(state.detailId)) {
                loadDetail(a.containerId());
            }
        } else if (e instanceof UiEvent.ChecklistChecked c) {
            checklists.checked(c);
        } else if (e instanceof UiEvent.ChecklistRechecked c) {
            checklists.rechecked(c);
        } else if (e instanceof UiEvent.QuitRequested) {
            quit();
        } else if (e instanceof UiEvent.InputClosed) {
            // The terminal is gone: the TuiApp stops drawing and ends once no started change runs.
        }
    }

    private static final java.util.Set<Action> ALERT_ACTIONS = java.util.EnumSet.of(Action.UP, Action.DOWN,
            Action.ACKNOWLEDGE, Action.SNOOZE);
    private static final java.util.Set<Action> EVENT_ACTIONS = java.util.EnumSet.of(Action.UP, Action.DOWN,
            Action.PAGE_UP, Action.PAGE_DOWN, Action.TOGGLE_ALERT_EVENTS, Action.TOGGLE_DOCKER_EVENTS,
            Action.TOGGLE_CONSOLE_EVENTS, Action.EXPORT, Action.BACK);

    private static final java.util.Set<Action> CHECKLIST_ACTIONS = java.util.EnumSet.of(Action.UP, Action.DOWN, Action.APPLY,
            Action.BACK, Action.CONFIRM, Action.NOTE, Action.SKIP, Action.OPEN_LOGS, Action.RUN_BACKUP);

    private static final java.util.Set<Action> MOVES = java.util.EnumSet.of(Action.UP, Action.DOWN, Action.PAGE_UP,
            Action.PAGE_DOWN, Action.FIRST, Action.LAST);

    void dispatch(Action a) {
        if (state.view == UiState.View.DASHBOARD && state.panel == Panel.LOGS && MOVES.contains(a)) {
            logs.dispatch(a); // the log view scrolls its own way (and pauses following)
            return;
        }
        switch (a) {
            case QUIT -> quit();
            case HELP -> {
                state.view = UiState.View.HELP;
                state.helpScroll = 0;
            }
            case BACK -> state.view = state.view == UiState.View.DETAIL || state.view == UiState.View.HELP
                    || state.view == UiState.View.EVENTS
                    ? UiState.View.DASHBOARD : state.view;
            case NEXT_PANEL -> showPanel(state.panel.next());
            case PREVIOUS_PANEL -> showPanel(state.panel.previous());
            case SHOW_CONTAINERS -> showPanel(Panel.CONTAINERS);
            case SHOW_RESOURCES -> showPanel(Panel.RESOURCES);
            case SHOW_HEALTH -> showPanel(Panel.HEALTH);
            case SHOW_ALERTS -> showPanel(Panel.ALERTS);
            case SHOW_BACKUPS -> showPanel(Panel.BACKUPS);
            case BACKUP_DATABASE, BACKUP_FILES -> askToConfirmBackup(a);
            case VERIFY_BACKUP -> {
                if (!backups.verifyNewest(edm.console.backup.BackupKind.DATABASE)) {
                    flash(ctx.messages().get("backups.busy"), Style.WARNING);
                }
            }
            case CANCEL_BACKUP -> backups.cancel();
            case OPEN_EVENTS -> {
                state.view = UiState.View.EVENTS;
                state.alerts.eventsAtEnd = true;
            }
            case SHOW_LOGS -> showPanel(Panel.LOGS);
            case OPEN_CHECKLISTS -> checklists.open();
            case NOTE, SKIP -> {
                // only bound in the checklist walk, handled above
            }
            case ZOOM -> state.zoomed = !state.zoomed;
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-pageSize);
            case PAGE_DOWN -> move(pageSize);
            case FIRST -> move(Integer.MIN_VALUE / 2);
            case LAST -> move(Integer.MAX_VALUE / 2);
            case OPEN_DETAIL -> openDetail();
            case START, STOP, RESTART, ROLLBACK -> askToConfirm(a);
            case DEPLOY -> askForTag();
            case CONFIRM -> runConfirmed();
            case CANCEL -> state.confirm = null;
            case OPEN_LOGS, PICK_SOURCES, PAUSE, SEARCH, NEXT_MATCH, PREVIOUS_MATCH, ONLY_MATCHING, HIDE_MATCHING,
                    CLEAR_SEARCH, LEVEL_FILTER, TIMESTAMPS, WRAP, EXPORT -> logs.dispatch(a);
            case APPLY, CURSOR_LEFT, CURSOR_RIGHT, CURSOR_HOME, CURSOR_END, DELETE_BACK, TOGGLE -> {
                // only bound in the search line and the source picker, handled above
            }
            case RESUME_WORKFLOW, ROLL_BACK_WORKFLOW, DISMISS_BANNER -> {
                // only bound in the banner, handled above
            }
            case REFRESH -> {
                actions.execute(control::refreshNow);
                if (state.view == UiState.View.DETAIL && state.detailId != null) {
                    loadDetail(state.detailId);
                }
            }
        }
    }

    /** q while a change runs: the console stays until it has finished (or rolled back), then ends. */
    private void quit() {
        java.util.List<String> running = changes.inFlight().running();
        if (!running.isEmpty()) {
            state.flash = new UiState.Flash(ctx.messages().get("quit.waiting", String.join(", ", running)), Style.WARNING,
                    Instant.MAX);
        }
        state.quit = true;
    }

    private void showPanel(Panel p) {
        state.panel = p;
        state.view = UiState.View.DASHBOARD;
        if (p == Panel.LOGS) {
            logs.openDefault();
        }
    }

    private void move(int delta) {
        switch (state.view) {
            case DETAIL -> state.detailScroll = Math.max(0, clampAdd(state.detailScroll, delta));
            case HELP -> state.helpScroll = Math.max(0, clampAdd(state.helpScroll, delta));
            case DASHBOARD -> state.select(clampAdd(Math.max(0, state.selectedIndex()), delta));
        }
    }

    private static int clampAdd(int a, int b) {
        long r = (long) a + b;
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, r));
    }

    private void openDetail() {
        ContainerInfo c = state.selected();
        if (c == null) {
            return;
        }
        state.view = UiState.View.DETAIL;
        state.detailId = c.id();
        state.detail = null;
        state.detailError = null;
        state.detailScroll = 0;
        loadDetail(c.id());
    }

    private void loadDetail(String id) {
        actions.execute(() -> {
            try {
                post.accept(new UiEvent.DetailLoaded(id, control.inspect(id), null));
            } catch (RuntimeException ex) {
                post.accept(new UiEvent.DetailLoaded(id, null, ctx.messages().get("detail.failed", ex.getMessage())));
            }
        });
    }

    private WorkflowControl workflows = WorkflowControl.NONE;

    /** Deploy and rollback from the containers panel (the app wires the workflows in). */
    public void useWorkflows(WorkflowControl w) {
        this.workflows = w;
        alerts.onDeploy = this::startDeploy;
    }

    /** Deploy asks for the tag in the prompt line; applying it is the confirmation (the tag is typed). */
    private void askForTag() {
        if (ctx.keys().readOnly()) {
            flash(ctx.messages().get("action.readOnly"), Style.WARNING);
            return;
        }
        ContainerInfo c = state.selected();
        if (c != null && !banner.blocksNewWorkflow()) {
            state.alerts.prompt = new AlertsState.Prompt(AlertsState.PromptKind.DEPLOY, c.name(), c.name(), new LineEditor(""));
        }
    }

    private void startDeploy(String container, String tag) {
        if (banner.blocksNewWorkflow()) {
            return;
        }
        Messages m = ctx.messages();
        flash(m.get("deploy.running", container, tag), Style.WARNING);
        changes.run("deploy", container + " " + tag, "",
                () -> workflows.deploy(container, tag, line -> post.accept(new UiEvent.ActionDone("", line, false))),
                ex -> m.get("deploy.failed", container, ex.getMessage()), () -> { });
    }

    private void askToConfirm(Action a) {
        if (ctx.keys().readOnly()) {
            // Unreachable through the key map (it drops dangerous keys), kept as a second lock.
            flash(ctx.messages().get("action.readOnly"), Style.WARNING);
            return;
        }
        ContainerInfo c = state.view == UiState.View.DETAIL && state.detail != null ? state.detail.summary() : state.selected();
        if (c == null || a == Action.ROLLBACK && banner.blocksNewWorkflow()) {
            return;
        }
        state.confirm = new UiState.Confirm(a, c.id(), c.name());
    }

    private void runConfirmed() {
        UiState.Confirm c = state.confirm;
        state.confirm = null;
        if (c == null || ctx.keys().readOnly()) {
            return;
        }
        if (c.action() == Action.BACKUP_DATABASE || c.action() == Action.BACKUP_FILES) {
            edm.console.backup.BackupKind kind = c.action() == Action.BACKUP_DATABASE
                    ? edm.console.backup.BackupKind.DATABASE : edm.console.backup.BackupKind.FILES;
            if (!backups.backup(kind)) {
                flash(ctx.messages().get("backups.busy"), Style.WARNING);
            }
            return;
        }
        if (c.action() == Action.RESUME_WORKFLOW || c.action() == Action.ROLL_BACK_WORKFLOW) {
            banner.confirmed(c);
            return;
        }
        Messages m = ctx.messages();
        String verb = c.action().name().toLowerCase(Locale.ROOT);
        flash(m.get("action.running." + verb, c.containerName()), Style.WARNING);
        Instant start = Instant.now();
        changes.run(verb, c.containerName(), c.containerId(), () -> {
            switch (c.action()) {
                case START -> control.start(c.containerId());
                case STOP -> control.stop(c.containerId());
                case RESTART -> control.restart(c.containerId());
                case ROLLBACK -> {
                    return workflows.rollback(c.containerName(), line -> post.accept(new UiEvent.ActionDone("", line, false)));
                }
                default -> throw new IllegalStateException(c.action().name());
            }
            double secs = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            return m.get("action.done." + verb, c.containerName(), String.format(m.locale(), "%.1f", secs));
        }, ex -> m.get("action.failed." + verb, c.containerName(), ex.getMessage()), () -> { });
    }

    void flash(String text, Style style) {
        state.flash = new UiState.Flash(text, style, ctx.clock().now().plus(FLASH_FOR));
    }
}
