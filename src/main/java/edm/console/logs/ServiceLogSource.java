package edm.console.logs;

import edm.console.core.Clock;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Follows a swarm service's logs across all its tasks through one engine stream ({@code GET
 * /services/{id}/logs}), each line tagged with its task ({@code web.1}, {@code web.2}): the engine's own
 * merge, so a task that replaces another (a restart, an update, a scale up) is in it without the console
 * watching for it. When the stream ends (the engine restarted, the service was removed and created again) it
 * reconnects from the last line seen, dropping what it already had. "Following" ({@link FollowStatus#following})
 * only from the moment the engine answered the stream's request until it ends.
 */
public final class ServiceLogSource implements LogSource {
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final ServiceLogApi api;
    private final String service;
    private final LogWindow window;
    private final LogMetrics metrics;
    private final Clock clock;
    private final int maxLineChars;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Map<String, LineClassifier> classifiers = new HashMap<>();
    private volatile boolean closed;
    private final OpenStream stream = new OpenStream();
    private volatile FollowStatus.Link link = FollowStatus.Link.CONNECTING;
    private volatile Instant newest;
    private volatile String lastNotice;
    private Map<String, String> names = Map.of();
    /** Task ids the names were read again for: once each (a task that started since), not once a line. */
    private final Set<String> askedAbout = new HashSet<>();
    private Thread thread;

    public ServiceLogSource(ServiceLogApi api, String service, LogWindow window, LogMetrics metrics, Clock clock, int maxLineChars) {
        this.api = api;
        this.service = service;
        this.window = window;
        this.metrics = metrics;
        this.clock = clock;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public String tag() {
        return service;
    }

    @Override
    public void start(LogSink sink) {
        thread = new Thread(() -> {
            try {
                run(sink);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended.countDown();
            }
        }, "edm-logs-service-" + service);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LogSink sink) throws InterruptedException {
        readNames(sink);
        Instant readStart = clock.now();
        List<LogLine> backlog = new ArrayList<>();
        readStream(window.since(), window.tail() > 0 ? window.tail() : -1, false, backlog::add);
        backlog.sort(Comparator.comparing(LogLine::time));
        sink.backlog(service, backlog);
        if (!window.follow()) {
            return;
        }
        if (newest == null) {
            newest = readStart.minusSeconds(1); // nothing in the window: from now on, not the whole history
        }
        while (!closed) {
            // Since the last line's second (the engine's granularity), dropping what was already shown.
            boolean wasOpen = readStream(newest, -1, true, sink::line);
            if (closed) {
                return;
            }
            link = FollowStatus.Link.RECONNECTING;
            if (wasOpen) {
                sink.line(own(LogLine.Origin.MARKER, Messages.t("logs.marker.serviceStreamEnded", service)));
                lastNotice = null;
            }
            Thread.sleep(RETRY.toMillis());
            readNames(null);
        }
    }

    private void readNames(LogSink sink) {
        try {
            names = Map.copyOf(api.taskNames(service));
        } catch (RuntimeException e) {
            if (sink != null) {
                notice(sink::line, Messages.t("logs.notice.engine", e.getMessage()));
            }
        }
    }

    /** A notice unless it is the one given last (a service that is gone would say so every second). */
    private void notice(Consumer<LogLine> deliver, String text) {
        if (!text.equals(lastNotice)) {
            lastNotice = text;
            deliver.accept(own(LogLine.Origin.NOTICE, text));
        }
    }

    /** One stream to its end; true when the engine had answered it (it was open), else the reason went to {@code deliver}. */
    private boolean readStream(Instant since, int tail, boolean follow, Consumer<LogLine> deliver) throws InterruptedException {
        Instant after = follow ? newest : null;
        Object lock = new Object();
        Consumer<LogLine> fresh = l -> {
            if (after != null && !l.time().isAfter(after)) {
                return; // shown before the reconnect
            }
            if (newest == null || l.time().isAfter(newest)) {
                newest = l.time();
            }
            deliver.accept(l);
        };
        LogSanitizer out = new LogSanitizer(maxLineChars, t -> fresh.accept(classify(t, LogLine.Origin.STDOUT)));
        LogSanitizer err = new LogSanitizer(maxLineChars, t -> fresh.accept(classify(t, LogLine.Origin.STDERR)));
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean opened = new AtomicBoolean();
        try {
            stream.use(api.stream(service, since, tail, follow, () -> {
                opened.set(true);
                if (follow && !closed) {
                    link = FollowStatus.Link.CONNECTED;
                }
            }, new ContainerLogApi.ChunkHandler() {
                @Override
                public void chunk(boolean stderr, byte[] data, int offset, int length) {
                    synchronized (lock) {
                        (stderr ? err : out).feed(data, offset, length);
                    }
                }

                @Override
                public void end(Throwable error) {
                    if (error != null && !closed) {
                        notice(deliver, Messages.t("logs.notice.engine", error.getMessage()));
                    }
                    done.countDown();
                }
            }));
        } catch (RuntimeException e) {
            notice(deliver, Messages.t("logs.notice.engine", e.getMessage()));
            return false;
        }
        while (!closed && !done.await(200, TimeUnit.MILLISECONDS)) {
            // until the stream ends or close()
        }
        if (follow && !closed) {
            link = FollowStatus.Link.RECONNECTING;
        }
        stream.close();
        synchronized (lock) {
            out.flush();
            err.flush();
        }
        return opened.get();
    }

    /** A sanitised line: its task's tag in front, its details dropped, its time and level read. */
    private LogLine classify(String raw, LogLine.Origin origin) {
        ServiceLogLines.Split split = ServiceLogLines.split(raw);
        String tag = taskTag(split.taskId());
        return classifiers.computeIfAbsent(tag + (origin == LogLine.Origin.STDERR ? "!" : ""), k -> new LineClassifier(tag, origin,
                true, metrics == null ? null : metrics.counters(tag), clock, ZoneId.systemDefault())).classify(split.line());
    }

    private String taskTag(String taskId) {
        if (taskId.isEmpty()) {
            return service;
        }
        String name = names.get(taskId);
        if (name == null && askedAbout.size() < 10_000 && askedAbout.add(taskId)) {
            readNames(null); // a task started since: its name, once
            name = names.get(taskId);
        }
        return name != null ? name : service + "." + (taskId.length() > 12 ? taskId.substring(0, 12) : taskId);
    }

    @Override
    public FollowStatus status(Instant now) {
        // Connected only while the engine's stream is open; the engine merges the tasks' logs itself.
        return new FollowStatus(link, Duration.ZERO, 0, Duration.ZERO);
    }

    private LogLine own(LogLine.Origin origin, String text) {
        return new LogLine(service, origin, newest != null ? newest : clock.now(), text, LogLevel.NONE);
    }

    @Override
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @Override
    public void close() {
        closed = true;
        stream.close();
        if (thread != null) {
            thread.interrupt();
        }
    }
}
