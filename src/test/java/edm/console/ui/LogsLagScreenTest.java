package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.logs.FakeContainerLogApi;
import edm.console.logs.FollowStatus;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSourceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log panel's status row when the stream is behind: it says how far behind the newest line is and
 * how many lines it skipped to catch up, instead of "following" (English and Chinese).
 */
class LogsLagScreenTest {
    private static final String NAME = "edm-backend-prod";
    private static final Instant NOW = ScreenHarness.NOW;

    @TempDir
    Path dir;

    private final FakeContainerLogApi engine = new FakeContainerLogApi(NOW.minusSeconds(30)).container(NAME, "started");
    private final AtomicReference<Instant> engineSide = new AtomicReference<>(NOW.minusSeconds(10));

    private String behindScreen(Locale locale) throws Exception {
        LogSessions sessions = new LogSessions(engine, dir, List.of(), 500, 10_000, 8 << 20, engineSide::get);
        try (ScreenHarness h = new ScreenHarness(120, 30, locale, false, "dark", sessions, dir.resolve("exports"))) {
            h.app.controller().openLogs(List.of(LogSourceSpec.container(NAME)));
            h.app.apply(new UiEvent.Key(new com.googlecode.lanterna.input.KeyStroke('3', false, false)));
            h.awaitLogLines(1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (engine.openFollowers(NAME) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            // A line stamped 5 s ago arrives at once and is shown; then lines 4.7 s late arrive and are dropped.
            engineSide.set(NOW.minusMillis(4_900));
            engine.emitAt(NAME, NOW.minusSeconds(5), "the newest line shown");
            engineSide.set(NOW.minusMillis(100));
            for (int i = 0; i < 1234; i++) {
                engine.emitAt(NAME, NOW.minusMillis(4_800), "late " + i);
            }
            h.awaitLogLines(2);
            String screen = h.text();
            if (System.getenv("SHOW_SCREEN") != null) {
                System.out.println(screen);
            }
            assertTrue(screen.contains("the newest line shown"), screen);
            assertFalse(screen.contains("late 1"), "late lines dropped unread: " + screen);
            return screen;
        }
    }

    @Test
    void behindAndSkippedInsteadOfFollowing() throws Exception {
        String screen = behindScreen(Locale.ENGLISH);
        assertTrue(screen.contains("behind 5.0 s"), screen);
        assertTrue(screen.contains("skipped 1,234 lines to catch up"), screen);
        assertFalse(screen.contains("following"), "never 'following' while behind: " + screen);
    }

    @Test
    void behindAndSkippedInChinese() throws Exception {
        String screen = behindScreen(Locale.SIMPLIFIED_CHINESE);
        assertTrue(screen.contains("落后 5.0 秒"), screen);
        assertTrue(screen.contains("为追上进度跳过了 1,234 行"), screen);
        assertFalse(screen.contains("跟随中"), screen);
    }

    @Test
    void skippedSpansAndLinkStatesInBothLanguages() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        Format fe = new Format(en, ZoneOffset.UTC);
        Format fz = new Format(zh, ZoneOffset.UTC);
        FollowStatus both = new FollowStatus(FollowStatus.Link.CONNECTED, Duration.ofMillis(300), 120_345, Duration.ofSeconds(34));
        assertEquals("skipped 120,345 lines + 34 s of logs to catch up", LogsView.skipped(both, en, fe));
        assertEquals("为追上进度跳过了 120,345 行及 34 秒的日志", LogsView.skipped(both, zh, fz));
        FollowStatus span = new FollowStatus(FollowStatus.Link.CONNECTED, Duration.ZERO, 0, Duration.ofMillis(2_400));
        assertEquals("skipped 2.4 s of logs to catch up", LogsView.skipped(span, en, fe));
        assertEquals(null, LogsView.link(both, en, fe), "connected, 0.3 s: following");
        FollowStatus late = new FollowStatus(FollowStatus.Link.CONNECTED, Duration.ofSeconds(75), 0, Duration.ZERO);
        assertEquals("behind 1m 15s", LogsView.link(late, en, fe));
        FollowStatus reconnecting = new FollowStatus(FollowStatus.Link.RECONNECTING, Duration.ZERO, 0, Duration.ZERO);
        assertEquals("reconnecting", LogsView.link(reconnecting, en, fe));
        assertEquals("重新连接中", LogsView.link(reconnecting, zh, fz));
    }
}
