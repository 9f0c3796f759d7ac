package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import edm.console.core.InFlightWork;
import edm.console.core.Threads;
import edm.console.logs.LogSessions;
import edm.console.ui.render.CellBuffer;
import edm.console.ui.render.FrameTrace;
import edm.console.ui.render.TerminalPainter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The UI thread: waits on one event queue (keys, resizes, data snapshots, a one-second tick) and
 * redraws after each batch of events. Waiting on a queue rather than polling keeps an idle console
 * near zero CPU. A key, a resize or an action's result is drawn at once; data (containers, host,
 * health, logs, backups) at most {@link #DATA_FRAMES_PER_SECOND} times a second; a clock tick redraws
 * the status bar's row alone. The caller owns the screen's start and stop (so the terminal is restored
 * even when this throws); the screen is used for that and for input only: frames go to its terminal
 * through our own {@link CellBuffer} and {@link TerminalPainter}.
 *
 * <p>The loop ends when the operator quits or the terminal goes away (input closed, a write failed, the
 * launcher's SIGHUP/SIGTERM handler), but never while a change it started still runs: then it stops
 * drawing, keeps applying events, and ends once that work has finished or rolled back.
 */
public final class TuiApp {
    /** Data frames a second at most: enough for stats and logs to look live, little CPU. */
    static final int DATA_FRAMES_PER_SECOND = 5;
    private static final long DATA_FRAME_GAP_NANOS = 1_000_000_000L / DATA_FRAMES_PER_SECOND;

    private final Screen screen;
    private final FrameDrawer drawer;
    private final KeyTrace keyTrace = new KeyTrace(FrameTrace.fromEnvironment());
    /**
     * How long a data snapshot waits for the ones that follow it: an idle console drew two frames where one
     * shows the same (Host, then Health 1-20 ms later; Containers, then Health), half its frames.
     */
    static final long DATA_SETTLE_NANOS = 100_000_000L;
    /** How long the first frame waits for a first event (the container list) before it is drawn without one. */
    static final long START_WAIT_MILLIS = 150;
    /** When the pending data frame is drawn. */
    private long dataDueAt;
    // Rebuilt when the operator switches engine (the UI thread only): the panels start afresh on the other engine.
    private UiState state = new UiState();
    private ScreenRenderer renderer;
    private TuiController controller;
    private final Path exportDir;
    private HostsControl hosts = HostsControl.NONE;
    private final BlockingQueue<UiEvent> queue = new LinkedBlockingQueue<>();
    private final ExecutorService actions = Executors.newFixedThreadPool(2, Threads.daemon("edm-action"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("edm-tick"));

    private final AtomicBoolean logsRedrawPending = new AtomicBoolean();
    private final InFlightWork inFlight;
    /** Set when drawing must stop: the terminal is gone, or drawing failed (a bug; rethrown at the end). */
    private volatile boolean drawingStopped;
    private RuntimeException drawFailure;

    public TuiApp(Screen screen, UiContext ctx, ContainerControl control) {
        this(screen, ctx, control, null, null);
    }

    /**
     * With log viewing (sessions may be null: the Logs panel then says it is not available). The screen
     * must be a {@link TerminalScreen}: frames are painted on its terminal.
     */
    public TuiApp(Screen screen, UiContext ctx, ContainerControl control, LogSessions logs,
                  Path exportDir) {
        if (!(screen instanceof TerminalScreen ts)) {
            throw new IllegalArgumentException("TuiApp paints on a TerminalScreen's terminal, not on " + screen.getClass());
        }
        this.screen = screen;
        this.drawer = new FrameDrawer(screen, new TerminalPainter(ts.getTerminal(), ctx.theme()), keyTrace,
                System.nanoTime() - DATA_FRAME_GAP_NANOS);
        this.exportDir = exportDir;
        this.inFlight = new InFlightWork(ctx.clock());
        panels(ctx, control, logs);
    }

    private void panels(UiContext ctx, ContainerControl control, LogSessions logs) {
        this.renderer = new ScreenRenderer(ctx, logs != null);
        this.controller = new TuiController(state, ctx, control, actions, this::post, logs, exportDir, this::logsChanged);
        controller.track(inFlight);
        controller.useHosts(hosts);
    }

    /** Connects the hosts view (before {@link #run}); it stays connected across switches of engine. */
    public void useHosts(HostsControl control) {
        hosts = control;
        controller.useHosts(control);
    }

    /**
     * Rebuilds every panel on another engine (the UI thread, from {@link UiEvent.EngineReady}): the old panels'
     * log streams close, the state starts afresh but for the panel shown, the zoom and the hosts view, and the
     * engine's wiring is applied before its monitors start. Refused (and the engine abandoned) when a change this
     * console started runs after all: a switch never cuts one.
     */
    void switchEngine(EngineUi e) {
        List<String> running = inFlight.running();
        if (!running.isEmpty()) {
            e.abandon().run();
            state.hosts.switching = null;
            controller.flash(e.ctx().messages().get("hosts.switchRefused", e.name(), String.join(", ", running)), Style.WARNING);
            return;
        }
        controller.closeLogs();
        UiState before = state;
        state = new UiState();
        state.panel = before.panel;
        state.zoomed = before.zoomed;
        state.hosts.takeOver(before.hosts);
        state.hosts.current = e.name();
        state.hosts.switching = null;
        panels(e.ctx(), e.control(), e.logs());
        e.wire().accept(this);
        drawer.forget(); // everything on screen changes: a complete frame
        e.activate().run();
        controller.flash(e.ctx().messages().get("hosts.switched", e.name()), Style.OK);
    }

    /** The work this console has started and not finished; the launcher waits for it before exiting. */
    public InFlightWork inFlight() {
        return inFlight;
    }

    /** SIGTERM: quit as q does, once no started change runs any more (the screen says so meanwhile). */
    public void quitWhenIdle() {
        post(new UiEvent.QuitRequested());
    }

    /**
     * The terminal went away (SIGHUP, SIGTERM, input closed, a write failed): nothing is drawn any more;
     * the loop ends as soon as no started work runs. Thread-safe (called from signal handlers).
     */
    public void terminalGone() {
        drawingStopped = true;
        inFlight.terminalLost();
        post(new UiEvent.InputClosed());
    }

    /**
     * Called by the log pump after every batch, possibly thousands of times a second: at most one redraw
     * is scheduled per 100 ms, so a chatty source costs ten frames a second, not a frame per line.
     */
    private void logsChanged() {
        if (logsRedrawPending.compareAndSet(false, true)) {
            try {
                ticker.schedule(() -> {
                    logsRedrawPending.set(false);
                    post(new UiEvent.LogsChanged());
                }, 100, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                logsRedrawPending.set(false); // shutting down
            }
        }
    }

    /** Connects alerting (before {@link #run}); without it the Alerts panel and Events view stay empty. */
    public void useAlerts(AlertControl alerts) {
        controller.useAlerts(alerts);
        renderer.useEvents(controller::shownEvents);
    }

    /** Connects the Backups panel's actions (before {@link #run}). */
    public void useBackups(BackupControl backups) {
        controller.useBackups(backups);
    }

    /** Connects the Security panel to the rules (before {@link #run}); without it the panel says they are not available. */
    public void useSecurity(SecurityControl security) {
        controller.useSecurity(security);
    }

    /** Connects the checklist walkthrough (before {@link #run}); without it the picker is empty. */
    public void useChecklists(ChecklistControl checklists) {
        controller.useChecklists(checklists);
        renderer.useChecklists(controller::checklists);
    }

    public TuiController controller() {
        return controller;
    }

    /** Thread-safe: any thread may hand the UI an event. */
    public void post(UiEvent e) {
        queue.add(e);
    }

    public UiState state() {
        return state;
    }

    /** Traces keys and frames into this (tests; the console reads {@link FrameTrace#VARIABLE}). */
    void trace(FrameTrace t) {
        keyTrace.use(t);
    }

    /** Runs until the operator quits or the terminal goes away, and no started work runs any more. */
    public void run() throws IOException, InterruptedException {
        Thread input = new Thread(this::readInput, "edm-input");
        input.setDaemon(true);
        input.start();
        ClockTick.start(ticker, () -> post(new UiEvent.Tick()));
        boolean dataPending = false;
        try {
            // The first list is usually read by now or within a moment: drawn in the first frame itself, it costs
            // one frame instead of an empty screen it replaces at once (a frame is most of the CPU at launch).
            UiEvent early = queue.poll(START_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (early != null) {
                handleAll(early);
            }
            draw(true, "start");
            while (!over()) {
                UiEvent e;
                if (dataPending) {
                    long wait = dataDueAt - System.nanoTime();
                    e = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (e == null) {
                        dataPending = false;
                        if (!drawingStopped) {
                            draw(false, "data");
                        }
                        continue;
                    }
                } else {
                    e = queue.take();
                }
                Batch batch = handleAll(e);
                if (over()) {
                    break;
                }
                if (drawingStopped) {
                    dataPending = false;
                    continue; // nobody to draw for: keep applying events until the work has finished
                }
                switch (batch) {
                    case TICKS_ONLY -> {
                        if (flashExpiring()) {
                            draw(false, "flash");
                            dataPending = false;
                        } else if (!dataPending) {
                            // Only the clock moved: redraw the status bar, not the whole screen (idle CPU).
                            guarded(this::drawStatusBar);
                        }
                    }
                    case DATA -> {
                        // Snapshots coalesce: at most a few frames a second, however often they come, and each
                        // waits a moment for the ones it brings along (a host sample is followed by the health
                        // probes judged on it, a stats round by the container probes): one frame for both.
                        if (!dataPending) {
                            dataDueAt = Math.max(drawer.lastFrameStart() + DATA_FRAME_GAP_NANOS, System.nanoTime() + DATA_SETTLE_NANOS);
                            dataPending = true;
                        }
                    }
                    case CHANGED -> {
                        draw(false, batchReason());
                        dataPending = false;
                    }
                    case RESIZED -> {
                        draw(true, "resize");
                        dataPending = false;
                    }
                }
            }
        } finally {
            controller.closeLogs();
            ticker.shutdownNow();
            // No interrupt: a workflow still running (a bug brought us here) must finish; the launcher waits for it.
            actions.shutdown();
        }
        if (drawFailure != null) {
            throw drawFailure;
        }
    }

    private String batchReason() {
        return keyTrace.keysWaiting() ? "key" : "event";
    }

    /** Quit asked for or terminal gone, and nothing this console started still runs. */
    private boolean over() {
        return (state.quit || drawingStopped) && !inFlight.busy();
    }

    private interface ScreenWork {
        void run() throws IOException;
    }

    /**
     * A write to a terminal that has gone (tmux kill-session, SSH drop: EIO) ends drawing for good, never
     * the loop: a deploy in flight must not die of it. A bug in drawing stops drawing too, and is rethrown
     * once the work has finished.
     */
    private void guarded(ScreenWork w) {
        try {
            w.run();
        } catch (IOException e) {
            terminalGone();
        } catch (RuntimeException e) {
            drawingStopped = true;
            drawFailure = e;
        }
    }

    private void draw(boolean complete, String reason) {
        guarded(() -> drawFrame(complete, reason));
    }

    /** Handles one event and every other one already waiting, so a burst costs one frame. */
    Batch handleAll(UiEvent first) {
        Batch batch = Batch.TICKS_ONLY;
        UiEvent e = first;
        do {
            batch = batch.with(firstList(e) ? Batch.CHANGED : Batch.of(e, state));
            if (e instanceof UiEvent.Key k) {
                keyTrace.handled(k);
            }
            handle(e);
        } while (!state.quit && (e = queue.poll()) != null);
        return batch;
    }

    /**
     * The first container list is what the operator is waiting for at launch: drawn at once, never held back
     * by the pacing of data frames (the start frame has just been drawn).
     */
    private boolean firstList(UiEvent e) {
        return e instanceof UiEvent.Containers c && c.snapshot().listedAt() != null
                && (state.containers == null || state.containers.listedAt() == null);
    }

    /** A flash message that has just expired must be replaced by the hints: that needs a full frame. */
    private boolean flashExpiring() {
        UiState.Flash f = state.flash;
        if (f == null) {
            return false;
        }
        boolean expired = !Instant.now().isBefore(f.until());
        if (expired) {
            state.flash = null;
        }
        return expired;
    }

    /** Draws the current state; a resize forces a complete repaint. */
    public void drawFrame(boolean complete) throws IOException {
        drawFrame(complete, "frame");
    }

    private void drawFrame(boolean complete, String reason) throws IOException {
        drawer.frame(renderer, controller, state, complete, reason);
    }

    private void drawStatusBar() throws IOException {
        drawer.statusBar(renderer, controller, state);
    }

    private void handle(UiEvent e) {
        if (e instanceof UiEvent.EngineReady r) {
            switchEngine(r.engine());
        } else {
            controller.handle(e);
        }
    }

    /** Synchronous event handling for screen tests: apply events, then draw. */
    public void apply(UiEvent... events) throws IOException {
        for (UiEvent e : events) {
            handle(e);
        }
        drawFrame(false);
    }

    /** Handles whatever background threads posted, then draws; for screen tests. */
    public void drainForTest() throws IOException {
        UiEvent e;
        while ((e = queue.poll()) != null) {
            handle(e);
        }
        drawFrame(false);
    }

    private void readInput() {
        try {
            while (!state.quit) {
                KeyStroke k = screen.readInput();
                if (k == null) {
                    continue;
                }
                if (k.getKeyType() == KeyType.EOF) {
                    terminalGone();
                    return;
                }
                UiEvent.Key key = new UiEvent.Key(k);
                keyTrace.arrived(key);
                post(key);
            }
        } catch (IOException | RuntimeException e) {
            terminalGone();
        }
    }
}
