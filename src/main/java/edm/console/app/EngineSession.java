package edm.console.app;

import edm.console.compose.DriftFeed;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;
import edm.console.core.InFlightWork;
import edm.console.docker.ContainerGateway;
import edm.console.live.ContainerMonitor;
import edm.console.live.GatewayLogApi;
import edm.console.live.HostMonitor;
import edm.console.live.LogHealth;
import edm.console.live.SwarmLogApi;
import edm.console.logs.LogSessions;
import edm.console.swarm.SwarmReads;
import edm.console.ui.EngineUi;
import edm.console.ui.TuiApp;
import edm.console.ui.UiContext;
import edm.console.ui.UiEvent;
import edm.console.workflow.WorkflowLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Every panel's wiring to one engine: its gateway, container monitor, host metrics (on this machine only), logs,
 * container control, alerting, drift, backups, security feed, workflows and recovery. Built without starting
 * anything; {@link #start} starts the monitors (the first list first); {@link #close} stops every thread and
 * stream it started and closes its gateway, so that the panels can be rebuilt on another engine with nothing left
 * behind. What it posts goes through its {@link Gate}, shut before the panels move on: a late snapshot of this
 * engine never lands on another engine's panels.
 */
final class EngineSession implements AutoCloseable {
    private final EngineLink link;
    private final ConsoleConfig config;
    private final Gate gate;
    private final FirstFrame first;
    private final ContainerGateway gateway;
    private final LogSessions logs;
    private final Alerting alerting;
    private final EngineControl control;
    private final ChecklistWiring checklists;
    private final DriftFeed drift;
    private final ContainerMonitor containers;
    private final HostMonitor host;
    private final Backups backups;
    private final SecurityFeed security;
    private final UiContext ctx;
    private final CountDownLatch listed = new CountDownLatch(1);
    private final List<AutoCloseable> closeInOrder = new ArrayList<>();

    EngineSession(EngineLink link, UiContext ctx, FirstFrame first, Gate gate, EngineAlerts alerts, AllEngineAlerts all,
                  Clock clock) {
        this.link = link;
        this.config = link.config();
        this.ctx = ctx;
        this.gate = gate;
        this.first = first;
        Duration timeout = Duration.ofSeconds(config.docker.timeoutSeconds);
        this.gateway = new ContainerGateway(link.endpoint(), timeout, link.tls());
        this.logs = new LogSessions(new GatewayLogApi(gateway), config.projectPath(), config.logs.files,
                config.logs.initialLines, config.logs.maxLines, config.logs.maxBytes, clock);
        logs.useServices(new SwarmLogApi(new SwarmReads(gateway, clock)));
        this.alerting = new Alerting(config, clock, alerts, all, h -> {
            if (gate.open()) {
                all.current(h);
            }
        });
        this.control = new EngineControl(gateway, config::stopSecondsOfContainer, alerting.timelineModel(),
                config.resolve(config.deploy.stateDir).resolve(WorkflowLock.FILE));
        if (alerts.firstSession()) {
            TuiLauncher.noteUnfinishedWorkflow(config, alerting.timelineModel());
        }
        this.checklists = new ChecklistWiring(link.loaded());
        this.drift = DriftFeed.of(config, r -> gate.post(new UiEvent.Drift(r)));
        this.containers = new ContainerMonitor(gateway, config.containerNames(),
                seconds(config.refresh.statsSeconds), seconds(config.refresh.relistSeconds),
                link.onThisMachine(), clock, this::monitored);
        // The host metrics the console reads are this machine's: shown only for an engine that runs here.
        this.host = link.onThisMachine() ? new HostMonitor(config.projectPath(), seconds(config.refresh.hostSeconds), s -> {
            gate.post(new UiEvent.Host(s));
            alerting.monitor().onHost(s);
        }, reason -> { }) : null;
        this.backups = new Backups(config, gateway, clock, gate::post, alerting.monitor(), alerting.timelineModel());
        this.security = new SecurityFeed(config, gateway, gate::post);
        control.attach(containers);
        containers.watchSwarm(view -> gate.post(new UiEvent.Swarm(view)));
        containers.onEvent(e -> {
            alerting.timelineModel().dockerEvent(e);
            if ("oom".equals(e.action())) {
                alerting.monitor().containerProbes().oomKilled(e.containerName());
            }
        });
        // Closed in the order the launcher closed them: the backup thread before alerting, the gateway last.
        closeInOrder.add(security);
        closeInOrder.add(backups);
        closeInOrder.add(alerting);
        if (host != null) {
            closeInOrder.add(host);
        }
        closeInOrder.add(containers);
        closeInOrder.add(drift);
        closeInOrder.add(gateway);
    }

    private void monitored(ContainersSnapshot monitored) {
        // Until the monitor has listed, the screen and the container probes both judge the first list.
        ContainersSnapshot s = first.merge(monitored);
        gate.post(new UiEvent.Containers(s));
        drift.offer(s);
        alerting.monitor().onContainers(s);
        if (monitored.listedAt() != null) {
            listed.countDown();
        }
    }

    String name() {
        return link.name();
    }

    Gate gate() {
        return gate;
    }

    ContainerGateway gateway() {
        return gateway;
    }

    /** The panels' side of this engine, for {@link TuiApp#switchEngine} (and the first panels). */
    EngineUi ui(Runnable activate, Runnable abandon) {
        return new EngineUi(link.name(), ctx, control, logs, this::wire, activate, abandon);
    }

    LogSessions logs() {
        return logs;
    }

    EngineControl control() {
        return control;
    }

    UiContext ctx() {
        return ctx;
    }

    /** Connects the panels' actions to this engine (before it starts). */
    void wire(TuiApp app) {
        app.useAlerts(alerting);
        app.useChecklists(checklists);
        if (!config.readOnly && !ctx.keys().readOnly()) {
            WorkflowActions workflows = new WorkflowActions(config, gateway, alerting.timelineModel(), checklists);
            control.useSwarmRestart(workflows::restartIfSwarm);
            app.controller().useWorkflows(workflows);
        }
        app.controller().useRecovery(new RecoveryActions(config, gateway, alerting.timelineModel()));
        app.useBackups(backups);
        app.useSecurity(security);
    }

    /**
     * Starts the monitors: the first list goes to the screen before the monitor (docker-java's start-up, the
     * event stream, the inspects) starts; host metrics, health probes and log files follow once the monitor's
     * own list is on screen (or after a second and a half), so they do not compete with it for the CPU.
     */
    void start(InFlightWork inFlight) {
        backups.track(inFlight);
        first.then(s -> gate.post(new UiEvent.Containers(s)), containers::start);
        Thread later = new Thread(() -> {
            try {
                listed.await(1500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (host != null) {
                    host.start();
                }
                alerting.monitor().useLogs(new LogHealth(logs, config, Clock.SYSTEM).start());
                alerting.start();
                backups.start();
                gate.post(new UiEvent.OpenDefaultLogs());
            } catch (RejectedExecutionException | IllegalStateException e) {
                // The session ended before the rest had started: nothing left to start.
            }
        }, "edm-start-rest");
        later.setDaemon(true);
        later.start();
    }

    /** Stops posting, then every monitor, feed and stream of this engine; the connection itself stays (see {@link Engines}). */
    @Override
    public void close() {
        gate.shut();
        for (AutoCloseable c : closeInOrder) {
            try {
                c.close();
            } catch (Exception e) {
                Launch.logFailure(e);
            }
        }
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(100, Math.round(s * 1000)));
    }
}
