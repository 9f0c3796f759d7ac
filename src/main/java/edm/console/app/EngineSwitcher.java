package edm.console.app;

import edm.console.core.Clock;
import edm.console.core.EngineSummary;
import edm.console.docker.ContainerGateway;
import edm.console.live.HostsPoller;
import edm.console.ui.HostsControl;
import edm.console.ui.TuiApp;
import edm.console.ui.UiEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The hosts view's side in the app: the poller of every engine (started with the console when it has several, at
 * the first H otherwise) and the switch of every panel to another engine. A switch connects and wires the other
 * engine off the UI thread, shuts the current session's gate, and hands the new panels to the UI; the old session
 * closes once no change this console started runs (the UI refuses a switch while one does; one that started in
 * the moment between is never cut: its session stays until it has ended).
 */
final class EngineSwitcher implements HostsControl, AutoCloseable {
    private final Engines engines;
    private final Function<EngineLink, EngineSession> sessions;
    private final AllEngineAlerts alerts;
    private final TuiApp app;
    private final HostsPoller poller;
    private final Map<String, EngineSummary> rows = new LinkedHashMap<>();
    private final List<ContainerGateway> pollerGateways = new CopyOnWriteArrayList<>();
    private volatile EngineSession current;

    EngineSwitcher(Engines engines, Function<EngineLink, EngineSession> sessions, AllEngineAlerts alerts, TuiApp app,
                   EngineSession first, Duration every, Clock clock) {
        this.engines = engines;
        this.sessions = sessions;
        this.alerts = alerts;
        this.app = app;
        this.current = first;
        List<HostsPoller.Target> targets = new ArrayList<>();
        for (Engines.Entry e : engines.entries()) {
            rows.put(e.name(), EngineSummary.checking(e.name(), e.shown()));
            targets.add(new HostsPoller.Target(e.name(), e.shown(), () -> reads(e.name())));
        }
        this.poller = new HostsPoller(targets, every, clock, this::polled);
    }

    /** The poller's own gateway per engine (lean reads, the engine's timeout), on the engine's connection. */
    private HostsPoller.Reads reads(String name) {
        EngineLink link = engines.link(name);
        alerts.of(link);
        ContainerGateway g = new ContainerGateway(link.endpoint(), Duration.ofSeconds(link.config().docker.timeoutSeconds), link.tls());
        pollerGateways.add(g);
        return HostsPoller.Reads.of(g, link.config().containerNames());
    }

    /** Rows as they stand now, for the first frame of the view. */
    synchronized List<EngineSummary> rows() {
        return List.copyOf(rows.values());
    }

    private void polled(HostsPoller.Poll p) {
        alerts.polled(p);
        List<EngineSummary> now;
        synchronized (this) {
            String name = p.summary().name();
            rows.put(name, p.summary().withFiring(alerts.firing(name)));
            now = List.copyOf(rows.values());
        }
        app.post(new UiEvent.Hosts(now));
    }

    /** With several engines the poller runs from the start: the other engines' alerts depend on it. */
    void start() {
        app.post(new UiEvent.Hosts(rows()));
        if (engines.several()) {
            poller.start();
        }
    }

    @Override
    public void refresh() {
        if (poller.started()) {
            poller.pollNow();
        } else {
            poller.start();
        }
    }

    @Override
    public void switchTo(String engine) {
        Thread t = new Thread(() -> prepare(engine), "edm-switch-engine");
        t.setDaemon(true);
        t.start();
    }

    private void prepare(String engine) {
        EngineSession next;
        try {
            next = sessions.apply(engines.link(engine));
        } catch (RuntimeException e) {
            Launch.logFailure(e);
            app.post(new UiEvent.SwitchFailed(engine, Launch.oneLine(e)));
            return;
        }
        EngineSession old = current;
        // Nothing of the old engine may follow the switch into the queue: it would land on the new panels.
        old.gate().shut();
        app.post(new UiEvent.EngineReady(next.ui(() -> activate(old, next), () -> {
            next.close();
            old.gate().reopen();
        })));
    }

    /** On the UI thread, once the new panels are wired: the new engine's monitors start, the old session goes. */
    private void activate(EngineSession old, EngineSession next) {
        current = next;
        alerts.switched(next.name());
        next.start(app.inFlight());
        Thread closer = new Thread(() -> {
            try {
                // A change that started in the moment before the switch keeps its engine's session until it ends.
                app.inFlight().awaitIdle(TuiLauncher.MAX_WORK_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            old.close();
        }, "edm-close-engine");
        closer.setDaemon(true);
        closer.start();
    }

    EngineSession current() {
        return current;
    }

    @Override
    public void close() {
        poller.close();
        pollerGateways.forEach(ContainerGateway::close);
    }
}
