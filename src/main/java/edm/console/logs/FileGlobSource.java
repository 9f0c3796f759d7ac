package edm.console.logs;

import edm.console.core.Clock;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The log files matching one configured glob (e.g. {@code logs/nginx/*.log} under the project dir),
 * followed with {@code tail -F} semantics ({@link FileTail}); files that start matching later are
 * picked up from their first line. Looking back ({@code since}) also reads rotated and gzipped
 * predecessors. Each line is tagged with its file, e.g. {@code nginx/access.log}.
 */
public final class FileGlobSource implements LogSource {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RESCAN = Duration.ofSeconds(1);

    private final String glob;
    private final Path base;
    private final LogWindow window;
    private final LogMetrics metrics;
    private final Clock clock;
    private final int maxLineChars;
    private final Map<Path, FileTail> tails = new LinkedHashMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closed;
    private Thread thread;

    public FileGlobSource(String glob, Path base, LogWindow window, LogMetrics metrics, Clock clock, int maxLineChars) {
        this.glob = glob;
        this.base = base;
        this.window = window;
        this.metrics = metrics;
        this.clock = clock;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public String tag() {
        return glob;
    }

    @Override
    public void start(LogSink sink) {
        thread = new Thread(() -> {
            try {
                run(sink);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                tails.values().forEach(FileTail::close);
                ended.countDown();
            }
        }, "edm-logs-files");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LogSink sink) throws InterruptedException {
        List<LogLine> backlog = new ArrayList<>();
        List<Path> files = matches();
        if (files.isEmpty()) {
            sink.line(notice(Messages.t("logs.notice.noFiles", glob, base)));
        }
        for (Path p : files) {
            try {
                readFirstWindow(p, backlog);
            } catch (IOException e) {
                sink.line(notice(Messages.t("logs.notice.cannotRead", p, e.getMessage())));
            }
        }
        backlog.sort(Comparator.comparing(LogLine::time));
        if (window.tail() > 0 && backlog.size() > window.tail()) {
            backlog = new ArrayList<>(backlog.subList(backlog.size() - window.tail(), backlog.size()));
        }
        sink.backlog(glob, backlog);
        if (!window.follow()) {
            return;
        }
        liveSink = sink;
        routes.forEach(r -> r.target = sink::line);
        long nextScan = System.nanoTime() + RESCAN.toNanos();
        while (!closed) {
            for (FileTail t : tails.values()) {
                try {
                    t.poll();
                } catch (IOException e) {
                    // A file that vanished mid-read: the next poll sees the new one.
                }
            }
            if (System.nanoTime() >= nextScan) {
                nextScan = System.nanoTime() + RESCAN.toNanos();
                for (Path p : matches()) {
                    tails.computeIfAbsent(p, this::newTail); // new file: from its first line
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void readFirstWindow(Path p, List<LogLine> backlog) throws IOException {
        Instant since = window.since();
        LineClassifier cls = classifier(p);
        // Until the backlog is handed over, lines go to it (if recent enough); then to the sink.
        Route route = new Route();
        route.target = l -> {
            if (since == null || !l.time().isBefore(since)) {
                backlog.add(l);
            }
        };
        if (since != null) {
            for (Path old : RotatedFiles.since(p, since)) {
                RotatedFiles.read(old, new LogSanitizer(maxLineChars, text -> route.target.accept(cls.classify(text))));
            }
        }
        FileTail tail = new FileTail(p, maxLineChars, text -> route.target.accept(cls.classify(text)));
        if (!tail.open(0)) {
            return;
        }
        tail.seek(since == null ? tail.startOfLastLines(window.tail()) : 0);
        tail.drain(!window.follow());
        if (window.follow()) {
            tails.put(p, tail);
            routes.add(route);
        } else {
            tail.close();
        }
    }

    /** Where one file's lines go now. */
    private static final class Route {
        java.util.function.Consumer<LogLine> target;
    }

    private final List<Route> routes = new ArrayList<>();

    private FileTail newTail(Path p) {
        LineClassifier cls = classifier(p);
        return new FileTail(p, maxLineChars, text -> liveSink.line(cls.classify(text)));
    }

    private LineClassifier classifier(Path p) {
        String label = label(p);
        return new LineClassifier(label, LogLine.Origin.FILE, false, metrics == null ? null : metrics.counters(label),
                clock, ZoneId.systemDefault());
    }

    private LogSink liveSink;

    /** The file relative to the project's logs dir: {@code nginx/access.log}. */
    String label(Path p) {
        Path rel = p.startsWith(base) ? base.relativize(p) : p.getFileName();
        String s = rel.toString().replace('\\', '/');
        return s.startsWith("logs/") ? s.substring(5) : s;
    }

    /** Files the glob matches now, in name order. */
    List<Path> matches() {
        Path pattern = base.resolve(glob).normalize();
        Path root = pattern.getRoot();
        int fixed = 0;
        for (Path part : pattern) {
            if (part.toString().matches(".*[*?\\[{].*")) {
                break;
            }
            fixed++;
        }
        Path dir = fixed == 0 ? root : root.resolve(pattern.subpath(0, Math.min(fixed, pattern.getNameCount() - 1)));
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        if (fixed == pattern.getNameCount()) {
            return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toString().replace("\\", "\\\\"));
        int depth = pattern.getNameCount() - dir.getNameCount();
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(p -> Files.isRegularFile(p) && m.matches(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private LogLine notice(String text) {
        return new LogLine(glob, LogLine.Origin.NOTICE, clock.now(), text, LogLevel.NONE);
    }

    @Override
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
