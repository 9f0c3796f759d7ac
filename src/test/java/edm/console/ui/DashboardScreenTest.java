package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import edm.console.i18n.LanguageResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dashboard drawn into Lanterna's virtual terminal, read back as text and colours. */
class DashboardScreenTest {
    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    private static UiEvent key(KeyType t) {
        return new UiEvent.Key(new KeyStroke(t));
    }

    @Test
    void wideTerminalShowsBothPanelsStackFirstAndStatusBar() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 48, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())),
                    new UiEvent.Host(ScreenHarness.host(50, 40)));
            String screen = h.text();
            assertTrue(screen.contains("Containers (4 running / 6)"), screen);
            assertTrue(screen.contains("Resources"), screen);
            assertTrue(h.rowContaining("edm-postgres-prod") < h.rowContaining("gloda-channel"), "stack first");
            assertTrue(screen.contains("PORTS") && screen.contains("127.0.0.1:8002->8002"), "ports shown when wide");
            assertTrue(screen.contains("3h 05m"), "uptime");
            assertTrue(screen.contains("200.0 MiB / 1.0 GiB"), "memory used / limit\n" + screen);
            List<String> lines = h.lines();
            String status = lines.get(47);
            assertTrue(status.contains("unix:///var/run/docker.sock (API 1.41)"), status);
            assertTrue(status.contains("/opt/edm/edm-console.yml"), status);
            assertTrue(status.contains("10:00:00"), "clock: " + status);
            assertTrue(lines.get(46).contains("restart"), "hint bar lists the keys: " + lines.get(46));
        }
    }

    @Test
    void theStatusBarNamesTheDockerContextInBothLanguages() throws Exception {
        for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            try (ScreenHarness h = new ScreenHarness(160, 48, l, false, "dark", null, null, "prod-east")) {
                h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
                String status = h.lines().get(47);
                String expected = l == Locale.ENGLISH ? "Docker context prod-east: unix:///var/run/docker.sock (API 1.41)"
                        : "Docker 上下文 prod-east：unix:///var/run/docker.sock（API 1.41）";
                assertTrue(status.contains(expected), status);
            }
        }
        try (ScreenHarness h = new ScreenHarness(160, 48, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
            assertTrue(h.lines().get(47).contains("Docker unix:///var/run/docker.sock (API 1.41)"), "no context: the address alone");
        }
    }

    @Test
    void narrowTerminalShowsOnePanelAsTabsAndStillFits() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 24, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())),
                    new UiEvent.Host(ScreenHarness.host(50, 40)));
            String screen = h.text();
            assertTrue(screen.contains("edm-backend-prod"), screen);
            assertFalse(screen.contains("Filesystems"), "resources is a tab, not shown: " + screen);
            assertTrue(h.lines().get(0).contains("2 Resources"), "tabs in the top bar");
            h.app.apply(key(KeyType.Tab));
            screen = h.text();
            assertTrue(screen.contains("Filesystems"), screen);
            assertFalse(screen.contains("edm-backend-prod"), screen);
        }
    }

    @Test
    void statesAndThresholdsUseTheirStyles() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 48, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())),
                    new UiEvent.Host(ScreenHarness.host(86, 40)));
            Theme dark = Theme.load("dark");
            TextColor critical = dark.look(Style.CRITICAL).background();
            int frontend = h.rowContaining("edm-frontend-prod");
            int exitedCol = h.cellColumnOf(frontend, "exited");
            assertEquals(critical, h.terminal.getBufferCharacter(exitedCol, frontend).getBackgroundColor(),
                    "an exited stack member is critical");
            int other = h.rowContaining("gloda-channel");
            int otherCol = h.cellColumnOf(other, "exited");
            assertEquals(dark.look(Style.MUTED).foreground(), h.terminal.getBufferCharacter(otherCol, other).getForegroundColor(),
                    "an exited container outside the stack is only muted");
            int disk = h.rowContaining("[project dir]");
            int pct = h.cellColumnOf(disk, "86.0%");
            assertEquals(critical, h.terminal.getBufferCharacter(pct, disk).getBackgroundColor(), "disk > 85 % stands out");
        }
    }

    @Test
    void selectionMovesAndRestartAsksNamingTheContainerThenRuns() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
            h.app.apply(key(KeyType.ArrowDown), key(KeyType.ArrowDown), key('r'));
            assertTrue(h.text().contains("Restart container edm-backend-prod?"), h.text());
            assertTrue(h.calls.isEmpty(), "nothing happens before the answer");
            h.app.apply(key('n'));
            assertFalse(h.text().contains("Restart container"), "cancelled");
            h.app.apply(key('r'), key('y'));
            h.awaitCall("restart a3");
            assertEquals(List.of("restart a3"), h.calls);
            h.drainPosted();
            assertTrue(h.text().contains("Restarted edm-backend-prod"), h.text());
        }
    }

    @Test
    void readOnlyHidesAndRefusesActions() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, true)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
            String hints = h.lines().get(38);
            assertFalse(hints.contains("restart") || hints.contains("stop"), hints);
            assertTrue(h.lines().get(0).contains("READ-ONLY"));
            h.app.apply(key('r'), key('y'), key('x'), key('y'), key('s'), key('y'));
            h.drainPosted();
            assertTrue(h.calls.isEmpty(), "no action reached the engine: " + h.calls);
        }
    }

    @Test
    void engineDownIsShownWithReasonAndRetryAndTheRestKeepsWorking() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            ContainersSnapshot down = new ContainersSnapshot(EngineStatus.down("unix:///var/run/docker.sock",
                    "socket not found: /var/run/docker.sock", ScreenHarness.NOW, ScreenHarness.NOW.plusSeconds(4)),
                    ScreenHarness.edmStack(), Map.of(), ScreenHarness.NOW);
            h.app.apply(new UiEvent.Containers(down), new UiEvent.Host(ScreenHarness.host(50, 40)));
            String screen = h.text();
            assertTrue(screen.contains("Docker engine unreachable at unix:///var/run/docker.sock: socket not found"), screen);
            assertTrue(screen.contains("Retrying in 4 s"), screen);
            assertTrue(screen.contains("UNREACHABLE"), "status bar");
            assertTrue(screen.contains("Filesystems"), "resources still shown");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en    | Docker engine at unix:///var/run/docker.sock not answering for 12 s; data from 09:59:48 | NOT ANSWERING"
            + " | Containers (last known: 4 running / 6)",
        "zh-CN | Docker 引擎 unix:///var/run/docker.sock 已 12 秒无响应；数据截至 09:59:48 | 无响应"
            + " | 容器（上次已知：运行 4 / 共 6）"})
    void aSilentEngineMarksTheListStaleWithItsAgeAndTheRowsStayMuted(String lang, String banner, String status,
                                                                    String title) throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.forLanguageTag(lang), false)) {
            var listedAt = ScreenHarness.NOW.minusSeconds(12);
            ContainersSnapshot silent = new ContainersSnapshot(EngineStatus.notAnswering("unix:///var/run/docker.sock",
                    "ping: Docker engine not answering (3 s)", listedAt, ScreenHarness.NOW.minusSeconds(9),
                    ScreenHarness.NOW.plusSeconds(1)), ScreenHarness.edmStack(), Map.of(), listedAt);
            h.app.apply(new UiEvent.Containers(silent), new UiEvent.Host(ScreenHarness.host(50, 40)));
            String screen = h.text();
            assertTrue(screen.contains(banner), screen);
            assertTrue(screen.contains(title), screen);
            assertTrue(h.lines().get(39).contains(status), "status bar: " + h.lines().get(39));
            assertTrue(screen.contains("edm-backend-prod"), "the last known rows stay\n" + screen);
            assertFalse(screen.contains("Connecting"), screen);
        }
    }

    @Test
    void aConsoleStartedDuringAHangSaysNotAnsweringInsteadOfConnecting() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            ContainersSnapshot silent = new ContainersSnapshot(EngineStatus.notAnswering("unix:///var/run/docker.sock",
                    "version: Docker engine not answering (3 s)", ScreenHarness.NOW.minusSeconds(3), ScreenHarness.NOW,
                    ScreenHarness.NOW.plusSeconds(1)), List.of(), Map.of(), null);
            h.app.apply(new UiEvent.Containers(silent));
            String screen = h.text();
            assertTrue(screen.contains("not answering for 3 s; no data yet"), screen);
            assertFalse(screen.contains("Connecting"), screen);
        }
    }

    @Test
    void hostileContainerNameCannotReachTheTerminalRaw() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            List<ContainerInfo> list = new ArrayList<>(ScreenHarness.edmStack());
            list.add(ScreenHarness.container("evil", "x\u001b]0;pwned\u0007\u001b[2Jy\u202Egnp.exe", "img:v1",
                    ContainerStatus.RUNNING, HealthStatus.NONE));
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(list)));
            String screen = h.text();
            assertFalse(screen.contains("\u001b"), "no ESC on screen");
            assertFalse(screen.contains("\u202E"), "no bidi override on screen");
            assertTrue(screen.contains("x␛]0;pwned␇␛[2Jy⸮"), screen);
        }
    }

    @Test
    void helpScreenComesFromTheKeyTable() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            h.app.apply(key('?'));
            String screen = h.text();
            assertTrue(screen.contains("Containers panel"), screen);
            assertTrue(screen.contains("restart") && screen.contains("changes something"), screen);
            h.app.apply(key(KeyType.Escape));
            assertFalse(h.text().contains("Containers panel"));
        }
    }

    /** Columns in terminal cells line up even when a name or a translation is double width. */
    @ParameterizedTest
    @CsvSource({"80,24", "160,48"})
    void chineseColumnsLineUpWithCjkNames(int cols, int rows) throws Exception {
        try (ScreenHarness h = new ScreenHarness(cols, rows, LanguageResolver.SIMPLIFIED_CHINESE, false)) {
            List<ContainerInfo> list = new ArrayList<>(ScreenHarness.edmStack());
            list.add(ScreenHarness.container("cjk", "邮件服务-测试", "edm-backend:v1.1", ContainerStatus.RUNNING, HealthStatus.HEALTHY));
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(list)));
            String screen = h.text();
            assertTrue(screen.contains("容器（运行 5 / 共 7）"), screen);
            int header = h.rowContaining("名称");
            int imageCol = h.cellColumnOf(header, "镜像");
            int stateCol = h.cellColumnOf(header, "状态");
            for (String name : List.of("邮件服务-测试", "edm-backend-prod", "gloda-channel")) {
                int row = h.rowContaining(name);
                assertTrue(row > header, name);
                assertEquals(imageCol, h.cellColumnOf(row, name.equals("gloda-channel") ? "gloda:v2" : "edm-backend:v1.1"),
                        "image column of " + name + " at " + cols + "x" + rows + "\n" + screen);
                int state = h.cellColumnOf(row, name.equals("gloda-channel") ? "已退出" : "运行中");
                assertEquals(stateCol, state, "state column of " + name + "\n" + screen);
            }
            assertTrue(h.lines().get(rows - 1).contains("配置：/opt/edm/"), h.lines().get(rows - 1));
        }
    }

    @Test
    void resizingRelaysOutAtOnce() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 48, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())),
                    new UiEvent.Host(ScreenHarness.host(50, 40)));
            assertTrue(h.text().contains("Filesystems") && h.text().contains("edm-backend-prod"));
            h.terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(80, 24));
            h.app.apply(new UiEvent.Resized());
            List<String> lines = h.lines();
            assertEquals(24, lines.size());
            assertFalse(h.text().contains("Filesystems"), "one panel at 80x24");
            assertTrue(lines.get(23).contains("10:00:00"), "status bar on the new last row: " + lines.get(23));
            assertEquals('┐', lines.get(1).charAt(79), "frame ends at the new right edge");
            h.terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(160, 48));
            h.app.apply(new UiEvent.Resized());
            assertTrue(h.text().contains("Filesystems") && h.text().contains("edm-backend-prod"));
        }
    }
}
