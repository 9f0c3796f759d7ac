package edm.console.app;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import edm.console.cli.ConfigSelection;
import edm.console.cli.GlobalOptions;
import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Clock;
import edm.console.core.UnattendedResult;
import edm.console.docker.EngineEndpoint;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.live.Timeline;
import edm.console.ui.Theme;
import edm.console.ui.TuiApp;
import edm.console.ui.UiContext;
import edm.console.ui.UiEvent;
import edm.console.ui.keys.KeyMap;
import edm.console.workflow.Occupant;
import edm.console.workflow.Operator;
import edm.console.workflow.UnattendedResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Wires config, engine, monitors and the TUI, and guarantees the terminal is restored however the
 * console ends: normal quit, an exception, SIGTERM or SIGHUP (shutdown hook).
 *
 * <p>A change the console started (deploy, rollback, restart, backup, recovery) is never cut by the
 * console's own end: SIGHUP (SSH drop, tmux kill-session) stops drawing and lets it finish or roll back
 * without a terminal, SIGTERM quits once it has, and the shutdown hook (any other way out but SIGKILL)
 * waits for it too. What finished while the terminal was away is written for the next console's banner.
 */
final class TuiLauncher {
    /**
     * How long the exit waits for started work at most. Every step has its own, shorter timeout (engine
     * calls, the health gate, the stop grace); this only bounds a backup of a very large database.
     */
    static final Duration MAX_WORK_WAIT = Duration.ofMinutes(30);

    private final GlobalOptions options;

    TuiLauncher(GlobalOptions options) {
        this.options = options;
    }

    int run() {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // The first frame's container list is read while the config is read, the rest starts and the terminal
        // switches to the full screen.
        FirstFrame early = FirstFrame.startEarly(FirstFrame.LIST_DEADLINE, Clock.SYSTEM);
        LoadedConfig loaded = ConfigSelection.load(options);
        if (!ConfigSelection.usable(loaded, err)) {
            return 2;
        }
        ConsoleConfig config = loaded.config();
        Theme theme;
        try {
            theme = Theme.load(config.ui.theme);
        } catch (Theme.ThemeException e) {
            err.println(Messages.t("cli.themeError", e.getMessage()));
            return 2;
        }
        if (System.console() == null) {
            err.println(Messages.t("cli.needsTerminal"));
            return 2;
        }
        EngineEndpoint.Target engine;
        try {
            engine = EngineEndpoint.target(config.docker.endpoint);
        } catch (EngineEndpoint.ContextException e) {
            err.println(Messages.t("cli.error", e.getMessage()));
            return 2;
        }
        String endpoint = engine.endpoint();
        Duration timeout = Duration.ofSeconds(config.docker.timeoutSeconds);
        FirstFrame first = early.forConfig(endpoint, timeout, config.containerNames(), Clock.SYSTEM);
        // Lanterna takes the terminal (stty runs in child processes) meanwhile too, while this thread wires the rest.
        ScreenOpening opening = ScreenOpening.start();
        Engines engines = Engines.of(loaded, engine.context());
        try (engines) {
            return runScreen(loaded, theme, engines, first, opening);
        } catch (IOException | RuntimeException e) {
            opening.abandon();
            Launch.logFailure(e);
            err.println(Messages.t("cli.tuiFailed", Launch.oneLine(e), Launch.logFile()));
            return 3;
        }
    }

    /** The panels' context for one engine: its config's stack, thresholds and label; the engine named with several. */
    private static UiContext context(Theme theme, boolean readOnly, EngineLink link, boolean several) {
        ConsoleConfig c = link.config();
        return new UiContext(theme, KeyMap.standard(readOnly || c.readOnly), Messages.current(), Format.current(), Clock.SYSTEM,
                c.thresholds, new HashSet<>(c.containerNames()), ConfigSelection.label(link.loaded()), link.dockerContext(),
                several ? link.name() : "");
    }

