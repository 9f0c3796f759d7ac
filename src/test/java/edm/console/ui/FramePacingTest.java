package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import edm.console.config.ConsoleConfig;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.keys.KeyMap;
import edm.console.ui.render.FrameTrace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the UI loop redraws for what: a clock tick only the status bar's cells, data coalesced, a key at
 * once; and the frame trace the benchmark reads records both keys and frames.
 */
class FramePacingTest {
    private static final int COLS = 120;
    private static final int ROWS = 30;

    /** Keys come from a queue, as from a tty (without the virtual terminal's monitor); rows written are recorded. */
    static final class TypedTerminal extends DefaultVirtualTerminal {
        final BlockingQueue<KeyStroke> typed = new LinkedBlockingQueue<>();
        final List<Integer> rowsWritten = new CopyOnWriteArrayList<>();

        TypedTerminal() {
            super(new TerminalSize(COLS, ROWS));
        }

        @Override
        public KeyStroke readInput() {
            try {
                return typed.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public synchronized void setCursorPosition(int col, int row) {
            rowsWritten.add(row);
            super.setCursorPosition(col, row);
        }

        String row(int r) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < COLS; c++) {
                b.append(getBufferCharacter(c, r).getCharacterString());
            }
            return b.toString();
        }
    }

    private static TuiApp app(TypedTerminal terminal, AtomicReference<Instant> now) throws Exception {
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Messages m = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(Theme.load("dark"), KeyMap.standard(false), m, new Format(m, ZoneOffset.UTC),
                now::get, new ConsoleConfig().thresholds, ScreenHarness.STACK, "/opt/edm/edm-console.yml");
        return new TuiApp(screen, ctx, new NoControl());
    }

