package edm.console.logs;

import edm.console.core.Threads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Several sources merged into one bounded view. Sources hand lines to a bounded queue and never wait
 * for it: when a chatty source outruns the view, lines are counted as skipped instead (the counters
 * for alerts have already seen them). One pump thread moves queued lines into the {@link LogBuffer}
 * in batches and tells the listener, which the UI uses to schedule a redraw.
 */
public final class LogSession implements AutoCloseable {
    /**
     * Half a second of a flood between two drains. Kept small: queued lines are heap (about 20 MB at
     * 65,536), and a source that falls behind now catches up by itself (see {@link CatchUp}).
     */
    public static final int QUEUE_CAPACITY = 16_384;

    private final List<LogSource> sources;
    private final LogBuffer buffer;
    private final BlockingQueue<Object> queue;
    private final AtomicLong skipped = new AtomicLong();
    private final Map<String, AtomicLong> skippedBySource = new ConcurrentHashMap<>();
    private final Runnable onChange;
    private final LogMetrics metrics;
    private final Thread pump;
    private volatile boolean closed;
    /** The time of the newest source line in the buffer (not the console's own lines). */
    private volatile Instant newestAppended;

    public LogSession(List<LogSource> sources, LogBuffer buffer, int queueCapacity, LogMetrics metrics, Runnable onChange) {
        this.sources = List.copyOf(sources);
        this.metrics = metrics;
        this.buffer = buffer;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.onChange = onChange;
        this.pump = Threads.daemon("edm-logs-pump").newThread(this::pump);
    }

    /** A batch of backlog lines, kept whole in the queue. */
    private record Backlog(List<LogLine> lines) {
    }

    public LogSession start() {
        pump.start();
        LogSink sink = new LogSink() {
            @Override
            public void backlog(String source, List<LogLine> lines) {
                try {
                    // The first window is not optional: wait for room rather than drop it.
                    while (!closed && !queue.offer(new Backlog(List.copyOf(lines)), 100, TimeUnit.MILLISECONDS)) {
                        // retry until there is room or the session closes
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void line(LogLine line) {
                if (!queue.offer(line)) {
                    skipped.incrementAndGet();
                    skippedBySource.computeIfAbsent(line.source(), s -> new AtomicLong()).incrementAndGet();
                }
            }
        };
        for (LogSource s : sources) {
            s.start(sink);
        }
        return this;
    }

    public LogBuffer buffer() {
        return buffer;
    }

    /** Lines dropped because the view could not keep up. */
    public long skipped() {
        return skipped.get();
    }

    /**
     * Over all sources: connected or not, how far behind the newest line is, and everything skipped (by
     * the sources to catch up, and here when the view could not keep up).
     */
    public FollowStatus status(Instant now) {
        FollowStatus all = FollowStatus.combine(sources.stream().map(s -> s.status(now)).toList(), skipped.get());
        Instant newest = newestAppended;
        if (queue.isEmpty() || newest == null) {
            return all;
        }
        // Lines wait for the pump: the newest line on screen is older than the sources' newest.
        Duration waiting = Duration.between(newest, now);
        return waiting.compareTo(all.lag()) > 0 ? new FollowStatus(all.link(), waiting, all.skippedLines(), all.skippedSpan()) : all;
    }

    /** Rolling counts of every line this session's sources read (skipped ones too). */
    public LogMetrics metrics() {
        return metrics;
    }

    public List<String> tags() {
        return sources.stream().map(LogSource::tag).toList();
    }

    private void pump() {
        List<Object> batch = new ArrayList<>(4096);
        List<LogLine> lines = new ArrayList<>(4096);
        try {
            while (!closed) {
                // Blocked until a line comes: a quiet log costs no wake-ups (close interrupts the wait).
                batch.add(queue.take());
                queue.drainTo(batch, 16_384);
                for (Object o : batch) {
                    if (o instanceof LogLine l) {
                        lines.add(l);
                    } else if (o instanceof Backlog b) {
                        flush(lines);
                        buffer.mergeByTime(b.lines());
                    }
                }
                flush(lines);
                batch.clear();
                onChange.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush(List<LogLine> lines) {
        if (!lines.isEmpty()) {
            buffer.appendAll(lines);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).own()) {
                    newestAppended = lines.get(i).time();
                    break;
                }
            }
            lines.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        sources.forEach(LogSource::close);
        pump.interrupt();
    }
}
