package edm.console.app;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import edm.console.cli.ConfigSelection;
import edm.console.cli.GlobalOptions;
import edm.console.compose.DriftFeed;
import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;
import edm.console.core.UnattendedResult;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineEndpoint;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.live.ContainerMonitor;
import edm.console.live.GatewayLogApi;
import edm.console.live.HostMonitor;
import edm.console.live.LogHealth;
import edm.console.live.SwarmLogApi;
import edm.console.live.Timeline;
import edm.console.logs.LogSessions;
import edm.console.swarm.SwarmReads;
import edm.console.ui.Theme;
import edm.console.ui.TuiApp;
import edm.console.ui.UiContext;
import edm.console.ui.UiEvent;
import edm.console.ui.keys.KeyMap;
import edm.console.workflow.Occupant;
import edm.console.workflow.Operator;
import edm.console.workflow.UnattendedResults;
import edm.console.workflow.WorkflowLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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
        Messages m = Messages.current();
        UiContext ctx = new UiContext(theme, KeyMap.standard(config.readOnly), m, Format.current(), Clock.SYSTEM,
                config.thresholds, new HashSet<>(config.containerNames()), ConfigSelection.label(loaded), engine.context());
        try (ContainerGateway gateway = new ContainerGateway(endpoint, timeout)) {
            return runScreen(config, ctx, gateway, endpoint, new ChecklistWiring(loaded), first, opening);
        } catch (IOException | RuntimeException e) {
            opening.abandon();
            Launch.logFailure(e);
            err.println(Messages.t("cli.tuiFailed", Launch.oneLine(e), Launch.logFile()));
            return 3;
        }
    }

    private int runScreen(ConsoleConfig config, UiContext ctx, ContainerGateway gateway, String endpoint, ChecklistWiring checklists,
                          FirstFrame first, ScreenOpening opening) throws IOException {
        TuiApp[] appRef = new TuiApp[1];
        LogSessions logs = new LogSessions(new GatewayLogApi(gateway), config.projectPath(), config.logs.files,
                config.logs.initialLines, config.logs.maxLines, config.logs.maxBytes, Clock.SYSTEM);
        logs.useServices(new SwarmLogApi(new SwarmReads(gateway, Clock.SYSTEM)));
        Alerting alerting = new Alerting(config, Clock.SYSTEM, h -> appRef[0].post(new UiEvent.Health(h)),
                problem -> appRef[0].post(new UiEvent.ActionDone("", problem, true)));
        EngineControl control = new EngineControl(gateway, config::stopSecondsOfContainer, alerting.timelineModel(),
                config.resolve(config.deploy.stateDir).resolve(WorkflowLock.FILE));
        noteUnfinishedWorkflow(config, alerting.timelineModel());
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
        TuiApp app = new TuiApp(screen, ctx, control, logs, Path.of(System.getProperty("user.home")));
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
        app.useAlerts(alerting);
        app.useChecklists(checklists);
        if (!config.readOnly) {
            WorkflowActions workflows = new WorkflowActions(config, gateway, alerting.timelineModel(), checklists);
            control.useSwarmRestart(workflows::restartIfSwarm);
            app.controller().useWorkflows(workflows);
        }
        app.controller().useRecovery(new RecoveryActions(config, gateway, alerting.timelineModel()));
        terminal.addResizeListener((t, size) -> app.post(new UiEvent.Resized()));
        boolean local = endpoint.startsWith("unix://");
        CountDownLatch startRest = new CountDownLatch(1);
        try (DriftFeed drift = DriftFeed.of(config, r -> app.post(new UiEvent.Drift(r)));
             ContainerMonitor containers = new ContainerMonitor(gateway, config.containerNames(),
                seconds(config.refresh.statsSeconds), seconds(config.refresh.relistSeconds), local, Clock.SYSTEM,
                monitored -> {
                    // Until the monitor has listed, the screen and the container probes both judge the first list.
                    ContainersSnapshot s = first.merge(monitored);
                    app.post(new UiEvent.Containers(s));
                    drift.offer(s);
                    alerting.monitor().onContainers(s);
                    if (monitored.listedAt() != null) {
                        startRest.countDown();
                    }
                });
             HostMonitor host = new HostMonitor(config.projectPath(), seconds(config.refresh.hostSeconds),
                     s -> {
                         app.post(new UiEvent.Host(s));
                         alerting.monitor().onHost(s);
                     }, reason -> { });
             Alerting closeAlerting = alerting;
             Backups backups = new Backups(config, gateway, Clock.SYSTEM, app::post, alerting.monitor(),
                     alerting.timelineModel());
             SecurityFeed security = new SecurityFeed(config, gateway, app::post)) {
            app.useBackups(backups);
            app.useSecurity(security);
            backups.track(app.inFlight());
            control.attach(containers);
            containers.watchSwarm(view -> app.post(new UiEvent.Swarm(view)));
            containers.onEvent(e -> {
                alerting.timelineModel().dockerEvent(e);
                if ("oom".equals(e.action())) {
                    alerting.monitor().containerProbes().oomKilled(e.containerName());
                }
            });
            // The first list goes to the screen before the monitor (docker-java's start-up, the event stream,
            // the inspects) starts; host metrics (OSHI's start-up), health probes and log files follow once
            // the monitor's own list is on screen (or after a second and a half), so they do not compete
            // with it for the CPU.
            first.then(s -> app.post(new UiEvent.Containers(s)), containers::start);
            Thread later = new Thread(() -> {
                try {
                    startRest.await(1500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    host.start();
                    alerting.monitor().useLogs(new LogHealth(logs, config, Clock.SYSTEM).start());
                    alerting.start();
                    backups.start();
                    app.post(new UiEvent.OpenDefaultLogs());
                } catch (RejectedExecutionException e) {
                    // The console ended before the rest had started: nothing left to start.
                }
            }, "edm-start-rest");
            later.setDaemon(true);
            later.start();
            // The monitors connect to the engine while the terminal switches to the full screen.
            try {
                screen.startScreen();
                app.run();
            } finally {
                // Before the monitors and the backup thread close: a bug that ended the UI loop must not cut a deploy.
                awaitWork(app);
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

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(100, Math.round(s * 1000)));
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
