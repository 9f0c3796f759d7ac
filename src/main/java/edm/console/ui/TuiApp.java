package edm.console.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
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

    public TuiApp(Screen screen, UiContext ctx, ContainerControl control) {
        this(screen, ctx, control, null, null);
    }

    /** With log viewing (sessions may be null: the Logs panel then says it is not available). */
    public TuiApp(Screen screen, UiContext ctx, ContainerControl control, edm.console.logs.LogSessions logs,
                  java.nio.file.Path exportDir) {
        this.screen = screen;
        this.renderer = new ScreenRenderer(ctx, logs != null);
        this.controller = new TuiController(state, ctx, control, actions, this::post, logs, exportDir, this::logsChanged);
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

    /** Runs until the operator quits or the terminal goes away. */
    public void run() throws IOException, InterruptedException {
        Thread input = new Thread(this::readInput, "edm-input");
        input.setDaemon(true);
        input.start();
        ticker.scheduleAtFixedRate(() -> post(new UiEvent.Tick()), 1, 1, TimeUnit.SECONDS);
        try {
            drawFrame(true);
            while (!state.quit) {
                UiEvent e = queue.take();
                boolean resized = handleAll(e);
                if (!state.quit) {
                    drawFrame(resized);
                }
            }
        } finally {
            controller.closeLogs();
            ticker.shutdownNow();
            actions.shutdownNow();
        }
    }

    /** Handles one event and every other one already waiting, so a burst costs one frame. */
    boolean handleAll(UiEvent first) {
        boolean resized = first instanceof UiEvent.Resized;
        controller.handle(first);
        UiEvent more;
        while ((more = queue.poll()) != null && !state.quit) {
            resized |= more instanceof UiEvent.Resized;
            controller.handle(more);
        }
        return resized;
    }

    /** Draws the current state; a resize forces a complete repaint. */
    public void drawFrame(boolean complete) throws IOException {
        TerminalSize newSize = screen.doResizeIfNecessary();
        screen.clear();
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
                    post(new UiEvent.InputClosed());
                    return;
                }
                post(new UiEvent.Key(k));
            }
        } catch (IOException e) {
            post(new UiEvent.InputClosed());
        }
    }
}
