package edm.console.app;

import edm.console.config.ConsoleConfig;
import edm.console.core.Alert;
import edm.console.core.Clock;
import edm.console.health.AlertEngine;
import edm.console.health.AlertLog;
import edm.console.health.ContainerProbes;
import edm.console.health.SpecRules;
import edm.console.health.WebhookNotifier;
import edm.console.i18n.Messages;
import edm.console.live.HostsPoller;
import edm.console.live.Timeline;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One engine's alerts for the console's whole life, whichever engine the panels show: its alert engine (tagged
 * with the engine's name when the console has several), its incident timeline, the alert log and webhook of its
 * config. While the engine is the current one its session's health monitor feeds it every probe; while it is not,
 * the hosts poller feeds it its stack's containers alone (down, unhealthy, restarting, OOM-killed).
 */
final class EngineAlerts implements AutoCloseable {
    static final int TIMELINE_CAPACITY = 5000;

    private final String name;
    private final ConsoleConfig config;
    private final Clock clock;
    private final Timeline timeline = new Timeline(TIMELINE_CAPACITY);
    private final AlertLog log;
    private final WebhookNotifier webhook;
    private final AlertEngine engine;
    /** Restart history and OOM kills as the poller sees them (only used while the engine is not the current one). */
    private final ContainerProbes polled = new ContainerProbes();
    private final AtomicBoolean firstSession = new AtomicBoolean(true);

    /**
     * @param tag     the engine's name on its alerts, or "" with one engine
     * @param problem a one-line problem for the operator (the alert log cannot be written, the webhook failed)
     */
    EngineAlerts(String name, String tag, ConsoleConfig config, Clock clock, Consumer<String> problem) {
        this.name = name;
        this.config = config;
        this.clock = clock;
        this.log = new AlertLog(config.resolve(config.alerts.logFile), config.projectPath());
        this.webhook = config.alerts.webhookUrl == null || config.alerts.webhookUrl.isBlank() ? null
                : new WebhookNotifier(config.alerts.webhookUrl, Duration.ofSeconds(5), Duration.ofSeconds(1), problem);
        this.engine = new AlertEngine(SpecRules.from(config), clock, a -> changed(a, problem), tag);
    }

    private void changed(Alert a, Consumer<String> problem) {
        timeline.alert(a);
        if (webhook != null) {
            webhook.send(a);
        }
        try {
            log.append(a);
        } catch (IOException | RuntimeException e) {
            problem.accept(Messages.t("alerts.logFailed", log.file(), e.getMessage()));
        }
    }

    String name() {
        return name;
    }

    /** True the first time only: what a session notes once per engine (an unfinished workflow) is not noted again. */
    boolean firstSession() {
        return firstSession.compareAndSet(true, false);
    }

    AlertEngine engine() {
        return engine;
    }

    Timeline timeline() {
        return timeline;
    }

    /** A hosts poll of this engine while another one is current: its stack's containers as probes. */
    void polled(HostsPoller.Poll p) {
        p.oomKilled().forEach(polled::oomKilled);
        engine.evaluate(polled.evaluate(p.snapshot(), config.containerNames(), clock.now()), false);
    }

    /**
     * The alerts shown while the engine is not the current one: its containers' (what the poller keeps up to
     * date). Others kept from while it was current (a slow API, a full disk) are not shown as if they were known.
     */
    List<Alert> containerAlerts() {
        List<String> stack = config.containerNames();
        return engine.list().stream().filter(a -> stack.contains(a.subject())).toList();
    }

    @Override
    public void close() {
        if (webhook != null) {
            webhook.close();
        }
    }
}