    private int runScreen(LoadedConfig loaded, Theme theme, Engines engines, FirstFrame first, ScreenOpening opening)
            throws IOException {
        ConsoleConfig config = loaded.config();
        TuiApp[] appRef = new TuiApp[1];
        Consumer<UiEvent> toApp = e -> appRef[0].post(e);
        boolean several = engines.several();
        AllEngineAlerts all = new AllEngineAlerts(several, engines.mainName(), Clock.SYSTEM,
                problem -> toApp.accept(new UiEvent.ActionDone("", problem, true)), h -> toApp.accept(new UiEvent.Health(h)));
        AtomicBoolean firstUsed = new AtomicBoolean();
        Function<EngineLink, EngineSession> sessions = link -> {
            // The list read early is the main engine's at launch; a switch reads the chosen engine's own first list.
            Duration timeout = Duration.ofSeconds(link.config().docker.timeoutSeconds);
            FirstFrame list = firstUsed.compareAndSet(false, true) ? first
                    : FirstFrame.start(link.endpoint(), timeout, Clock.SYSTEM).forConfig(link.endpoint(), timeout,
                    link.config().containerNames(), Clock.SYSTEM);
            return new EngineSession(link, context(theme, config.readOnly, link, several), list, new Gate(toApp),
                    all.of(link), all, Clock.SYSTEM);
        };
        EngineSession session = sessions.apply(engines.link(engines.mainName()));
        Screen screen = opening.screen();
        Terminal terminal = ((TerminalScreen) screen).getTerminal();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable restore = () -> {
            TuiApp a = appRef[0];
            // A terminal that has gone has nothing to restore, and writing to it could only fail (or block).
            if (stopped.compareAndSet(false, true) && (a == null || !a.inFlight().terminalGone())) {
                try {
                    screen.stopScreen();
                } catch (IOException | RuntimeException ignored) {
                    // The terminal may already be gone (SSH dropped); nothing left to restore.
                }
            }
        };
        // Any way out of the JVM but SIGKILL runs this: started work is finished first, then the terminal restored.
        Thread hook = new Thread(() -> {
            TuiApp a = appRef[0];
            if (a != null) {
                awaitWork(a);
            }
            restore.run();
        }, "edm-restore-terminal");
        Runtime.getRuntime().addShutdownHook(hook);
        TuiApp app = new TuiApp(screen, session.ctx(), session.control(), session.logs(), Path.of(System.getProperty("user.home")));
        appRef[0] = app;
        UnattendedResults unattended = new UnattendedResults(config.resolve(config.deploy.stateDir));
        Operator operator = Operator.current(System.getenv());
        app.inFlight().onFinishedWhileAway(f -> unattended.add(new UnattendedResult(f.what(), f.subject(), f.ok(), f.result(),
                operator.user(), operator.host(), f.started(), f.finished(), f.terminalLostAt())));
        AtomicReference<String> signal = new AtomicReference<>();
        TerminalSignals.install(name -> {
            signal.compareAndSet(null, name);
            if ("HUP".equals(name)) {
                app.terminalGone();
            } else {
                app.quitWhenIdle();
            }
        });
        session.wire(app);
        app.state().hosts.current = session.name();
        terminal.addResizeListener((t, size) -> app.post(new UiEvent.Resized()));
        Duration pollEvery = EngineSession.seconds(Math.max(config.refresh.relistSeconds, MIN_HOSTS_POLL_SECONDS));
        EngineSwitcher switcher = new EngineSwitcher(engines, sessions, all, app, session, pollEvery, Clock.SYSTEM);
        app.state().hosts.pollEvery = pollEvery;
        app.useHosts(switcher);
        try (switcher) {
            session.start(app.inFlight());
            switcher.start();
            // The monitors connect to the engine while the terminal switches to the full screen.
            try {
                screen.startScreen();
                app.run();
            } finally {
                // Before the monitors and the backup thread close: a bug that ended the UI loop must not cut a deploy.
                awaitWork(app);
                switcher.current().close();
                all.close();
            }
            return signal.get() == null ? 0 : TerminalSignals.exitCode(signal.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            restore.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // Already shutting down: the hook runs (harmlessly) too.
            }
        }
    }

    /** The hosts poller's beat at the fastest: the other engines are asked at the relist beat or slower. */
    static final double MIN_HOSTS_POLL_SECONDS = 30;

    /** Waits (bounded) for the changes this console started; the terminal may be gone meanwhile. */
    private static void awaitWork(TuiApp app) {
        try {
            if (!app.inFlight().awaitIdle(MAX_WORK_WAIT)) {
                Launch.logFailure(new IllegalStateException("exiting with work still running after " + MAX_WORK_WAIT + ": "
                        + app.inFlight().running()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A deploy a crash left half-done goes on the timeline at start, with the command that recovers it; one
     * that is running (another operator's, its process alive) is not "unfinished" and is not sent to recovery.
     */
    static void noteUnfinishedWorkflow(ConsoleConfig config, Timeline timeline) {
        try {
            Occupant.find(config.resolve(config.deploy.stateDir))
                    .filter(o -> o.state() == Occupant.State.CUT)
                    .flatMap(Occupant::journal).ifPresent(j ->
                    timeline.action(Instant.now(), j.data().getOrDefault("service", "?"),
                            Messages.t("workflow.recover.notice", j.workflow(), j.last().step()), true));
        } catch (RuntimeException e) {
            // An unreadable journal is reported by `deploy --recover`; the console itself still opens.
        }
    }
}
