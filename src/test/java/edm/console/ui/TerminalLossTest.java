package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import edm.console.config.ConsoleConfig;
import edm.console.core.InFlightWork;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.guided.RunResult;
import edm.console.ui.keys.KeyMap;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The terminal goes away while a deploy started from the TUI runs (SIGHUP, the tty closing, writes
 * failing): the UI loop keeps going without drawing until the deploy has finished, reports its result
 * for the next console, and only then ends. q during a deploy waits for it the same way.
 */
class TerminalLossTest {
    /**
     * A terminal whose writes fail once it is "closed", as a pty does after tmux kill-session (EIO), and
     * whose input ends (EOF) on demand. Its readInput waits without the virtual terminal's monitor, as a
     * real terminal's does (the virtual one's would block every draw).
     */
    static final class ClosingTerminal extends DefaultVirtualTerminal {
        volatile boolean closed;
        final CountDownLatch eof = new CountDownLatch(1);

        ClosingTerminal() {
            super(new TerminalSize(120, 40));
        }

        @Override
        public KeyStroke readInput() {
            try {
                eof.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new KeyStroke(KeyType.EOF);
        }

        @Override
        public void flush() {
            if (closed) {
                // What a real terminal's flush throws on a pty whose other side is gone.
                TerminalLossTest.<RuntimeException>sneaky(new IOException("Input/output error"));
            }
            super.flush();
        }
    }

    /** The virtual terminal's flush does not declare the IOException a real one throws. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** A deploy that runs until released, with the guided dialog's stages before it. */
    static final class BlockingDeploy {
        final FakeWorkflows workflows = new FakeWorkflows();
        final CountDownLatch started = workflows.running;
        final CountDownLatch release = workflows.finish;

        BlockingDeploy() {
            workflows.result = new RunResult(RunResult.Outcome.OK,
                    "deploy of backend v1.1 done; the service is healthy.", "");
        }
    }

    private static TuiApp app(DefaultVirtualTerminal terminal) throws IOException {
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Messages m = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(Theme.load("dark"), KeyMap.standard(false), m, new Format(m, ZoneOffset.UTC),
                () -> ScreenHarness.NOW, new ConsoleConfig().thresholds, ScreenHarness.STACK, "/opt/edm/edm-console.yml");
        return new TuiApp(screen, ctx, new ContainerControl() {
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
        });
    }

    private static void type(TuiApp app, Object... keys) {
        for (Object k : keys) {
            app.post(new UiEvent.Key(k instanceof KeyType t ? new KeyStroke(t) : new KeyStroke((Character) k, false, false)));
        }
    }

    /** Waits until the loop's thread has brought the dialog to this stage (read across threads: a bounded poll). */
    private static void awaitStage(TuiApp app, GuidedState.Stage stage) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            GuidedState g = app.state().guided;
            if (g != null && g.stage == stage) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the dialog did not reach " + stage);
    }

