package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.config.ConsoleConfig;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.EngineInfo;
import edm.console.core.EngineSummary;
import edm.console.core.HealthSnapshot;
import edm.console.core.InFlightWork;
import edm.console.core.Severity;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.keys.KeyMap;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hosts view (H) drawn into the virtual terminal, and the switch of every panel to another engine. */
class HostsScreenTest {
    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    private static UiEvent key(KeyType t) {
        return new UiEvent.Key(new KeyStroke(t));
    }

    private static List<EngineSummary> rows() {
        return List.of(
                new EngineSummary("local", "unix:///var/run/docker.sock", EngineSummary.Reach.UP, "", 5, 6, 1, 2,
                        new EngineInfo("app1", 16L << 30, 4, "20.10.24", "Debian"), ScreenHarness.NOW),
                new EngineSummary("staging", "ssh://ops@10.0.0.6", EngineSummary.Reach.DOWN,
                        "ssh: connect to host 10.0.0.6 port 22: Connection refused", 0, 0, 0, 0, null, ScreenHarness.NOW.minusSeconds(20)),
                new EngineSummary("app2", "tcp://10.0.0.7:2376", EngineSummary.Reach.NOT_ANSWERING,
                        "info: Docker engine not answering (10 s)", 0, 0, 0, 0, null, ScreenHarness.NOW),
                EngineSummary.checking("gloda", "unix:///run/gloda.sock"));
    }

    /** Records what the hosts view asked of the app. */
    private static final class RecordingHosts implements HostsControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public void refresh() {
            calls.add("refresh");
        }

