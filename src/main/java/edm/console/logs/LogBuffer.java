package edm.console.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lines a view keeps: a ring of at most {@code maxLines} lines and about {@code maxBytes} of heap;
 * the oldest go first. Thread-safe: the ingest thread appends, the UI thread takes snapshots (a copy of
 * references, cheap at 10,000 lines). Memory stays flat however long a chatty source runs.
 */
public final class LogBuffer {
    private final int maxLines;
    private final long maxBytes;
    private final LogLine[] ring;
    private int head;
    private int size;
    private long bytes;
    private long received;
    private long evicted;

    public LogBuffer(int maxLines, long maxBytes) {
        if (maxLines < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("log buffer limits must be positive: " + maxLines + " lines, " + maxBytes + " bytes");
        }
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        this.ring = new LogLine[maxLines];
    }

    public synchronized void append(LogLine line) {
        received++;
        add(line);
    }

    public synchronized void appendAll(List<LogLine> lines) {
        for (LogLine l : lines) {
            received++;
            add(l);
        }
    }

    /**
     * Merges lines that are in time order (a source's backlog) into the buffer by time, so that
     * backlogs of several sources read at different moments still show as one time-ordered view.
     */
    public synchronized void mergeByTime(List<LogLine> sorted) {
        List<LogLine> merged = new ArrayList<>(size + sorted.size());
        List<LogLine> mine = snapshotUnlocked();
        int a = 0;
        int b = 0;
        Comparator<LogLine> byTime = Comparator.comparing(LogLine::time);
        while (a < mine.size() || b < sorted.size()) {
            if (b >= sorted.size() || (a < mine.size() && byTime.compare(mine.get(a), sorted.get(b)) <= 0)) {
                merged.add(mine.get(a++));
            } else {
                merged.add(sorted.get(b++));
            }
        }
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
        bytes = 0;
        received += sorted.size();
        long evictedBefore = evicted;
        for (LogLine l : merged) {
            add(l);
        }
        // Re-adding our own lines is not eviction; only what no longer fits counts.
        evicted = evictedBefore + Math.max(0, merged.size() - size);
    }

    public synchronized List<LogLine> snapshot() {
        return snapshotUnlocked();
    }

    /** Lines ever added (survives eviction): the view's "new lines while paused" counter is a difference of two. */
    public synchronized long received() {
        return received;
    }

    public synchronized long evicted() {
        return evicted;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public int maxLines() {
        return maxLines;
    }

    public long maxBytes() {
        return maxBytes;
    }

    private List<LogLine> snapshotUnlocked() {
        List<LogLine> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(head + i) % ring.length]);
        }
        return out;
    }

    private void add(LogLine line) {
        if (size == ring.length) {
            dropOldest();
        }
        ring[(head + size) % ring.length] = line;
        size++;
        bytes += line.weight();
        while (bytes > maxBytes && size > 1) {
            dropOldest();
        }
    }

    private void dropOldest() {
        LogLine old = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        bytes -= old.weight();
        evicted++;
    }
}
