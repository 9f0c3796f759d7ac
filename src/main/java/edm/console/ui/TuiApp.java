package edm.console.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import edm.console.core.InFlightWork;
import edm.console.core.Threads;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The UI thread: waits on one event queue (keys, resizes, data snapshots, a one-second tick) and
 * redraws after each batch of events. Waiting on a queue rather than polling keeps an idle console
 * near zero CPU. The caller owns the screen's start and stop (so the terminal is restored even when
 * this throws).
 *
 * <p>The loop ends when the operator quits or the terminal goes away (input closed, a write failed, the
 * launcher's SIGHUP/SIGTERM handler), but never while a change it started still runs: then it stops
 * drawing, keeps applying events, and ends once that work has finished or rolled back.
 */
public final class TuiApp {
    private final Screen screen;
    private final UiState state = new UiState();
    private final ScreenRenderer renderer;
    private final TuiController controller;
    private final BlockingQueue<UiEvent> queue = new LinkedBlockingQueue<>();
    private final ExecutorService actions = Executors.newFixedThreadPool(2, Threads.daemon("edm-action"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("edm-tick"));

    private final java.util.concurrent.atomic.AtomicBoolean logsRedrawPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final InFlightWork inFlight;
    /** Set when drawing must stop: the terminal is gone, or drawing failed (a bug; rethrown at the end). */
    private volatile boolean drawingStopped;
    private RuntimeException drawFailure;

    public TuiApp(Screen screen, UiContext ctx, ContainerControl control) {
        this(screen, ctx, control, null, null);
    }

    /** With log viewing (sessions may be null: the Logs panel then says it is not available). */
    public TuiApp(Screen screen, UiContext ctx, ContainerControl control, edm.console.logs.LogSessions logs,
                  java.nio.file.Path exportDir) {
        this.screen = screen;
        this.renderer = new ScreenRenderer(ctx, logs != null);
        this.controller = new TuiController(state, ctx, control, actions, this::post, logs, exportDir, this::logsChanged);
        this.inFlight = new InFlightWork(ctx.clock());
        controller.track(inFlight);
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
            } catch (java.util.concurrent.RejectedExecutionException e) {
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

    /** Runs until the operator quits or the terminal goes away, and no started work runs any more. */
    public void run() throws IOException, InterruptedException {
        Thread input = new Thread(this::readInput, "edm-input");
        input.setDaemon(true);
        input.start();
        ticker.scheduleAtFixedRate(() -> post(new UiEvent.Tick()), 1, 1, TimeUnit.SECONDS);
        try {
            draw(true);
            while (!over()) {
                UiEvent e = queue.take();
                Batch batch = handleAll(e);
                if (over()) {
                    break;
                }
                if (drawingStopped) {
                    continue; // nobody to draw for: keep applying events until the work has finished
                }
                if (batch == Batch.TICKS_ONLY && !flashExpiring()) {
                    // Only the clock moved: redraw the status bar, not the whole screen (idle CPU).
                    guarded(() -> {
                        renderer.renderStatusBar(screen.newTextGraphics(), state);
                        screen.refresh(Screen.RefreshType.DELTA);
                    });
                } else {
                    draw(batch == Batch.RESIZED);
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

    private void draw(boolean complete) {
        guarded(() -> drawFrame(complete));
    }

    /** Handles one event and every other one already waiting, so a burst costs one frame. */
    /** What a batch of events needs redrawn. */
    enum Batch { TICKS_ONLY, CHANGED, RESIZED }

    Batch handleAll(UiEvent first) {
        boolean resized = first instanceof UiEvent.Resized;
        boolean ticksOnly = first instanceof UiEvent.Tick;
        controller.handle(first);
        UiEvent more;
        while ((more = queue.poll()) != null && !state.quit) {
            resized |= more instanceof UiEvent.Resized;
            ticksOnly &= more instanceof UiEvent.Tick;
            controller.handle(more);
        }
        return resized ? Batch.RESIZED : ticksOnly ? Batch.TICKS_ONLY : Batch.CHANGED;
    }

    /** A flash message that has just expired must be replaced by the hints: that needs a full frame. */
    private boolean flashExpiring() {
        UiState.Flash f = state.flash;
        if (f == null) {
            return false;
        }
        boolean expired = !java.time.Instant.now().isBefore(f.until());
        if (expired) {
            state.flash = null;
        }
        return expired;
    }

    /** Draws the current state; a resize forces a complete repaint. */
    public void drawFrame(boolean complete) throws IOException {
        TerminalSize newSize = screen.doResizeIfNecessary();
        // No screen.clear(): the renderer fills every cell anyway, and each cell write costs a width lookup.
        TerminalSize size = screen.getTerminalSize();
        // Page keys move by what the containers panel shows.
        Layout layout = renderer.layoutFor(state, size.getColumns(), size.getRows());
        Canvas.Rect r = layout.panels().getOrDefault(Panel.CONTAINERS, layout.body());
        controller.pageSize(Math.max(1, r.height() - 3));
        Canvas.Rect logs = layout.panels().getOrDefault(Panel.LOGS, layout.body());
        controller.logsPageSize(Math.max(1, logs.height() - 4));
        controller.alertsPageSize(Math.max(1, layout.body().height() - 2));
        renderer.render(screen.newTextGraphics(), state);
        screen.setCursorPosition(null);
        screen.refresh(complete || newSize != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    /** Synchronous event handling for screen tests: apply events, then draw. */
    public void apply(UiEvent... events) throws IOException {
        for (UiEvent e : events) {
            controller.handle(e);
        }
        drawFrame(false);
    }

    /** Handles whatever background threads posted, then draws; for screen tests. */
    public void drainForTest() throws IOException {
        UiEvent e;
        while ((e = queue.poll()) != null) {
            controller.handle(e);
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
                post(new UiEvent.Key(k));
            }
        } catch (IOException | RuntimeException e) {
            terminalGone();
        }
    }
}