        @Override
        public void switchTo(String engine) {
            calls.add("switch " + engine);
        }
    }

    @Test
    void hShowsOneRowPerEngineWithWhyTheUnreachableOnesAreNotReadInBothLanguages() throws Exception {
        for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            try (ScreenHarness h = new ScreenHarness(160, 30, l, false)) {
                RecordingHosts hosts = new RecordingHosts();
                h.app.useHosts(hosts);
                h.app.state().hosts.current = "local";
                h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())), new UiEvent.Hosts(rows()),
                        key('H'));
                boolean en = l == Locale.ENGLISH;
                String screen = h.text();
                assertEquals(List.of("refresh"), hosts.calls, "opening the view polls every engine now");
                assertTrue(screen.contains(en ? "Hosts (4 engines)" : "主机（4 个引擎）"), screen);
                String local = h.lines().get(h.rowContaining("local "));
                assertTrue(local.contains("* local"), "the current engine is marked: " + local);
                assertTrue(local.contains(en ? "reachable" : "可连接") && local.contains("5 / 6"), local);
                assertTrue(local.contains(en ? "16.0 GiB total" : "共 16.0 GiB"), "memory as the engine reports it: " + local);
                assertTrue(local.contains(en ? "UNKNOWN" : "未知"), "no engine reports free disk: " + local);
                String staging = h.lines().get(h.rowContaining("staging"));
                assertTrue(staging.contains(en ? "UNREACHABLE" : "无法连接"), staging);
                assertTrue(staging.contains("port 22: Connection refused"), "why, on its row: " + staging);
                String app2 = h.lines().get(h.rowContaining("app2"));
                assertTrue(app2.contains(en ? "NOT ANSWERING" : "无响应") && app2.contains("not answering (10 s)"), app2);
                assertTrue(h.lines().get(h.rowContaining("gloda")).contains(en ? "checking" : "检查中"), screen);
                assertTrue(h.lines().get(28).contains(en ? "switch every panel to this engine" : "所有面板切换到此引擎"),
                        "the hint bar: " + h.lines().get(28));
                h.app.apply(key(KeyType.Escape));
                assertFalse(h.text().contains(en ? "Hosts (4 engines)" : "主机（4 个引擎）"), "Esc goes back to the panels");
            }
        }
    }

    @Test
    void enterSwitchesToTheSelectedEngineAndOnTheCurrentOneGoesBack() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 30, Locale.ENGLISH, false)) {
            RecordingHosts hosts = new RecordingHosts();
            h.app.useHosts(hosts);
            h.app.state().hosts.current = "local";
            h.app.apply(new UiEvent.Hosts(rows()), key('H'), key(KeyType.Enter));
            assertEquals(UiState.View.DASHBOARD, h.app.state().view, "Enter on the current engine: back to its panels");
            h.app.apply(key('H'), key(KeyType.ArrowDown), key(KeyType.Enter));
            assertEquals(List.of("refresh", "refresh", "switch staging"), hosts.calls);
            assertTrue(h.text().contains("Connecting to staging"), h.text());
            assertTrue(h.lines().get(h.rowContaining("staging")).contains("~ staging"), "the row being switched to is marked");
            h.app.apply(new UiEvent.SwitchFailed("staging", "ssh: connect to host 10.0.0.6 port 22: Connection refused"));
            assertTrue(h.text().contains("Cannot switch to staging: ssh: connect to host 10.0.0.6 port 22"), h.text());
            assertNull(h.app.state().hosts.switching);
        }
    }

    /** A change this console started is never cut by a switch: the switch is refused, naming what runs. */
    @Test
    void aSwitchIsRefusedWhileAChangeRuns() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 30, Locale.ENGLISH, false)) {
            RecordingHosts hosts = new RecordingHosts();
            h.app.useHosts(hosts);
            h.app.state().hosts.current = "local";
            try (InFlightWork.Ticket deploy = h.app.inFlight().begin("deploy", "edm-backend-prod v1.1")) {
                h.app.apply(new UiEvent.Hosts(rows()), key('H'), key(KeyType.ArrowDown), key(KeyType.Enter));
                assertEquals(List.of("refresh"), hosts.calls, "no switch asked for");
                assertTrue(h.text().contains("Not switching to staging while deploy edm-backend-prod v1.1 runs"), h.text());
                // Also when the change started between Enter and the engine being ready.
                boolean[] abandoned = {false};
                h.app.apply(new UiEvent.EngineReady(engine("staging", () -> { }, () -> abandoned[0] = true)));
                assertTrue(abandoned[0], "the new engine's session is given up");
                assertEquals("local", h.app.state().hosts.current);
            }
        }
    }

    private static EngineUi engine(String name, Runnable activate, Runnable abandon) {
        Messages m = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(Theme.load("dark"), KeyMap.standard(false), m, new Format(m, ZoneOffset.UTC),
                () -> ScreenHarness.NOW, new ConsoleConfig().thresholds, Set.of("edm-backend-prod"), "/srv/staging/edm-console.yml",
                "", name);
        return new EngineUi(name, ctx, null, null, app -> { }, activate, abandon);
    }

    @Test
    void theReadyEngineRebuildsThePanelsAndTheStatusBarNamesIt() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 30, Locale.ENGLISH, false)) {
            RecordingHosts hosts = new RecordingHosts();
            h.app.useHosts(hosts);
            h.app.state().hosts.current = "local";
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())), new UiEvent.Hosts(rows()),
                    key('H'), key(KeyType.ArrowDown), key(KeyType.Enter));
            List<String> order = new ArrayList<>();
            EngineUi staging = new EngineUi("staging", engine("staging", null, null).ctx(), null, null,
                    app -> order.add("wired"), () -> order.add("activated"), () -> order.add("abandoned"));
            h.app.apply(new UiEvent.EngineReady(staging));
            assertEquals(List.of("wired", "activated"), order, "wired before its monitors start");
            assertEquals(UiState.View.DASHBOARD, h.app.state().view, "the new engine's panels are shown");
            assertEquals("staging", h.app.state().hosts.current);
            assertEquals(4, h.app.state().hosts.rows.size(), "the hosts' rows outlive the switch");
            assertNull(h.app.state().containers, "nothing of the old engine's containers on the new panels");
            String status = h.lines().get(29);
            assertTrue(status.contains("[staging]"), "the status bar names the current engine: " + status);
            assertTrue(status.contains("/srv/staging/edm-console.yml"), "and that engine's config: " + status);
            assertTrue(hosts.calls.contains("switch staging"));
            assertFalse(h.text().contains("edm-frontend-prod"), "the containers panel waits for the new engine's list");
            // Its alerts carry their engine's name.
            Alert down = new Alert("service-down", "edm-backend-prod", Severity.CRITICAL, AlertState.FIRING,
                    "edm-backend-prod is down: not running", ScreenHarness.NOW.minusSeconds(90), ScreenHarness.NOW, null, null, null,
                    null, "app2");
            h.app.apply(key('5'), new UiEvent.Health(new HealthSnapshot(List.of(), java.util.Map.of(), List.of(down), 1)));
            assertTrue(h.text().contains("[app2] edm-backend-prod is down"), h.text());
            assertTrue(h.lines().get(29).contains("1 FIRING"), h.lines().get(29));
            h.app.apply(key('H'));
            assertTrue(h.lines().get(h.rowContaining("staging")).contains("* staging"), "the new current engine is marked: " + h.text());
        }
    }
}
