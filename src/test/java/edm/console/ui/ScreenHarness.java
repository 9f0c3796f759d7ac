package edm.console.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStats;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import edm.console.core.HostSnapshot;
import edm.console.core.PortMapping;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.keys.KeyMap;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A TuiApp drawing into Lanterna's virtual terminal, with a fixed clock, for screen tests. */
public final class ScreenHarness implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    public static final Set<String> STACK = Set.of("edm-postgres-prod", "edm-redis-prod", "edm-backend-prod",
            "edm-frontend-prod", "edm-nginx-prod");

    public final DefaultVirtualTerminal terminal;
    public final TerminalScreen screen;
    public final TuiApp app;
    public final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What inspect returns; null makes it fail. */
    public volatile ContainerDetail detail;

    public ScreenHarness(int cols, int rows, Locale locale, boolean readOnly) throws IOException {
        this(cols, rows, locale, readOnly, "dark");
    }

    public ScreenHarness(int cols, int rows, Locale locale, boolean readOnly, String theme) throws IOException {
        this(cols, rows, locale, readOnly, theme, null, null);
    }

    /** With log viewing through these sessions, exports into exportDir. */
    public ScreenHarness(int cols, int rows, Locale locale, boolean readOnly, String theme,
                         edm.console.logs.LogSessions logs, java.nio.file.Path exportDir) throws IOException {
        this(cols, rows, locale, readOnly, theme, logs, exportDir, "");
    }

    /** With the engine's address from this docker context. */
    public ScreenHarness(int cols, int rows, Locale locale, boolean readOnly, String theme,
                         edm.console.logs.LogSessions logs, java.nio.file.Path exportDir, String dockerContext) throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        Messages m = new Messages(locale);
        UiContext ctx = new UiContext(Theme.load(theme), KeyMap.standard(readOnly), m,
                new Format(m, ZoneOffset.UTC), () -> NOW, new ConsoleConfig().thresholds, STACK, "/opt/edm/edm-console.yml",
                dockerContext);
        app = new TuiApp(screen, ctx, new RecordingControl(), logs, exportDir);
    }

    /** The screen as lines of text; a wide character's second cell is dropped so lines read naturally. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        TerminalSize size = terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                var ch = terminal.getBufferCharacter(c, r);
                if (ch.isDoubleWidth()) {
                    b.append(ch.getCharacterString());
                    c++;
                } else {
                    b.append(ch.getCharacterString());
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    public String text() {
        return String.join("\n", lines());
    }

    /** Column (in cells) where {@code needle} starts on row {@code row}, or -1. */
    public int cellColumnOf(int row, String needle) {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder b = new StringBuilder();
        List<Integer> cellOf = new ArrayList<>();
        for (int c = 0; c < size.getColumns(); c++) {
            var ch = terminal.getBufferCharacter(c, row);
            cellOf.add(c);
            b.append(ch.getCharacterString());
            if (ch.isDoubleWidth()) {
                c++;
            }
        }
        int i = b.indexOf(needle);
        return i < 0 ? -1 : cellOf.get(i);
    }

    public int rowContaining(String needle) {
        List<String> l = lines();
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).contains(needle)) {
                return i;
            }
        }
        return -1;
    }

    public static ContainerInfo container(String id, String name, String image, ContainerStatus st, HealthStatus h) {
        return new ContainerInfo(id, name, image, st, h, NOW.minusSeconds(86_400), st == ContainerStatus.RUNNING
                ? NOW.minusSeconds(3 * 3600 + 5 * 60) : null, 0,
                List.of(new PortMapping("127.0.0.1", 8002, 8002, "tcp")), Map.of());
    }

    public static ContainersSnapshot snapshot(List<ContainerInfo> list) {
        Map<String, ContainerStats> stats = new java.util.HashMap<>();
        for (ContainerInfo c : list) {
            if (c.running()) {
                stats.put(c.id(), new ContainerStats(12.5, 200L << 20, 1L << 30, NOW));
            }
        }
        return new ContainersSnapshot(EngineStatus.up("unix:///var/run/docker.sock", "1.41", "20.10.24", NOW), list, stats, NOW);
    }

    public static List<ContainerInfo> edmStack() {
        return List.of(
                container("a1", "edm-postgres-prod", "edm-postgres:v1.0", ContainerStatus.RUNNING, HealthStatus.HEALTHY),
                container("a2", "edm-redis-prod", "edm-redis:v1.0", ContainerStatus.RUNNING, HealthStatus.HEALTHY),
                container("a3", "edm-backend-prod", "edm-backend:v1.1", ContainerStatus.RUNNING, HealthStatus.UNHEALTHY),
                container("a4", "edm-frontend-prod", "edm-frontend:v1.1", ContainerStatus.EXITED, HealthStatus.NONE),
                container("a5", "edm-nginx-prod", "edm-nginx:latest", ContainerStatus.RUNNING, HealthStatus.NONE),
                container("b1", "gloda-channel", "gloda:v2", ContainerStatus.EXITED, HealthStatus.NONE));
    }

    public static HostSnapshot host(double diskPercent, double memoryPercent) {
        long total = 100L << 30;
        return new HostSnapshot(NOW, 23.4, List.of(20.0, 26.8), new double[] {0.52, 0.48, 0.40},
                total, (long) (total * memoryPercent / 100), 0, 0,
                List.of(new HostSnapshot.FileSystemUsage("/", "ext4", total, (long) (total * diskPercent / 100), true),
                        new HostSnapshot.FileSystemUsage("/boot", "ext4", 1L << 30, 100L << 20, false)),
                List.of(new HostSnapshot.NetworkRate("eth0", 1200, 300)), 3 * 86_400 + 4 * 3600);
    }

    /** Waits (up to a generous deadline) until the background action thread recorded a call. */
    public void awaitCall(String call) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!calls.contains(call) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Applies events that background threads posted (action results, loaded details), then redraws. */
    public void drainPosted() throws IOException, InterruptedException {
        Thread.sleep(50);
        app.drainForTest();
    }

    /** Waits until the open log session holds at least {@code lines} lines, then applies events and redraws. */
    public void awaitLogLines(int lines) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            var session = app.state().logs.session;
            if (session != null && session.buffer().size() >= lines) {
                break;
            }
            Thread.sleep(10);
        }
        app.drainForTest();
        // The lines can arrive a moment before the source reports its link as connected.
        while (System.nanoTime() < deadline && text().contains("connecting")) {
            Thread.sleep(10);
            app.drainForTest();
        }
    }

    @Override
    public void close() throws IOException {
        app.controller().closeLogs();
        screen.stopScreen();
    }

    /** Records what the UI asked the engine to do. */
    final class RecordingControl implements ContainerControl {
        @Override
        public ContainerDetail inspect(String id) {
            calls.add("inspect " + id);
            if (detail == null) {
                throw new IllegalStateException("no such container: " + id);
            }
            return detail;
        }

        @Override
        public void start(String id) {
            calls.add("start " + id);
        }

        @Override
        public void stop(String id) {
            calls.add("stop " + id);
        }

        @Override
        public void restart(String id) {
            calls.add("restart " + id);
        }

        @Override
        public void refreshNow() {
            calls.add("refresh");
        }
    }
}