    /** Starts the loop and a deploy of v1.1 to the backend; returns the loop's thread once the deploy runs. */
    private static Thread runWithDeploy(TuiApp app, BlockingDeploy deploy, Throwable[] failure) throws Exception {
        app.controller().useWorkflows(deploy.workflows);
        app.post(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
        Thread loop = new Thread(() -> {
            try {
                app.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "test-ui-loop");
        loop.start();
        type(app, KeyType.ArrowDown, KeyType.ArrowDown, 'D');
        awaitStage(app, GuidedState.Stage.PICK_TAG);
        type(app, 'v', '1', '.', '1', KeyType.Enter);
        awaitStage(app, GuidedState.Stage.CONFIRM);
        type(app, 'y');
        assertTrue(deploy.started.await(10, TimeUnit.SECONDS), "the deploy started; loop failure: " + failure[0]);
        return loop;
    }

    @Test
    void hangupDuringADeployLetsItFinishThenEndsAndReportsTheResult() throws Exception {
        TuiApp app = app(new ClosingTerminal());
        List<InFlightWork.Finished> away = new CopyOnWriteArrayList<>();
        app.inFlight().onFinishedWhileAway(away::add);
        BlockingDeploy deploy = new BlockingDeploy();
        Throwable[] failure = {null};
        Thread loop = runWithDeploy(app, deploy, failure);

        app.terminalGone();
        app.terminalGone(); // a second SIGHUP changes nothing
        loop.join(1500);
        assertTrue(loop.isAlive(), "the console must not end while the deploy runs");
        assertEquals(List.of("deploy edm-backend-prod v1.1"), app.inFlight().running());

        deploy.release.countDown();
        loop.join(10_000);
        assertFalse(loop.isAlive(), "the console ends once the deploy has finished");
        assertEquals(null, failure[0]);
        assertEquals(1, away.size(), away.toString());
        InFlightWork.Finished f = away.get(0);
        assertTrue(f.ok());
        assertEquals("deploy", f.what());
        assertEquals("deploy of backend v1.1 done; the service is healthy.", f.result());
        assertFalse(f.terminalLostAt().isAfter(f.finished()));
    }

    @Test
    void writesFailingAfterTheTtyClosedDoNotCutTheDeploy() throws Exception {
        ClosingTerminal terminal = new ClosingTerminal();
        TuiApp app = app(terminal);
        List<InFlightWork.Finished> away = new CopyOnWriteArrayList<>();
        app.inFlight().onFinishedWhileAway(away::add);
        BlockingDeploy deploy = new BlockingDeploy();
        Throwable[] failure = {null};
        Thread loop = runWithDeploy(app, deploy, failure);

        terminal.closed = true;
        app.post(new UiEvent.Resized()); // forces a frame: its write fails
        loop.join(1500);
        assertTrue(loop.isAlive(), "a failed write must not end the console under the deploy");
        deploy.release.countDown();
        loop.join(10_000);
        assertFalse(loop.isAlive());
        assertEquals(null, failure[0]);
        assertTrue(app.inFlight().terminalGone(), "a failed write is a terminal gone");
        assertEquals(1, away.size(), "the result is kept for the next console: " + away);
    }

    @Test
    void inputEndingDuringADeployIsATerminalGoneNotAQuit() throws Exception {
        ClosingTerminal terminal = new ClosingTerminal();
        TuiApp app = app(terminal);
        List<InFlightWork.Finished> away = new CopyOnWriteArrayList<>();
        app.inFlight().onFinishedWhileAway(away::add);
        BlockingDeploy deploy = new BlockingDeploy();
        Throwable[] failure = {null};
        Thread loop = runWithDeploy(app, deploy, failure);

        terminal.eof.countDown();
        loop.join(1500);
        assertTrue(loop.isAlive(), "EOF on the tty must not end the console under the deploy");
        assertTrue(app.inFlight().terminalGone());
        deploy.release.countDown();
        loop.join(10_000);
        assertFalse(loop.isAlive());
        assertEquals(1, away.size(), away.toString());
    }

    @Test
    void quitDuringADeployWaitsForIt() throws Exception {
        ClosingTerminal terminal = new ClosingTerminal();
        TuiApp app = app(terminal);
        BlockingDeploy deploy = new BlockingDeploy();
        Throwable[] failure = {null};
        Thread loop = runWithDeploy(app, deploy, failure);

        type(app, 'q');
        loop.join(1500);
        assertTrue(loop.isAlive(), "q does not cut the deploy");
        StringBuilder screen = new StringBuilder();
        for (int c = 0; c < 120; c++) {
            screen.append(terminal.getBufferCharacter(c, 38).getCharacterString());
        }
        assertTrue(screen.toString().contains("Quitting once deploy edm-backend-prod v1.1 has finished"), screen.toString());
        deploy.release.countDown();
        loop.join(10_000);
        assertFalse(loop.isAlive());
        assertEquals(null, failure[0]);
    }
}
