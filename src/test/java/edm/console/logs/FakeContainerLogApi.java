package edm.console.logs;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine for container log sources without an engine: containers by name with a log history; the
 * history goes out on every stream (as the engine would, filtered by since), and {@link #emit} writes
 * a new line to every open follow stream of the container.
 */
public final class FakeContainerLogApi implements ContainerLogApi {
    private final Map<String, List<String>> history = new ConcurrentHashMap<>();
    private final Map<String, List<ChunkHandler>> followers = new ConcurrentHashMap<>();
    private final List<Integer> followTails = new CopyOnWriteArrayList<>();
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
    // Just before the screen tests' fixed "now": lines are fresh, as a live container's are.
    private Instant clock = Instant.parse("2026-11-29T09:59:59.500Z");

    public FakeContainerLogApi() {
    }

    /** Lines of {@link #container} and {@link #emit} are stamped from {@code start} on, a millisecond apart. */
    public FakeContainerLogApi(Instant start) {
        this.clock = start;
    }

    /** Adds a container whose log already holds these lines (stdout). */
    public synchronized FakeContainerLogApi container(String name, String... lines) {
        List<String> h = history.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        for (String l : lines) {
            h.add(stamp() + " " + l + "\n");
        }
        return this;
    }

    /** Writes a line now (raw text, may hold escapes) to the container's log and its followers. */
    public synchronized void emit(String name, String line, boolean stderr) {
        String framed = stamp() + " " + line + "\n";
        history.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(framed);
        byte[] b = framed.getBytes(StandardCharsets.UTF_8);
        for (ChunkHandler h : followers.getOrDefault(name, List.of())) {
            h.chunk(stderr, b, 0, b.length);
        }
    }

    /** Writes a line stamped {@code at} (as an engine that stamped it then and delivers it only now). */
    public synchronized void emitAt(String name, Instant at, String line) {
        String framed = STAMP.format(at) + " " + line + "\n";
        history.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(framed);
        byte[] b = framed.getBytes(StandardCharsets.UTF_8);
        for (ChunkHandler h : followers.getOrDefault(name, List.of())) {
            h.chunk(false, b, 0, b.length);
        }
    }

    /** As {@link #emitAt}, the frame split in two chunks after {@code cut} bytes (as the engine's frames may be). */
    public synchronized void emitSplitAt(String name, Instant at, String line, int cut) {
        String framed = STAMP.format(at) + " " + line + "\n";
        history.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(framed);
        byte[] b = framed.getBytes(StandardCharsets.UTF_8);
        for (ChunkHandler h : followers.getOrDefault(name, List.of())) {
            h.chunk(false, b, 0, cut);
            h.chunk(false, b, cut, b.length - cut);
        }
    }

    /** The tail of every follow stream opened so far, in order (0: from the end of the log). */
    public List<Integer> followTails() {
        return List.copyOf(followTails);
    }

    /** How many follow streams are open now. */
    public int openFollowers(String name) {
        return followers.getOrDefault(name, List.of()).size();
    }

    private String stamp() {
        clock = clock.plusMillis(1);
        return STAMP.format(clock);
    }

    @Override
    public Optional<ContainerRef> find(String name) {
        return history.containsKey(name) ? Optional.of(new ContainerRef("id-" + name, true, "t0")) : Optional.empty();
    }

    @Override
    public synchronized Closeable stream(String id, Instant since, int tail, boolean follow, ChunkHandler handler) {
        String name = id.substring(3);
        List<String> lines = history.getOrDefault(name, List.of());
        int from = tail >= 0 ? Math.max(0, lines.size() - tail) : 0; // negative: all; 0: none
        for (String l : lines.subList(from, lines.size())) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            handler.chunk(false, b, 0, b.length);
        }
        if (!follow) {
            handler.end(null);
            return () -> { };
        }
        followTails.add(tail);
        followers.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(handler);
        return () -> {
            followers.getOrDefault(name, List.of()).remove(handler);
            handler.end(null);
        };
    }
}
