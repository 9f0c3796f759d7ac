package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerStatus;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.live.ContainerMonitor;
import edm.console.live.MonitorProbe;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import edm.console.ui.Theme;
import edm.console.ui.TuiApp;
import edm.console.ui.UiContext;
import edm.console.ui.UiEvent;
import edm.console.ui.keys.KeyMap;
import edm.console.workflow.Operator;
import edm.console.workflow.WorkflowLock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys on the dashboard really act on the engine: restart, stop and start through the confirmation. */
@RequiresDocker
class DashboardActionsIT {
    private final String name = "edm-it-actions-" + UUID.randomUUID().toString().substring(0, 8);
    @TempDir
    Path state;
    Path lockFile;

    @BeforeEach
    void lockFile() {
        lockFile = state.resolve(WorkflowLock.FILE);
    }

    @AfterEach
    void cleanup() {
        try {
            DockerEngine.client().removeContainerCmd(name).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // not created
        }
    }

    private static String startedAt(DockerClient d, String id) {
        return d.inspectContainerCmd(id).exec().getState().getStartedAt();
    }

    private static boolean running(DockerClient d, String id) {
        return Boolean.TRUE.equals(d.inspectContainerCmd(id).exec().getState().getRunning());
    }

    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    @Test
    void restartStopAndStartFromTheKeyBindings() throws Exception {
        DockerClient docker = DockerEngine.client();
        String id = docker.createContainerCmd(TestImages.busybox()).withName(name).exec().getId();
        docker.startContainerCmd(id).exec();
        String firstStart = startedAt(docker, id);

        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(220, 40));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        Messages m = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(Theme.load("dark"), KeyMap.standard(false), m, new Format(m, ZoneId.of("UTC")),
                Clock.SYSTEM, new ConsoleConfig().thresholds, Set.of(name), "test");
        MonitorProbe probe = new MonitorProbe();
        try (ContainerGateway gw = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10))) {
            EngineControl control = new EngineControl(gw, name -> 5, new edm.console.live.Timeline(100), lockFile);
            TuiApp app = new TuiApp(screen, ctx, control);
            try (ContainerMonitor monitor = new ContainerMonitor(gw, List.of(name), Duration.ofSeconds(5),
                    Duration.ofMinutes(10), true, Clock.SYSTEM, s -> {
                        probe.accept(s);
                        app.post(new UiEvent.Containers(s));
                    })) {
                control.attach(monitor);
                monitor.start();
                probe.await("running", s -> MonitorProbe.named(s, name).filter(c -> c.running()).isPresent());
                app.drainForTest();
                assertTrue(screenText(vt).contains(name), screenText(vt));

                // Our container is the only configured one, so it is the first row and selected.
                app.apply(key('r'));
                assertTrue(screenText(vt).contains("Restart container " + name + "?"), screenText(vt));
                app.apply(key('y'));
                awaitTrue("restarted", () -> !startedAt(docker, id).equals(firstStart) && running(docker, id));
                assertNotEquals(firstStart, startedAt(docker, id));
                // The restart holds the workflow lock until it has returned: the next key waits for its result line.
                awaitScreen(app, vt, "Restarted " + name);

                app.apply(key('x'), key('y'));
                awaitTrue("stopped", () -> !running(docker, id));
                probe.await("exited on screen", s -> MonitorProbe.named(s, name)
                        .filter(c -> c.status() == ContainerStatus.EXITED).isPresent());
                Thread.sleep(100);
                app.drainForTest();
                assertTrue(screenText(vt).contains("Stopped " + name), screenText(vt));

                app.apply(key('s'), key('y'));
                awaitTrue("started again", () -> running(docker, id));
                assertEquals(true, running(docker, id));
                awaitScreen(app, vt, "Started " + name);

                // Another operator's deploy holds the workflow lock: r is refused with the one refusal text, nothing restarts.
                String before = startedAt(docker, id);
                try (WorkflowLock held = WorkflowLock.acquire(lockFile, new Operator("other-op", null, Operator.current(Map.of()).host(),
                        ProcessHandle.current().pid()), "deploy backend v9.9")) {
                    app.apply(key('r'), key('y'));
                    awaitScreen(app, vt, "deploy backend v9.9");
                    String screenNow = screenText(vt);
                    assertTrue(screenNow.contains("Could not restart " + name + ": Refused, wait for it: deploy backend v9.9 is running"), screenNow);
                    assertTrue(screenNow.contains("other-op"), screenNow);
                }
                assertEquals(before, startedAt(docker, id), "not restarted while the lock was held");
            }
        } finally {
            screen.stopScreen();
        }
    }

    private static void awaitScreen(TuiApp app, DefaultVirtualTerminal vt, String text) throws InterruptedException {
        awaitTrue("on screen: " + text, () -> {
            try {
                app.drainForTest();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return screenText(vt).contains(text);
        });
    }

    private static void awaitTrue(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + MonitorProbe.DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never happened: " + what);
    }

    private static String screenText(DefaultVirtualTerminal vt) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
                b.append(vt.getBufferCharacter(c, r).getCharacterString());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
