package edm.console.app;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.HealthSnapshot;
import edm.console.core.TimelineEntry;
import edm.console.health.TimelineExport;
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
 * The current engine's alerting while its panels are shown: its health monitor → the engine's alert engine →
 * (timeline, append-only alert log, optional webhook, see {@link EngineAlerts}). Also the UI's {@link AlertControl}:
 * acknowledge and snooze reach the alert of whichever engine it is about.
 */
final class Alerting implements AlertControl, AutoCloseable {
    private final ConsoleConfig config;
    private final Clock clock;
    private final EngineAlerts alerts;
    private final AllEngineAlerts all;
    private final HealthMonitor monitor;
    private final String user;

    /** The current engine's: its health monitor feeds the engine's alerts; the Alerts panel shows every engine's. */
    Alerting(ConsoleConfig config, Clock clock, EngineAlerts alerts, AllEngineAlerts all, Consumer<HealthSnapshot> publish) {
        this.config = config;
        this.clock = clock;
        this.alerts = alerts;
        this.all = all;
        this.monitor = new HealthMonitor(config, clock, alerts.engine(), publish);
        String sudo = System.getenv("SUDO_USER");
        this.user = sudo != null && !sudo.isBlank() ? sudo : System.getProperty("user.name");
    }

    /** One engine alone (tests): its alerts untagged, published as they are. */
    Alerting(ConsoleConfig config, Clock clock, Consumer<HealthSnapshot> publish, Consumer<String> problem) {
        this(config, clock, new EngineAlerts("", "", config, clock, problem), publish);
    }

    private Alerting(ConsoleConfig config, Clock clock, EngineAlerts alerts, Consumer<HealthSnapshot> publish) {
        this(config, clock, alerts, AllEngineAlerts.single(alerts, publish), publish);
    }

    HealthMonitor monitor() {
        return monitor;
    }

    Timeline timelineModel() {
        return alerts.timeline();
    }

    void start() {
        monitor.start();
    }

    @Override
    public boolean acknowledge(String alertKey, String note) {
        boolean ok = all.acknowledge(alertKey, user, note);
        if (ok) {
            alerts.timeline().action(clock.now(), alertKey, "acknowledged by " + user + (note.isEmpty() ? "" : ": " + note), false);
            monitor.republish();
        }
        return ok;
    }

    @Override
    public boolean snooze(String alertKey, Duration forHowLong) {
        boolean ok = all.snooze(alertKey, forHowLong);
        if (ok) {
            alerts.timeline().action(clock.now(), alertKey, "snoozed by " + user + " for " + forHowLong, false);
            monitor.republish();
        }
        return ok;
    }

    @Override
    public List<TimelineEntry> timeline() {
        return alerts.timeline().entries();
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

    /** The session's monitor stops; the engine's alerts, timeline and webhook stay (the poller feeds them). */
    @Override
    public void close() {
        monitor.close();
    }
}
