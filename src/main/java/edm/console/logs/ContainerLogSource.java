package edm.console.logs;

import edm.console.core.Clock;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Follows the logs of whatever container carries a name, across restarts and re-creation (a deploy
 * replaces the container under the same name): when a stream ends, it watches the name and attaches
 * to the next incarnation, putting a marker line where the switch happened. Re-attaching asks for
 * lines since the last one seen and drops what it already had, so nothing is shown twice.
 *
 * <p>A container that writes faster than the engine or the view can take would leave the view ever
 * further behind; {@link CatchUp} keeps it within about two seconds of now by dropping lines unread
 * (counted) or reconnecting at the end of the log (the span skipped is counted), and {@link #status}
 * says how far behind it is, so the view never claims to follow when it does not.
 */
public final class ContainerLogSource implements LogSource {
    private static final Duration POLL = Duration.ofMillis(300);
    /**
     * Lines asked for again when re-attaching, then filtered by time: bounded work for the engine ("since"
     * alone makes the json-file driver decode the whole log, minutes for a flooded one).
     */
    static final int OVERLAP = 2000;
    private static final int ALL = -1;
    private static final int FROM_END = 0;

    private final ContainerLogApi api;
    private final String name;
    private final LogWindow window;
    private final RollingCounters counters;
    private final Clock clock;
    private final int maxLineChars;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closed;
    private final OpenStream stream = new OpenStream();
    private Thread thread;
    private volatile Instant lastSeen;
    private final CatchUp catchUp = new CatchUp();
    private volatile FollowStatus.Link link = FollowStatus.Link.CONNECTING;

    public ContainerLogSource(ContainerLogApi api, String name, LogWindow window, LogMetrics metrics, Clock clock,
                              int maxLineChars) {
        this.api = api;
        this.name = name;
        this.window = window;
        this.counters = metrics == null ? null : metrics.counters(name);
        this.clock = clock;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public String tag() {
        return name;
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
        }, "edm-logs-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LogSink sink) throws InterruptedException {
        ContainerLogApi.ContainerRef current = awaitContainer(sink, null, true);
        if (current == null) {
            return;
        }
        Instant readStart = clock.now();
        List<LogLine> backlog = new ArrayList<>();
        readStream(current, window.since(), window.tail() > 0 ? window.tail() : ALL, false, backlog::add);
        backlog.sort(Comparator.comparing(LogLine::time));
        sink.backlog(name, backlog);
        if (!window.follow()) {
            return;
        }
        if (lastSeen == null) {
            // Nothing in the window: follow from now, not from the start of the container's history.
            lastSeen = readStart.minusSeconds(1);
        }
        while (!closed) {
            if (current.running()) {
                follow(current, sink);
            }
            if (closed) {
                return;
            }
            link = FollowStatus.Link.RECONNECTING;
            ContainerLogApi.ContainerRef next = awaitContainer(sink, current, false);
            if (next == null) {
                return;
            }
            if (!next.id().equals(current.id())) {
                sink.line(own(LogLine.Origin.MARKER, Messages.t("logs.marker.recreated", name, current.shortId(), next.shortId())));
            } else if (!next.startedAt().equals(current.startedAt())) {
                sink.line(own(LogLine.Origin.MARKER, Messages.t("logs.marker.restarted", name)));
            } else {
                Thread.sleep(POLL.toMillis()); // same incarnation, stream merely ended: do not spin
            }
            current = next;
        }
    }

    /**
     * Follows one incarnation until its stream ends: from the last line seen (a bounded tail filtered by
     * time, so the engine does not read the whole log again), and whenever it falls too far behind, again
     * from the end of the log.
     */
    private void follow(ContainerLogApi.ContainerRef c, LogSink sink) throws InterruptedException {
        Instant since = lastSeen;
        int tail = OVERLAP;
        while (!closed && readStream(c, since, tail, true, sink::line)) {
            link = FollowStatus.Link.RECONNECTING;
            since = null;
            tail = FROM_END;
            long seen = catchUp.newestSeenNanos();
            if (seen != LogTimestamps.NO_TIME && (lastSeen == null || nanos(lastSeen) < seen)) {
                lastSeen = Instant.ofEpochSecond(0, seen);
            }
        }
    }

    /**
     * Waits until a container carries the name and is worth reading: any container the first time
     * (a stopped one still has logs), afterwards a running one, either a new incarnation or the same
     * one whose stream merely dropped. Null when closed, or when not following and there is none.
     */
    private ContainerLogApi.ContainerRef awaitContainer(LogSink sink, ContainerLogApi.ContainerRef previous, boolean first)
            throws InterruptedException {
        boolean told = false;
        boolean toldStopped = false;
        while (!closed) {
            Optional<ContainerLogApi.ContainerRef> found;
            String problem = null;
            try {
                found = api.find(name);
            } catch (RuntimeException e) {
                found = Optional.empty();
                problem = e.getMessage();
            }
            if (found.isPresent() && (first || found.get().running())) {
                return found.get();
            }
            link = FollowStatus.Link.WAITING;
            if (!first && found.isPresent() && !toldStopped && previous != null) {
                sink.line(own(LogLine.Origin.MARKER, Messages.t("logs.marker.stopped", name)));
                toldStopped = true;
            }
            if (first && !window.follow()) {
                sink.line(own(LogLine.Origin.NOTICE, problem != null ? Messages.t("logs.notice.engine", problem)
                        : Messages.t("logs.notice.noContainer", name)));
                sink.backlog(name, List.of());
                return null;
            }
            if (!told && found.isEmpty()) {
                sink.line(own(LogLine.Origin.NOTICE, problem != null ? Messages.t("logs.notice.engine", problem)
                        : Messages.t("logs.notice.waiting", name)));
                told = true;
                if (first) {
                    sink.backlog(name, List.of());
                    first = false;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return null;
    }

    /**
     * Reads one stream to its end, delivering lines newer than the last one seen. While following, every
     * line goes through the catch-up rule before it is decoded; true when the rule asks to reconnect at
     * the end of the log.
     */
    private boolean readStream(ContainerLogApi.ContainerRef c, Instant since, int tail, boolean follow,
                               Consumer<LogLine> deliver) throws InterruptedException {
        LineClassifier outCls = new LineClassifier(name, LogLine.Origin.STDOUT, true, counters, clock, ZoneId.systemDefault());
        LineClassifier errCls = new LineClassifier(name, LogLine.Origin.STDERR, true, counters, clock, ZoneId.systemDefault());
        Instant after = lastSeen;
        long afterNanos = after == null ? LogTimestamps.NO_TIME : nanos(after);
        Consumer<LogLine> fresh = l -> {
            if (after != null && !l.time().isAfter(after)) {
                return; // already shown before the re-attach
            }
            if (lastSeen == null || l.time().isAfter(lastSeen)) {
                lastSeen = l.time();
            }
            deliver.accept(l);
        };
        Decoder out = new Decoder(new LogSanitizer(maxLineChars, t -> fresh.accept(outCls.classify(t))));
        Decoder err = new Decoder(new LogSanitizer(maxLineChars, t -> fresh.accept(errCls.classify(t))));
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean behind = new AtomicBoolean();
        Object lock = new Object();
        try {
            stream.use(api.stream(c.id(), since, tail, follow, new ContainerLogApi.ChunkHandler() {
                @Override
                public void chunk(boolean stderr, byte[] data, int offset, int length) {
                    synchronized (lock) {
                        if (behind.get()) {
                            return; // abandoned: the source is reconnecting at the end of the log
                        }
                        Decoder d = stderr ? err : out;
                        if (!follow) {
                            d.sanitizer.feed(data, offset, length);
                        } else if (!d.admit(data, offset, offset + length, afterNanos, nanos(clock.now()))) {
                            behind.set(true);
                            done.countDown();
                        }
                    }
                }

                @Override
                public void end(Throwable error) {
                    done.countDown();
                }
            }));
        } catch (RuntimeException e) {
            deliver.accept(own(LogLine.Origin.NOTICE, Messages.t("logs.notice.engine", e.getMessage())));
            Thread.sleep(POLL.toMillis());
            return false;
        }
        if (follow) {
            link = FollowStatus.Link.CONNECTED;
        }
        while (!closed && !done.await(200, TimeUnit.MILLISECONDS)) {
            // waiting for the stream to end, to fall behind, or for close()
        }
        stream.close();
        synchronized (lock) {
            out.sanitizer.flush();
            err.sanitizer.flush();
        }
        return behind.get() && !closed;
    }

    /**
     * One stream (stdout or stderr) while following: each line is weighed by the catch-up rule on its
     * raw bytes before it is decoded, and a dropped line is dropped whole, also the parts of it that
     * arrive in later chunks (the engine's frames may be split anywhere).
     */
    private final class Decoder {
        final LogSanitizer sanitizer;
        private boolean skippingLine;

        Decoder(LogSanitizer sanitizer) {
            this.sanitizer = sanitizer;
        }

        /** Feeds what is kept of {@code data[from, to)}; false when the rule asks to reconnect. */
        boolean admit(byte[] data, int from, int to, long afterNanos, long now) {
            int p = from;
            while (p < to) {
                int nl = indexOfNewline(data, p, to);
                int stop = nl < 0 ? to : nl + 1;
                if (skippingLine) {
                    skippingLine = nl < 0; // the rest of a dropped line
                } else if (!sanitizer.atLineStart()) {
                    sanitizer.feed(data, p, stop - p); // the rest of a kept line
                } else {
                    long t = LogTimestamps.dockerPrefixNanos(data, p, stop - p);
                    CatchUp.Decision d;
                    if (t == LogTimestamps.NO_TIME) {
                        catchUp.untimed(now);
                        d = CatchUp.Decision.KEEP;
                    } else if (t <= afterNanos) {
                        d = CatchUp.Decision.DROP; // shown before the re-attach: neither new nor skipped
                    } else {
                        d = catchUp.line(t, now);
                    }
                    if (d == CatchUp.Decision.RECONNECT) {
                        return false;
                    }
                    if (d == CatchUp.Decision.KEEP) {
                        sanitizer.feed(data, p, stop - p);
                    } else {
                        skippingLine = nl < 0;
                    }
                }
                p = stop;
            }
            return true;
        }
    }

    private static int indexOfNewline(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public FollowStatus status(Instant now) {
        return new FollowStatus(link, Duration.ofNanos(catchUp.lagNanos(nanos(now))), catchUp.skippedLines(),
                Duration.ofNanos(catchUp.skippedNanos()));
    }

    private LogLine own(LogLine.Origin origin, String text) {
        return new LogLine(name, origin, lastSeen != null ? lastSeen : clock.now(), text, LogLevel.NONE);
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
