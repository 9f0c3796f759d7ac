package edm.console.ui;

import edm.console.checklist.Checklist;
import edm.console.core.ContainerInfo;
import edm.console.core.InFlightWork;
import edm.console.core.TimelineEntry;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSourceSpec;
import edm.console.ui.keys.Action;
import edm.console.ui.keys.Scope;
import edm.console.ui.panels.ContainerRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final SecurityController security;
    private int pageSize = 10;

    public TuiController(UiState state, UiContext ctx, ContainerControl control, ExecutorService actions,
                         Consumer<UiEvent> post) {
        this(state, ctx, control, actions, post, null, null, () -> { });
    }

    /** With log viewing: sessions open sources, exports go to exportDir, logsChanged schedules a redraw. */
    public TuiController(UiState state, UiContext ctx, ContainerControl control, ExecutorService actions,
                         Consumer<UiEvent> post, LogSessions sessions, Path exportDir,
                         Runnable logsChanged) {
        this.state = state;
        this.ctx = ctx;
        this.control = control;
        this.actions = actions;
        this.post = post;
        if (control != null) {
            state.onRowsShown = control::showing; // stats are sampled for the rows on screen only
        }
        this.logs = new LogsController(state, ctx, sessions, exportDir, actions, logsChanged, this::flash, post);
        this.alerts = new AlertsController(state, ctx, AlertControl.NONE, this::flash);
        this.security = new SecurityController(state, ctx);
        this.checklists = new ChecklistController(state, ctx, ChecklistControl.NONE, actions, post, this::flash, this::showLogsOf);
        this.changes = new TrackedChanges(actions, post, new InFlightWork(ctx.clock()));
        this.banner = new BannerController(state, ctx, actions, post, changes, this::flash);
        this.changeActions = new ChangeActions(state, ctx, control, post, changes, banner, this::flash);
        this.guided = new GuidedController(state, ctx, actions, post, changes, banner::blocksNewWorkflow, this::flash);
        this.hosts = new HostsController(state, ctx, changes::inFlight, this::flash);
        connectWalks();
    }

    private final GuidedController guided;
    private final HostsController hosts;

    /** Connects the hosts view (H) to the poller and the switch of engine. */
    public void useHosts(HostsControl control) {
        hosts.use(control);
    }

    /** D's checklist gate opens the walk and hears when it ends. */
    private void connectWalks() {
        checklists.onWalkEnded(guided::walkEnded);
        guided.walkWith(checklists::walk);
    }

    private final TrackedChanges changes;
    private final BannerController banner;
    private final ChangeActions changeActions;

    /** The register of started changes the app waits for before it ends (the TuiApp's). */
    public void track(InFlightWork inFlight) {
        changes.track(inFlight);
    }

    /** The start-up banner: an unfinished workflow with resume / roll back, results from while the terminal was away. */
    public void useRecovery(RecoveryControl recovery) {
        banner.use(recovery);
    }

    /** Connects the checklist walkthrough (key C) to the checklists, the probes and the report directory. */
    public void useChecklists(ChecklistControl control) {
        this.checklists = new ChecklistController(state, ctx, control, actions, post, this::flash, this::showLogsOf);
        this.checklists.onRunBackup(changeActions::runDatabaseBackup);
        connectWalks();
    }

    private void showLogsOf(List<String> containers) {
        state.view = UiState.View.DASHBOARD;
        state.panel = Panel.LOGS;
        logs.open(containers.stream().map(LogSourceSpec::container).toList());
    }

    /** The checklists the picker shows; read when drawing. */
    public List<Checklist> checklists() {
        return checklists.checklists();
    }

    /** Connects the Alerts panel and the Events view to the alert engine and the timeline. */
    public void useAlerts(AlertControl control) {
        this.alerts = new AlertsController(state, ctx, control, this::flash);
    }

    /** Connects the Security panel (key 7) to the rules, which run in the background from its first opening. */
    public void useSecurity(SecurityControl control) {
        security.use(control);
    }

    public void useBackups(BackupControl control) {
        changeActions.useBackups(control);
    }

    public void alertsPageSize(int rows) {
        alerts.pageSize(rows);
    }

    /** The timeline entries the Events view shows (filtered); read when drawing. */
    public List<TimelineEntry> shownEvents() {
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
    public void openLogs(List<LogSourceSpec> specs) {
        logs.open(specs);
    }

    public void closeLogs() {
        logs.close();
    }

    public void handle(UiEvent e) {
        // Java 17: no pattern matching in switch yet.
        if (e instanceof UiEvent.Key k) {
            Scope scope = ScreenRenderer.scope(state);
            Optional<Action> a = ctx.keys().resolve(k.key(), scope);
            if (banner.key(k.key(), scope)) {
                return;
            }
            if (GuidedController.SCOPES.contains(scope) && a.isPresent() && a.get() == Action.QUIT) {
                quit(); // the run's view: q waits for the run as it does everywhere
            } else if (GuidedController.SCOPES.contains(scope)) {
                guided.key(k.key(), a.orElse(null));
            } else if (scope == Scope.SEARCH) {
                logs.searchKey(k.key(), a.orElse(null));
            } else if (scope == Scope.SOURCES) {
                a.ifPresent(logs::pickerKey);
            } else if (scope == Scope.PROMPT && state.checklist.prompting()) {
                checklists.promptKey(k.key(), a.orElse(null));
            } else if (scope == Scope.PROMPT) {
                alerts.promptKey(k.key(), a.orElse(null));
            } else if (scope == Scope.CHECKLISTS && a.isPresent() && CHECKLIST_ACTIONS.contains(a.get())) {
                checklists.pickerAction(a.get());
            } else if (scope == Scope.CHECKLIST && a.isPresent() && CHECKLIST_ACTIONS.contains(a.get())) {
                checklists.walkAction(a.get());
            } else if (scope == Scope.ALERTS && a.isPresent() && ALERT_ACTIONS.contains(a.get())) {
                alerts.alertsAction(a.get());
            } else if (scope == Scope.SECURITY && a.isPresent() && SecurityController.ACTIONS.contains(a.get())) {
                security.action(a.get());
            } else if (scope == Scope.HOSTS && a.isPresent() && HostsController.ACTIONS.contains(a.get())) {
                hosts.action(a.get());
            } else if (scope == Scope.EVENTS && a.isPresent() && EVENT_ACTIONS.contains(a.get())) {
                alerts.eventsAction(a.get());
            } else {
                a.ifPresent(this::dispatch);
            }
        } else if (e instanceof UiEvent.Guided g) {
            guided.handle(g);
        } else if (e instanceof UiEvent.Tick) {
            banner.tick();
        } else if (e instanceof UiEvent.BannerLoaded b) {
            banner.loaded(b);
        } else if (e instanceof UiEvent.LogsChanged) {
            // Nothing to apply: the frame drawn after this event reads the session's buffer.
        } else if (e instanceof UiEvent.Containers c) {
            state.containers = c.snapshot();
            keepSelection();
            state.rows().stream().filter(r -> r.name().equals(state.followName)).findFirst().ifPresent(r -> state.selectedId = r.id());
        } else if (e instanceof UiEvent.Swarm w) {
            state.swarm = w.view();
            keepSelection();
        } else if (e instanceof UiEvent.Drift d) {
            state.drift = d.report();
        } else if (e instanceof UiEvent.OpenDefaultLogs) {
            logs.openDefault();
        } else if (e instanceof UiEvent.Backups b) {
            state.alerts.backups = b.status() != null ? b.status() : state.alerts.backups;
            state.alerts.backupsError = b.error();
            state.alerts.schedule = b.schedule() != null ? b.schedule() : state.alerts.schedule;
        } else if (e instanceof UiEvent.BackupProgress p) {
            state.alerts.backupRunning = p.text();
        } else if (e instanceof UiEvent.BackupFinished b) {
            checklists.backupFinished(b.kind());
        } else if (e instanceof UiEvent.Health h) {
            state.alerts.health = h.snapshot();
            state.alerts.selectedAlert();
        } else if (e instanceof UiEvent.SecurityChecking) {
            security.checking();
        } else if (e instanceof UiEvent.Security r) {
            security.reported(r);
        } else if (e instanceof UiEvent.Hosts h) {
            hosts.hosts(h);
        } else if (e instanceof UiEvent.SwitchFailed f) {
            hosts.failed(f);
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

    private static final Set<Action> ALERT_ACTIONS = EnumSet.of(Action.UP, Action.DOWN,
            Action.ACKNOWLEDGE, Action.SNOOZE);
    private static final Set<Action> EVENT_ACTIONS = EnumSet.of(Action.UP, Action.DOWN,
            Action.PAGE_UP, Action.PAGE_DOWN, Action.TOGGLE_ALERT_EVENTS, Action.TOGGLE_DOCKER_EVENTS,
            Action.TOGGLE_CONSOLE_EVENTS, Action.EXPORT, Action.BACK);

    private static final Set<Action> CHECKLIST_ACTIONS = EnumSet.of(Action.UP, Action.DOWN, Action.APPLY,
            Action.BACK, Action.CONFIRM, Action.NOTE, Action.SKIP, Action.OPEN_LOGS, Action.RUN_BACKUP);

    private static final Set<Action> MOVES = EnumSet.of(Action.UP, Action.DOWN, Action.PAGE_UP,
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
                    || state.view == UiState.View.EVENTS || state.view == UiState.View.HOSTS
                    ? UiState.View.DASHBOARD : state.view;
            case NEXT_PANEL -> showPanel(state.panel.next());
            case PREVIOUS_PANEL -> showPanel(state.panel.previous());
            case SHOW_CONTAINERS -> showPanel(Panel.CONTAINERS);
            case SHOW_RESOURCES -> showPanel(Panel.RESOURCES);
            case SHOW_HEALTH -> showPanel(Panel.HEALTH);
            case SHOW_ALERTS -> showPanel(Panel.ALERTS);
            case SHOW_BACKUPS -> showPanel(Panel.BACKUPS);
            case SHOW_SECURITY -> showPanel(Panel.SECURITY);
            case CHECK_SECURITY -> {
                // only bound in the Security panel, handled above
            }
            case BACKUP_DATABASE, BACKUP_FILES -> changeActions.askToConfirmBackup(a);
            case VERIFY_BACKUP -> changeActions.verifyNewestBackup();
            case CANCEL_BACKUP -> changeActions.cancelBackup();
            case OPEN_EVENTS -> {
                state.view = UiState.View.EVENTS;
                state.alerts.eventsAtEnd = true;
            }
            case SHOW_LOGS -> showPanel(Panel.LOGS);
            case SHOW_HOSTS -> hosts.open();
            case SWITCH_ENGINE -> {
                // only bound in the hosts view, handled above
            }
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
            case START, STOP, RESTART -> changeActions.askToConfirm(a);
            case DEPLOY -> guided.openDeploy();
            case ROLLBACK -> guided.openRollback();
            case CONFIRM -> changeActions.runConfirmed();
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
        List<String> running = changes.inFlight().running();
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
        if (p == Panel.SECURITY) {
            security.opened();
        }
    }

    /**
     * The rows changed: the selection stays on its row, or moves to the first when that row went away. Before
     * the operator chose one it stays on whatever row is first (the services, once the swarm was read).
     */
    private void keepSelection() {
        if (state.selectedId == null) {
            return;
        }
        ContainerRow still = state.selectedRow();
        state.selectedId = still == null ? null : still.key();
    }

    private void move(int delta) {
        switch (state.view) {
            case DETAIL -> state.detailScroll = Math.max(0, clampAdd(state.detailScroll, delta));
            case HELP -> state.helpScroll = Math.max(0, clampAdd(state.helpScroll, delta));
            case DASHBOARD -> {
                state.followName = null;
                state.select(clampAdd(Math.max(0, state.selectedIndex()), delta));
            }
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

    /** Deploy and rollback from the containers panel (the app wires the workflows in). */
    public void useWorkflows(WorkflowControl w) {
        guided.use(w);
    }

    void flash(String text, Style style) {
        state.flash = new UiState.Flash(text, style, ctx.clock().now().plus(FLASH_FOR));
    }
}
