package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.logs.FakeContainerLogApi;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSourceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Logs panel drawn into the virtual terminal: tabs at 80x24, beside resources at 160x48, search, pause, export. */
class LogsScreenTest {
    @TempDir
    Path dir;

    private final FakeContainerLogApi engine = new FakeContainerLogApi()
            .container("edm-backend-prod", "2026-11-29 09:00:00 INFO started", "2026-11-29 09:00:01 ERROR db boom",
                    "2026-11-29 09:00:02 WARN slow query", "plain line");

    private ScreenHarness harness(int cols, int rows) throws Exception {
        LogSessions sessions = new LogSessions(engine, dir, List.of("logs/app/*.log"), 500, 10_000, 8 << 20, () -> ScreenHarness.NOW);
        ScreenHarness h = new ScreenHarness(cols, rows, Locale.ENGLISH, false, "dark", sessions, dir.resolve("exports"));
        h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())),
                new UiEvent.Host(ScreenHarness.host(50, 40)));
        return h;
    }

    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    private static UiEvent key(KeyType t) {
        return new UiEvent.Key(new KeyStroke(t));
    }

    @Test
    void narrowTerminalShowsLogsAsATabWithLevelsColoured() throws Exception {
        try (ScreenHarness h = harness(80, 24)) {
            h.app.controller().openLogs(List.of(LogSourceSpec.container("edm-backend-prod")));
            h.app.apply(key('3'));
            h.awaitLogLines(4);
            String screen = h.text();
            if (System.getenv("SHOW_SCREEN") != null) {
                System.out.println(screen);
            }
            assertTrue(h.lines().get(0).contains("3 Logs"), h.lines().get(0));
            assertTrue(screen.contains("Logs: edm-backend-prod"), screen);
            assertTrue(screen.contains("following"), screen);
            assertTrue(screen.contains("ERROR db boom"), screen);
            assertFalse(screen.contains("Filesystems"), "one panel at a time");
            int row = h.rowContaining("ERROR db boom");
            int col = h.cellColumnOf(row, "db boom");
            Theme dark = Theme.load("dark");
            assertEquals(dark.look(Style.LOG_ERROR).foreground(), h.terminal.getBufferCharacter(col, row).getForegroundColor());
            int warn = h.rowContaining("WARN slow");
            assertEquals(dark.look(Style.LOG_WARN).foreground(),
                    h.terminal.getBufferCharacter(h.cellColumnOf(warn, "slow"), warn).getForegroundColor());
            assertTrue(h.lines().get(22).contains("search"), "hint bar shows the log keys: " + h.lines().get(22));
        }
    }

    @Test
    void wideTerminalShowsLogsBesideResourcesAndLOpensTheSelectedContainer() throws Exception {
        try (ScreenHarness h = harness(160, 48)) {
            int down = 2; // edm-backend-prod is the third row
            for (int i = 0; i < down; i++) {
                h.app.apply(key(KeyType.ArrowDown));
            }
            h.app.apply(key('l'));
            h.awaitLogLines(4);
            String screen = h.text();
            if (System.getenv("SHOW_SCREEN") != null) {
                System.out.println(screen);
            }
            assertTrue(screen.contains("Containers (4 running / 6)"), screen);
            assertTrue(screen.contains("Filesystems"), "resources still shown: " + screen);
            int logsRow = h.rowContaining("Logs: edm-backend-prod");
            assertTrue(logsRow > h.rowContaining("gloda-channel"), "logs below the containers");
            assertTrue(h.lines().get(logsRow).contains("Resources"), "beside resources: " + h.lines().get(logsRow));
            assertTrue(h.cellColumnOf(logsRow, "Logs: edm-backend-prod") > 60);
            assertTrue(screen.contains("db boom"), screen);
        }
    }

    @Test
    void searchHighlightsPausesAndFiltersThenExportWritesTheView() throws Exception {
        try (ScreenHarness h = harness(100, 30)) {
            h.app.controller().openLogs(List.of(LogSourceSpec.container("edm-backend-prod")));
            h.app.apply(key('3'));
            h.awaitLogLines(4);
            h.app.apply(key('/'), key('b'), key('o'), key('o'), key('m'));
            assertTrue(h.text().contains("/boom"), "the search line shows what is typed: " + h.text());
            h.app.apply(key('q'));
            assertFalse(h.app.state().quit, "q is text while typing, not quit");
            h.app.apply(key(KeyType.Backspace), key(KeyType.Enter));
            int row = h.rowContaining("db boom");
            int col = h.cellColumnOf(row, "boom");
            Theme dark = Theme.load("dark");
            assertEquals(dark.look(Style.MATCH_CURRENT).background(), h.terminal.getBufferCharacter(col, row).getBackgroundColor(),
                    "the current match is highlighted");
            assertTrue(h.text().contains("PAUSED, 0 new"), h.text());
            engine.emit("edm-backend-prod", "new while paused 1", false);
            engine.emit("edm-backend-prod", "new while paused 2", true);
            h.awaitLogLines(6);
            assertTrue(h.text().contains("PAUSED, 2 new"), h.text());
            assertFalse(h.text().contains("new while paused"), "paused view is frozen");
            h.app.apply(key('f'));
            String filtered = h.text();
            assertTrue(filtered.contains("db boom") && !filtered.contains("slow query") && !filtered.contains("plain line"), filtered);
            h.app.apply(key('e'));
            Thread.sleep(300);
            h.app.drainForTest();
            assertTrue(h.text().contains("Exported 1 lines to " + dir.resolve("exports")), h.text());
            try (var files = Files.list(dir.resolve("exports"))) {
                Path export = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
                List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
                assertEquals(1, lines.size());
                assertTrue(lines.get(0).endsWith("edm-backend-prod | 2026-11-29 09:00:01 ERROR db boom"), lines.get(0));
            }
            h.app.apply(key(KeyType.Escape), key(KeyType.End));
            String following = h.text();
            assertTrue(following.contains("following") && following.contains("new while paused 2"), following);
            assertTrue(following.contains("edm-backend-prod!"), "stderr marked apart: " + following);
        }
    }

    @Test
    void sourcePickerOpensTheChosenSources() throws Exception {
        try (ScreenHarness h = harness(100, 30)) {
            h.app.apply(key('3'));
            h.app.apply(key('o'));
            assertTrue(h.text().contains("Log sources"), h.text());
            assertTrue(h.text().contains("[x] logs/app/*.log"), "the default files are ticked: " + h.text());
            h.app.apply(key(KeyType.ArrowDown), key(' ')); // tick edm-redis-prod
            for (int i = 0; i < 5; i++) {
                h.app.apply(key(KeyType.ArrowDown)); // to the files, the last item
            }
            h.app.apply(key(' '), key(KeyType.Enter)); // untick them, open
            h.awaitLogLines(1);
            assertEquals(List.of(LogSourceSpec.container("edm-redis-prod")), h.app.state().logs.specs);
        }
    }
}
