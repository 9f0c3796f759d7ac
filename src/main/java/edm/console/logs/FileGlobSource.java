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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log files matching one configured glob (e.g. {@code logs/nginx/*.log} under the project dir),
 * followed with {@code tail -F} semantics ({@link FileTail}); files that start matching later are
 * picked up from their first line. Looking back ({@code since}) also reads rotated and gzipped
 * predecessors. Each line is tagged with its file, e.g. {@code nginx/access.log}.
 *
 * <p>The first window is read on a short-lived thread of its own; following is then done by the one
 * thread of {@link FileFollowers}, which wakes when the kernel reports a change. The glob is matched
 * again when a watched directory's entries change, and every few seconds anyway (a directory that does
 * not exist yet cannot be watched).
 */
public final class FileGlobSource implements LogSource, FileFollowers.Followed {
    private static final Duration RESCAN = Duration.ofSeconds(5);

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
    private long nextScan;
    /** The glob as a pattern, the directory its fixed part names, and its matcher; built on first use. */
    private GlobShape shape;

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
            boolean following = false;
            try {
                following = run(sink);
            } finally {
                if (!following) {
                    tails.values().forEach(FileTail::close);
                    ended.countDown();
                }
            }
        }, "edm-logs-files-open");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads the first window and, when following, hands the files to the shared follower (true). */
    private boolean run(LogSink sink) {
        List<LogLine> backlog = new ArrayList<>();
        List<Path> files = matches();
        if (files.isEmpty()) {
            sink.line(notice(Messages.t("logs.notice.noFiles", glob, base)));
        }
        for (Path p : files) {
            if (closed) {
                return false;
            }
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
        if (!window.follow() || closed) {
            return false;
        }
        liveSink = sink;
        routes.forEach(r -> r.target = sink::line);
        nextScan = System.nanoTime() + RESCAN.toNanos();
        FileFollowers.shared().follow(this);
        return true;
    }

    /** On the follower's thread: reads what the files gained, and matches the glob again when due. */
    @Override
    public void poll(boolean changed) {
        for (FileTail t : tails.values()) {
            try {
                t.poll();
            } catch (IOException e) {
                // A file that vanished mid-read: the next poll sees the new one.
            }
        }
        if (changed || System.nanoTime() >= nextScan) {
            nextScan = System.nanoTime() + RESCAN.toNanos();
            for (Path p : matches()) {
                tails.computeIfAbsent(p, this::newTail); // new file: from its first line
            }
        }
    }

    @Override
    public Set<Path> watchedDirs() {
        Set<Path> dirs = new HashSet<>();
        for (Path p : tails.keySet()) {
            Path parent = p.getParent();
            if (parent != null) {
                dirs.add(parent);
            }
        }
        Path fixed = shape().dir;
        if (fixed != null && Files.isDirectory(fixed)) {
            dirs.add(fixed);
        }
        return dirs;
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public void stopped() {
        tails.values().forEach(FileTail::close);
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
        GlobShape g = shape();
        if (g.dir == null || !Files.isDirectory(g.dir)) {
            return List.of();
        }
        if (g.matcher == null) {
            return Files.isRegularFile(g.pattern) ? List.of(g.pattern) : List.of();
        }
        try (Stream<Path> s = Files.walk(g.dir, g.depth)) {
            return s.filter(p -> Files.isRegularFile(p) && g.matcher.matches(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private GlobShape shape() {
        if (shape == null) {
            shape = GlobShape.of(base.resolve(glob).normalize());
        }
        return shape;
    }

    /** A glob split into its fixed leading directory and the rest; matcher null for a glob without wildcards. */
    private record GlobShape(Path pattern, Path dir, int depth, PathMatcher matcher) {
        private static final Pattern WILDCARD = Pattern.compile(".*[*?\\[{].*");

        static GlobShape of(Path pattern) {
            Path root = pattern.getRoot();
            int fixed = 0;
            for (Path part : pattern) {
                if (WILDCARD.matcher(part.toString()).matches()) {
                    break;
                }
                fixed++;
            }
            Path dir = fixed == 0 ? root : root.resolve(pattern.subpath(0, Math.min(fixed, pattern.getNameCount() - 1)));
            if (fixed == pattern.getNameCount()) {
                return new GlobShape(pattern, dir, 0, null);
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toString().replace("\\", "\\\\"));
            int depth = dir == null ? 0 : pattern.getNameCount() - dir.getNameCount();
            return new GlobShape(pattern, dir, depth, m);
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
        // The follower notices within a second and closes the files; no line reaches the sink after this.
        closed = true;
        ended.countDown();
    }
}
