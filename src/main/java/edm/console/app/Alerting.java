package edm.console.app;

import edm.console.config.ConsoleConfig;
import edm.console.core.Alert;
import edm.console.core.Clock;
import edm.console.core.HealthSnapshot;
import edm.console.core.TimelineEntry;
import edm.console.health.AlertEngine;
import edm.console.health.AlertLog;
import edm.console.health.SpecRules;
import edm.console.health.TimelineExport;
import edm.console.health.WebhookNotifier;
import edm.console.live.HealthMonitor;
import edm.console.live.Timeline;
import edm.console.ui.AlertControl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything alerting needs while the console runs, wired together: health monitor → alert engine →
 * (timeline, append-only alert log, optional webhook). Also the UI's {@link AlertControl}.
 */
final class Alerting implements AlertControl, AutoCloseable {
    static final int TIMELINE_CAPACITY = 5000;

    private final ConsoleConfig config;
    private final Clock clock;
    private final Timeline timeline = new Timeline(TIMELINE_CAPACITY);
    private final AlertLog log;
    private final WebhookNotifier webhook;
    private final AlertEngine engine;
    private final HealthMonitor monitor;
    private final String user;

    Alerting(ConsoleConfig config, Clock clock, Consumer<HealthSnapshot> publish, Consumer<String> problem) {
        this.config = config;
        this.clock = clock;
        this.log = new AlertLog(config.resolve(config.alerts.logFile), config.projectPath());
        this.webhook = config.alerts.webhookUrl == null || config.alerts.webhookUrl.isBlank() ? null
                : new WebhookNotifier(config.alerts.webhookUrl, Duration.ofSeconds(5), Duration.ofSeconds(1), problem);
        this.engine = new AlertEngine(SpecRules.from(config), clock, a -> changed(a, problem));
        this.monitor = new HealthMonitor(config, clock, engine, publish);
        String sudo = System.getenv("SUDO_USER");
        this.user = sudo != null && !sudo.isBlank() ? sudo : System.getProperty("user.name");
    }

    private void changed(Alert a, Consumer<String> problem) {
        timeline.alert(a);
        if (webhook != null) {
            webhook.send(a);
        }
        try {
            log.append(a);
        } catch (IOException | RuntimeException e) {
            problem.accept(edm.console.i18n.Messages.t("alerts.logFailed", log.file(), e.getMessage()));
        }
    }

    HealthMonitor monitor() {
        return monitor;
    }

    Timeline timelineModel() {
        return timeline;
    }

    void start() {
        monitor.start();
    }

    @Override
    public boolean acknowledge(String alertKey, String note) {
        boolean ok = engine.acknowledge(alertKey, user, note);
        if (ok) {
            timeline.action(clock.now(), alertKey, "acknowledged by " + user + (note.isEmpty() ? "" : ": " + note), false);
            monitor.republish();
        }
        return ok;
    }

    @Override
    public boolean snooze(String alertKey, Duration forHowLong) {
        boolean ok = engine.snooze(alertKey, forHowLong);
        if (ok) {
            timeline.action(clock.now(), alertKey, "snoozed by " + user + " for " + forHowLong, false);
            monitor.republish();
        }
        return ok;
    }

    @Override
    public List<TimelineEntry> timeline() {
        return timeline.entries();
    }

    /** Incident records go beside the other system logs: logs/system/incidents/timeline-YYYYmmdd-HHMMSS.md. */
    @Override
    public Path exportTimeline(List<TimelineEntry> shown) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.now().atZone(ZoneId.systemDefault()));
        Path dir = config.resolve("logs/system/incidents");
        Path md = TimelineExport.write(dir.resolve("timeline-" + stamp + ".md"),
                TimelineExport.markdown(shown, ZoneId.systemDefault(), "EDM incident timeline " + stamp));
        TimelineExport.write(dir.resolve("timeline-" + stamp + ".json"), TimelineExport.json(shown));
        return md;
    }

    @Override
    public void close() {
        monitor.close();
        if (webhook != null) {
            webhook.close();
        }
    }
}
