package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.HealthSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Severity;
import edm.console.core.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, Alerts and Events on the virtual terminal, with a recording alert control. */
class HealthScreenTest {
    private static final Instant NOW = ScreenHarness.NOW;
    private final List<String> calls = new ArrayList<>();
    private final List<TimelineEntry> timeline = List.of(
            new TimelineEntry(NOW.minusSeconds(120), TimelineEntry.Source.DOCKER, TimelineEntry.Level.WARNING, "edm-backend-prod", "die"),
            new TimelineEntry(NOW.minusSeconds(60), TimelineEntry.Source.ALERT, TimelineEntry.Level.CRITICAL, "edm-backend-prod",
                    "FIRING service-down: edm-backend-prod is unavailable"),
            new TimelineEntry(NOW.minusSeconds(30), TimelineEntry.Source.CONSOLE, TimelineEntry.Level.INFO, "edm-backend-prod",
                    "restart by ops"));

    private final AlertControl control = new AlertControl() {
        @Override
        public boolean acknowledge(String alertKey, String note) {
            calls.add("ack " + alertKey + " " + note);
            return true;
        }

        @Override
        public boolean snooze(String alertKey, Duration d) {
            calls.add("snooze " + alertKey + " " + d);
            return true;
        }

        @Override
        public List<TimelineEntry> timeline() {
            return timeline;
        }

        @Override
        public Path exportTimeline(List<TimelineEntry> shown) {
            calls.add("export " + shown.size());
            return Path.of("/opt/edm/logs/system/incidents/timeline-x.md");
        }
    };

    private static HealthSnapshot snapshot() {
        ProbeResult api = new ProbeResult("http:api", "http", "https://tkmail.fun/api/health", ProbeStatus.CRITICAL, "down",
                Duration.ofMillis(12), NOW, "connection refused", Map.of("up", 0.0));
        ProbeResult db = new ProbeResult("postgres", "postgres", "postgresql://edm@db:5432/edm", ProbeStatus.OK,
                "6/100 connections, 7.3 MiB, 15 ms", Duration.ofMillis(15), NOW, "", Map.of("up", 1.0));
        Alert firing = new Alert("service-down", "https://tkmail.fun/api/health", Severity.CRITICAL, AlertState.FIRING,
                "https://tkmail.fun/api/health is unavailable: connection refused", NOW.minusSeconds(125), NOW.minusSeconds(65),
                null, null, null, null);
        Alert resolved = new Alert("disk", "/", Severity.CRITICAL, AlertState.RESOLVED, "disk / is 86.0% full (threshold 85.0%)",
                NOW.minusSeconds(900), NOW.minusSeconds(800), NOW.minusSeconds(200), null, null, null);
        return new HealthSnapshot(List.of(db, api), Map.of("postgres", NOW, "http:api", NOW.minusSeconds(125)),
                List.of(firing, resolved), 1);
    }

    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    @Test
    void wideScreenShowsHealthAlertsAndTheAlarmInTheStatusBar() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 48, Locale.ENGLISH, false)) {
            h.app.useAlerts(control);
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())),
                    new UiEvent.Health(snapshot()));
            String screen = h.text();
            assertTrue(screen.contains("Health") && screen.contains("Alerts (1 firing / 2)"), screen);
            int api = h.rowContaining("http https://tkmail.fun/a");
            int db = h.rowContaining("postgres postgresql://edm");
            assertTrue(api > 0 && db > api, "problems first:\n" + screen);
            assertTrue(h.lines().get(api).contains("2m ago"), "age of the last success: " + h.lines().get(api));
            assertTrue(h.rowContaining("FIRING") < h.rowContaining("resolved"), "firing before resolved");
            assertTrue(h.lines().get(47).contains("1 FIRING"), h.lines().get(47));
        }
    }

    @Test
    void acknowledgeWithANoteAndSnoozeForADuration() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            h.app.useAlerts(control);
            h.app.apply(new UiEvent.Health(snapshot()), key('5'), key('a'));
            assertTrue(h.text().contains("note:"), h.text());
            for (char c : "on it q".toCharArray()) {
                h.app.apply(key(c));
            }
            assertFalse(h.app.state().quit, "q is typed into the note, it does not quit");
            h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.Backspace)), new UiEvent.Key(new KeyStroke(KeyType.Backspace)),
                    new UiEvent.Key(new KeyStroke(KeyType.Enter)));
            assertEquals("ack service-down|https://tkmail.fun/api/health on it", calls.get(0));
            assertTrue(h.text().contains("Alert acknowledged."), h.text());

            h.app.apply(key('s'));
            assertTrue(h.text().contains("(e.g. 30m, 2h)"), h.text());
            h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.Backspace)), new UiEvent.Key(new KeyStroke(KeyType.Backspace)),
                    key('3'), key('0'), key('m'), new UiEvent.Key(new KeyStroke(KeyType.Enter)));
            assertEquals("snooze service-down|https://tkmail.fun/api/health PT30M", calls.get(1));

            h.app.apply(key('s'), new UiEvent.Key(new KeyStroke(KeyType.Backspace)), key('x'),
                    new UiEvent.Key(new KeyStroke(KeyType.Enter)));
            assertTrue(h.text().contains("'1x' is not a duration"), h.text());
            assertEquals(2, calls.size(), "a bad duration snoozes nothing");
        }
    }

    @Test
    void eventsViewMergesSourcesFiltersAndExports() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            h.app.useAlerts(control);
            h.app.apply(key('E'));
            String screen = h.text();
            assertTrue(h.rowContaining("die") < h.rowContaining("FIRING service-down")
                    && h.rowContaining("FIRING service-down") < h.rowContaining("restart by ops"), "time order:\n" + screen);
            h.app.apply(key('d'));
            assertFalse(h.text().contains(" die"), "docker events hidden: " + h.text());
            h.app.apply(key('w'));
            assertEquals("export 2", calls.get(0));
            assertTrue(h.text().contains("Timeline written to /opt/edm/logs/system/incidents/timeline-x.md"), h.text());
            h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.Escape)));
            assertFalse(h.text().contains("FIRING service-down"));
        }
    }
}