    static final class NoControl implements ContainerControl {
        @Override
        public edm.console.core.ContainerDetail inspect(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void start(String id) {
        }

        @Override
        public void stop(String id) {
        }

        @Override
        public void restart(String id) {
        }

        @Override
        public void refreshNow() {
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never happened: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void eventsAreSortedIntoWhatTheyNeedRedrawn() throws Exception {
        TypedTerminal terminal = new TypedTerminal();
        TuiApp app = app(terminal, new AtomicReference<>(ScreenHarness.NOW));
        assertEquals(Batch.TICKS_ONLY, app.handleAll(new UiEvent.Tick()));
        // The first list is drawn at once (the operator waits for it at launch); the next ones are paced data.
        assertEquals(Batch.CHANGED, app.handleAll(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack()))));
        assertEquals(Batch.DATA, app.handleAll(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack()))));
        assertEquals(Batch.DATA, app.handleAll(new UiEvent.LogsChanged()));
        assertEquals(Batch.CHANGED, app.handleAll(new UiEvent.Key(new KeyStroke('2', false, false))));
        assertEquals(Batch.CHANGED, app.handleAll(new UiEvent.ActionDone("a1", "Restarted", false)));
        assertEquals(Batch.RESIZED, app.handleAll(new UiEvent.Resized()));
        // The banner's files are re-read every few seconds: only news is drawn (at once), a re-read that says
        // what is shown already costs no frame.
        assertEquals(Batch.TICKS_ONLY, app.handleAll(new UiEvent.BannerLoaded(null, List.of())));
        assertEquals(Batch.CHANGED, app.handleAll(new UiEvent.BannerLoaded(null, List.of(BannerScreenTest.AWAY))));
        assertEquals(Batch.TICKS_ONLY, app.handleAll(new UiEvent.BannerLoaded(null, List.of(BannerScreenTest.AWAY))));
        assertEquals(Batch.CHANGED, app.handleAll(new UiEvent.BannerLoaded(null, List.of())));
        // A burst is one batch, drawn as its most urgent event needs.
        app.post(new UiEvent.Host(ScreenHarness.host(40, 40)));
        app.post(new UiEvent.Key(new KeyStroke('1', false, false)));
        assertEquals(Batch.CHANGED, app.handleAll(new UiEvent.Tick()));
    }

    @Test
    void aFirstListThatIsThereAtLaunchIsDrawnInTheFirstFrameItself(@TempDir Path dir) throws Exception {
        TypedTerminal terminal = new TypedTerminal();
        TuiApp app = app(terminal, new AtomicReference<>(ScreenHarness.NOW));
        Path traceFile = dir.resolve("frames.tsv");
        app.trace(FrameTrace.to(traceFile));
        app.post(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
        Thread loop = new Thread(() -> {
            try {
                app.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-ui-loop");
        loop.start();
        await("the first frame drawn", () -> read(traceFile).contains("frame\tstart\t"));
        assertTrue(terminal.row(4).contains("edm-postgres-prod") || terminal.row(3).contains("edm-postgres-prod"),
                terminal.row(3) + "\n" + terminal.row(4));
        terminal.typed.add(new KeyStroke('q', false, false));
        loop.join(10_000);
        assertFalse(read(traceFile).contains("frame\tevent\t"), "no second frame for the list: " + read(traceFile));
    }

    @Test
    void aTickRewritesOnlyTheStatusBarAndTheTraceRecordsKeysAndFrames(@TempDir Path dir) throws Exception {
        TypedTerminal terminal = new TypedTerminal();
        AtomicReference<Instant> now = new AtomicReference<>(ScreenHarness.NOW);
        TuiApp app = app(terminal, now);
        Path traceFile = dir.resolve("frames.tsv");
        app.trace(FrameTrace.to(traceFile));
        Throwable[] failure = {null};
        Thread loop = new Thread(() -> {
            try {
                app.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "test-ui-loop");
        loop.start();
        app.post(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
        // The trace's line is written after the frame's flush: the frame is then wholly on screen (the first
        // list is drawn at once: in the start frame when it came within its wait, else as an event, never as a
        // paced data frame).
        await("the first list drawn", () -> read(traceFile).contains("frame\tevent\t")
                || read(traceFile).contains("frame\tstart\t") && (terminal.row(4).contains("edm-postgres-prod")
                || terminal.row(3).contains("edm-postgres-prod")));
        assertTrue(terminal.row(4).contains("edm-postgres-prod") || terminal.row(3).contains("edm-postgres-prod"),
                terminal.row(3) + "\n" + terminal.row(4));
        assertTrue(terminal.row(ROWS - 1).contains("10:00:00"), terminal.row(ROWS - 1));

        long ticksBefore = count(traceFile, "frame\ttick\t");
        terminal.rowsWritten.clear();
        now.set(ScreenHarness.NOW.plusSeconds(1));
        app.post(new UiEvent.Tick());
        await("the tick drawn", () -> count(traceFile, "frame\ttick\t") > ticksBefore);
        assertTrue(terminal.row(ROWS - 1).contains("10:00:01"), terminal.row(ROWS - 1));
        assertFalse(terminal.rowsWritten.isEmpty());
        assertTrue(terminal.rowsWritten.stream().allMatch(r -> r == ROWS - 1),
                "a tick writes the status bar's row only: " + terminal.rowsWritten);

        terminal.typed.add(new KeyStroke('2', false, false)); // the Resources panel
        await("the key traced", () -> read(traceFile).lines().anyMatch(l -> l.matches("key\t2\t\\d+")));
        String trace = read(traceFile);
        assertTrue(trace.lines().anyMatch(l -> l.matches("frame\tkey\t\\d+\t\\d{13}")), trace);
        assertTrue(trace.lines().anyMatch(l -> l.matches("frame\ttick\t\\d+\t\\d{13}")), trace);
        assertTrue(trace.lines().anyMatch(l -> l.matches("frame\tstart\t\\d+\t\\d{13}")), trace);
        assertTrue(trace.lines().allMatch(l -> l.matches("key\t[^\t]+\t\\d+|frame\t[^\t]+\t\\d+\t\\d{13}")), trace);

        terminal.typed.add(new KeyStroke('q', false, false));
        loop.join(10_000);
        assertFalse(loop.isAlive());
        assertEquals(null, failure[0]);
    }

    @Test
    void theClockTicksJustAfterEachSecondOfTheWallClockBegins() {
        long second = 1_764_590_000_000L;
        assertEquals(1000 + ClockTick.AFTER_SECOND_MILLIS, ClockTick.millisToNextSecond(second));
        assertEquals(750 + ClockTick.AFTER_SECOND_MILLIS, ClockTick.millisToNextSecond(second + 250));
        assertEquals(1 + ClockTick.AFTER_SECOND_MILLIS, ClockTick.millisToNextSecond(second + 999));
    }

    private static long count(Path p, String prefix) {
        return read(p).lines().filter(l -> l.startsWith(prefix)).count();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
