package edm.console.logs.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.docker.DockerClients;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.live.GatewayLogApi;
import edm.console.logs.FollowStatus;
import edm.console.logs.LogLine;
import edm.console.logs.LogSession;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSourceSpec;
import edm.console.testsupport.TestImages;
import edm.console.ui.Theme;
import edm.console.ui.TuiApp;
import edm.console.ui.UiContext;
import edm.console.ui.UiEvent;
import edm.console.ui.keys.KeyMap;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Log ingest benchmark, run on demand (not part of mvn verify): {@code bench/logs.sh [SECONDS]}.
 * Phase 1: a container writing lines as fast as it can ({@code yes}); phase 2: a file growing at
 * 50,000 lines/s. {@code file-max} instead grows the file as fast as one writer can, to see the
 * ingest path's own capacity without the Docker daemon in the way. For each: lines/s read from the source (kept + skipped), the time the UI takes to
 * handle a key and draw the whole frame while ingesting, and the process RSS once the buffer is full
 * and at the end (flat is the goal).
 */
public final class LogIngestBench {
    private static final String LINE = "203.0.113.9 - - [29/Nov/2026:10:00:00 +0800] \"GET /api/v1/items?page=2 HTTP/1.1\" 200 5120 \"-\" \"curl/8.0\" 0.012";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String only = args.length > 1 ? args[1] : "all";
        if (only.equals("all") || only.equals("container")) {
            container(seconds);
        }
        if (!only.equals("container") && !only.equals("file-max")) {
            file(seconds, 10_000_000L, "file growing at 50,000 lines/s");
        }
        if (only.equals("file-max")) {
            file(seconds, 0, "file growing as fast as one writer can (ingest capacity)");
        }
        System.exit(0);
    }

    private static void container(int seconds) throws Exception {
        String endpoint = DockerClients.resolveEndpoint("");
        DockerClient docker = DockerClients.requests(endpoint, Duration.ofSeconds(30));
        String name = "edm-logs-bench";
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // not there
        }
        // json-file as in production, rotated so that a minute of flood does not fill the disk.
        HostConfig host = HostConfig.newHostConfig().withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                Map.of("max-size", "50m", "max-file", "2")));
        String id = docker.createContainerCmd(TestImages.busybox()).withName(name).withHostConfig(host)
                .withCmd("/bin/sh", "-c", "yes '" + LINE.replace("'", "") + "'").exec().getId();
        docker.startContainerCmd(id).exec();
        try (ContainerGateway gateway = new ContainerGateway(endpoint, Duration.ofSeconds(10))) {
            LogSessions sessions = new LogSessions(new GatewayLogApi(gateway), Path.of("/nonexistent"), List.of(), 500,
                    10_000, 8L << 20, Clock.SYSTEM);
            measure("container (yes, as fast as it can)", sessions, LogSourceSpec.container(name), seconds);
        } finally {
            docker.removeContainerCmd(name).withForce(true).exec();
        }
    }

    private static void file(int seconds, long nanosPer500, String title) throws Exception {
        Path project = Files.createTempDirectory("edm-logs-bench");
        Path log = Files.createDirectories(project.resolve("logs/nginx")).resolve("access.log");
        Files.writeString(log, "");
        Thread writer = new Thread(() -> {
            byte[] batch = (LINE + "\n").repeat(500).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                long next = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(batch); // 500 lines every 10 ms: 50,000 lines/s
                    out.flush();
                    next += nanosPer500;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                }
            } catch (Exception e) {
                // interrupted: done
            }
        }, "bench-writer");
        writer.setDaemon(true);
        writer.start();
        LogSessions sessions = new LogSessions(null, project, List.of("logs/nginx/*.log"), 500, 10_000, 8L << 20, Clock.SYSTEM);
        try {
            measure(title, sessions, LogSourceSpec.files("logs/nginx/*.log"), seconds);
        } finally {
            writer.interrupt();
        }
    }

    private static void measure(String title, LogSessions sessions, LogSourceSpec spec, int seconds) throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 48));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Messages m = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(Theme.load("dark"), KeyMap.standard(false), m, new Format(m, ZoneId.systemDefault()),
                Clock.SYSTEM, new ConsoleConfig().thresholds, Set.of(), "bench");
        TuiApp app = new TuiApp(screen, ctx, new NoControl(), sessions, Path.of(System.getProperty("java.io.tmpdir")));
        app.controller().openLogs(List.of(spec));
        app.apply(new UiEvent.Key(new KeyStroke('3', false, false)));
        LogSession session = app.state().logs.session;
        System.out.println("== " + title + " (" + seconds + " s)");
        long start = System.nanoTime();
        long startCount = ingested(session);
        long fullRss = -1;
        long fullAt = -1;
        List<Double> frames = new ArrayList<>();
        long lastReport = start;
        long lastCount = startCount;
        char[] keys = {'t', 't', 'w', 'w', 'v', 'v', 'v', 'v'};
        double maxShown = 0;
        double maxReal = 0;
        double maxDiff = 0;
        List<Double> lagSamples = new ArrayList<>();
        int k = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            Thread.sleep(100);
            long t0 = System.nanoTime();
            // One key, handled and the whole frame drawn, as the UI thread does (plus pending log redraws).
            app.apply(new UiEvent.Key(new KeyStroke(keys[k++ % keys.length], false, false)), new UiEvent.LogsChanged());
            frames.add((System.nanoTime() - t0) / 1e6);
            Instant now = Instant.now();
            FollowStatus st = session.status(now);
            List<LogLine> lines = session.buffer().snapshot();
            double real = lines.isEmpty() ? 0 : Duration.between(lines.get(lines.size() - 1).time(), now).toMillis() / 1000.0;
            double shown = st.lag().toMillis() / 1000.0;
            maxShown = Math.max(maxShown, shown);
            maxReal = Math.max(maxReal, real);
            maxDiff = Math.max(maxDiff, Math.abs(real - shown));
            lagSamples.add(real);
            if (fullRss < 0 && session.buffer().evicted() > 0) {
                fullRss = rssKb();
                fullAt = System.nanoTime();
            }
            if (System.nanoTime() - lastReport >= 10_000_000_000L) {
                long c = ingested(session);
                FollowStatus now10 = session.status(Instant.now());
                System.out.printf("  t=%3ds  %,10.0f lines/s read  buffer %,d lines  skipped %,d lines + %.1f s unread"
                                + "  newest line %.1f s old (shown as %.1f s, max %.1f s)  RSS %,d KiB%n",
                        (System.nanoTime() - start) / 1_000_000_000L, (c - lastCount) / ((System.nanoTime() - lastReport) / 1e9),
                        session.buffer().size(), now10.skippedLines(), now10.skippedSpan().toMillis() / 1000.0,
                        lagSamples.get(lagSamples.size() - 1), now10.lag().toMillis() / 1000.0, maxReal, rssKb());
                maxReal = 0;
                lastReport = System.nanoTime();
                lastCount = c;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        FollowStatus end = session.status(Instant.now());
        long total = ingested(session) - startCount;
        Collections.sort(frames);
        long endRss = rssKb();
        System.out.printf("  read %,d lines in %.1f s = %,.0f lines/s (kept %,d, skipped %,d; %.1f s of log skipped unread)%n",
                total, secs, total / secs, session.buffer().received(), end.skippedLines(), end.skippedSpan().toMillis() / 1000.0);
        List<Double> lags = new ArrayList<>(lagSamples);
        Collections.sort(lags);
        System.out.printf("  newest line's age: median %.2f s, p99 %.2f s, max %.2f s; header lag max %.2f s; |shown - real| max %.2f s%n",
                lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99)), lags.get(lags.size() - 1), maxShown, maxDiff);
        System.out.printf("  key+frame: median %.1f ms, p99 %.1f ms, max %.1f ms over %d frames%n",
                frames.get(frames.size() / 2), frames.get((int) (frames.size() * 0.99)), frames.get(frames.size() - 1), frames.size());
        if (fullRss > 0) {
            System.out.printf("  RSS when the buffer was full: %,d KiB; at the end (%.0f s later): %,d KiB (%+,d KiB)%n",
                    fullRss, (System.nanoTime() - fullAt) / 1e9, endRss, endRss - fullRss);
        } else {
            System.out.printf("  buffer never filled; RSS at the end %,d KiB%n", endRss);
        }
        long closeStart = System.nanoTime();
        app.controller().closeLogs();
        System.out.printf("  closing the log session: %.0f ms%n", (System.nanoTime() - closeStart) / 1e6);
        screen.stopScreen();
    }

    private static long ingested(LogSession s) {
        return s.buffer().received() + s.status(Instant.now()).skippedLines();
    }

    private static long rssKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static final class NoControl implements edm.console.ui.ContainerControl {
        @Override
        public edm.console.core.ContainerDetail inspect(String id) {
            throw new IllegalStateException("bench");
        }

        @Override
        public void start(String id) {
        }

        @Override
        public void stop(String id) {
        }

        @Override
        public void restart(String id) {
        }

        @Override
        public void refreshNow() {
        }
    }
}
