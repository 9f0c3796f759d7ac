package edm.console.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import edm.console.ui.render.CellBuffer;
import edm.console.ui.render.TerminalPainter;
import java.io.IOException;

/**
 * {@link TuiApp}'s drawing: the state into a cell buffer kept between frames (so a tick can redraw the status bar
 * alone), then only what changed to the terminal. The UI thread only.
 */
final class FrameDrawer {
    private final Screen screen;
    private final TerminalPainter painter;
    private final KeyTrace keyTrace;
    private CellBuffer frame;
    private long lastFrameStart;

    FrameDrawer(Screen screen, TerminalPainter painter, KeyTrace keyTrace, long lastFrameStart) {
        this.screen = screen;
        this.painter = painter;
        this.keyTrace = keyTrace;
        this.lastFrameStart = lastFrameStart;
    }

    /** When the last frame started (the data frames' pacing). */
    long lastFrameStart() {
        return lastFrameStart;
    }

    /** Everything on screen changes (another engine's panels): the next frame is made from scratch. */
    void forget() {
        frame = null;
    }

    /** Draws the current state; a resize forces a complete repaint. */
    void frame(ScreenRenderer renderer, TuiController controller, UiState state, boolean complete, String reason)
            throws IOException {
        long start = System.nanoTime();
        lastFrameStart = start;
        TerminalSize newSize = screen.doResizeIfNecessary();
        // The screen's size is what its resize listener last heard: asking the terminal would be a round trip.
        TerminalSize size = screen.getTerminalSize();
        if (frame == null || frame.width() != size.getColumns() || frame.height() != size.getRows()) {
            frame = new CellBuffer(size.getColumns(), size.getRows());
        }
        // Page keys move by what the containers panel shows.
        Layout layout = renderer.layoutFor(state, size.getColumns(), size.getRows());
        Canvas.Rect r = layout.panels().getOrDefault(Panel.CONTAINERS, layout.body());
        controller.pageSize(Math.max(1, r.height() - 3));
        Canvas.Rect logs = layout.panels().getOrDefault(Panel.LOGS, layout.body());
        controller.logsPageSize(Math.max(1, logs.height() - 4));
        controller.alertsPageSize(Math.max(1, layout.body().height() - 2));
        renderer.render(frame, state);
        painter.paint(frame, complete || newSize != null);
        keyTrace.frameShown(reason, start);
    }

    /** The status bar's row alone (the clock); everything else on screen is unchanged. */
    void statusBar(ScreenRenderer renderer, TuiController controller, UiState state) throws IOException {
        if (frame == null || screen.doResizeIfNecessary() != null) {
            frame(renderer, controller, state, true, "resize");
            return;
        }
        long start = System.nanoTime();
        renderer.renderStatusBar(frame, state);
        painter.paint(frame, false);
        keyTrace.frameShown("tick", start);
    }
}
