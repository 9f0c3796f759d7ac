package edm.console.docker;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.EngineEvent;
import edm.console.core.EngineInfo;
import edm.console.core.ImageMetadata;
import edm.console.core.ImageRef;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's read API over {@link EngineHttp} and {@link EngineJson}: no docker-java, httpclient5, guava or
 * Jackson databind in the running console (some 1,500 classes, their memory and the CPU of mapping every
 * answer into beans). Same answers as docker-java's reads ({@link JsonContainers} maps them like {@link
 * ContainerMapper}), same one-line errors, and a deadline on every request: {@code timeout} for an answer,
 * {@code timeout} for a stream's headers, after which it may be silent for ever until closed.
 */
final class LeanEngine implements EngineReads {
    /** An inspect answer is a few KiB; an image's a few more. */
    static final int MAX_INSPECT_BYTES = 4 << 20;
    /** One event is a few hundred bytes; one this large is not an engine's. */
    static final int MAX_EVENT_BYTES = 1 << 20;
    /** The engine waits for its own second sample (about a second) before answering a one-shot stats. */
    private static final Duration STATS_EXTRA = Duration.ofSeconds(2);
    private static final int CHUNK = 32 << 10;

    private final EngineHttp http;
    private final Duration timeout;
    /** Streams being read, so that closing the gateway ends them. */
    private final Set<EngineHttp.Stream> open = ConcurrentHashMap.newKeySet();

    LeanEngine(EngineHttp http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** The lean client for this endpoint, or empty when only docker-java can serve it (TLS and the like). */
    static Optional<LeanEngine> forEndpoint(String endpoint, Duration timeout) {
        return EngineHttp.forEndpoint(endpoint, System.getenv()).map(h -> new LeanEngine(h, timeout));
    }

    private Object getJson(String what, String path, int maxBytes, Duration deadline) {
        try {
            return EngineJson.parse(http.get(path, deadline, maxBytes));
        } catch (IOException | RuntimeException e) {
            throw EngineException.of(what, e);
        }
    }

    private Map<?, ?> getObject(String what, String path) {
        Object o = getJson(what, path, MAX_INSPECT_BYTES, timeout);
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new EngineException(what + ": unexpected answer", null);
    }

    @Override
    public void ping() {
        try {
            http.get("/_ping", timeout, 1024);
        } catch (IOException | RuntimeException e) {
            throw EngineException.of("ping", e);
        }
    }

    @Override
    public ContainerGateway.EngineVersion version() {
        Map<?, ?> v = getObject("version", "/version");
        return new ContainerGateway.EngineVersion(EngineJson.str(v, "ApiVersion"), EngineJson.str(v, "Version"));
    }

    @Override
    public EngineInfo info() {
        Map<?, ?> i = getObject("info", "/info");
        Long mem = EngineJson.num(i, "MemTotal");
        Long cpus = EngineJson.num(i, "NCPU");
        return new EngineInfo(EngineJson.str(i, "Name"), mem == null ? -1 : mem, cpus == null ? -1 : cpus.intValue(),
                EngineJson.str(i, "ServerVersion"), EngineJson.str(i, "OperatingSystem"));
    }

    @Override
    public List<ContainerInfo> listContainers() {
        Object json = getJson("list containers", "/containers/json?all=1", EngineHttp.MAX_BYTES, timeout);
        List<ContainerInfo> raw;
        try {
            raw = JsonContainers.containers(json);
        } catch (IOException e) {
            throw EngineException.of("list containers", e);
        }
        Map<String, String> imageIds = null;
        List<ContainerInfo> out = new ArrayList<>(raw.size());
        for (ContainerInfo info : raw) {
            // Created by id (or its tag has moved on): the engine lists the id; show the image's tag instead.
            if (ImageRef.isId(info.image())) {
                imageIds = imageIds != null ? imageIds : JsonContainers.imageIds(json);
                info = info.withImage(readableImage(info.image(), imageIds.get(info.id())));
            }
            out.add(info);
        }
        return out;
    }

    /** As {@link ImageNames#readable}: the image's tag for an id, the configured text when the engine cannot say. */
    String readableImage(String configured, String imageId) {
        if (!ImageRef.isId(configured)) {
            return configured;
        }
        try {
            String ref = imageId == null || imageId.isBlank() ? configured : imageId;
            Map<?, ?> image = EngineJson.object(EngineJson.parse(http.get("/images/" + segment(ref) + "/json", timeout,
                    MAX_INSPECT_BYTES)));
            String[] tags = EngineJson.stringArray(image, "RepoTags");
            return ImageRef.readable(configured, tags == null ? null : List.of(tags));
        } catch (IOException | RuntimeException e) {
            return configured;
        }
    }

    @Override
    public ImageMetadata imageMetadata(String ref) {
        String what = "inspect image " + ref;
        Object inspect = getJson(what, "/images/" + segment(ref) + "/json", MAX_INSPECT_BYTES, timeout);
        Object history = getJson("history of " + ref, "/images/" + segment(ref) + "/history", MAX_INSPECT_BYTES, timeout);
        try {
            return JsonImages.metadata(ref, inspect, history);
        } catch (IOException e) {
            throw EngineException.of(what, e);
        }
    }

    private Map<?, ?> inspectRaw(String idOrName) {
        return getObject("inspect " + idOrName, "/containers/" + segment(idOrName) + "/json");
    }

    @Override
    public ContainerGateway.Inspected enrich(ContainerInfo listed) {
        return JsonContainers.inspected(listed, inspectRaw(listed.id()));
    }

    @Override
    public ContainerDetail inspect(String idOrName) {
        ContainerDetail d = JsonContainers.detail(inspectRaw(idOrName));
        ContainerInfo s = d.summary();
        return ImageRef.isId(s.image()) ? d.withSummary(s.withImage(readableImage(s.image(), d.imageId()))) : d;
    }

    @Override
    public String name(String id) {
        String n = JsonContainers.name(inspectRaw(id));
        return n == null ? id : n;
    }

    @Override
    public Optional<ContainerGateway.NamedContainer> findByName(String name) {
        try {
            return Optional.of(JsonContainers.named(inspectRaw(name)));
        } catch (EngineException e) {
            if (e.getCause() instanceof EngineHttp.StatusException s && s.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public CpuMemorySample stats(String id) {
        Object json = getJson("stats " + id, "/containers/" + segment(id) + "/stats?stream=false", MAX_INSPECT_BYTES,
                timeout.plus(STATS_EXTRA));
        if (!(json instanceof Map<?, ?> m)) {
            throw new EngineException("stats " + id + ": unexpected answer", null);
        }
        return JsonContainers.sample(m);
    }

    @Override
    public Closeable subscribeEvents(Instant since, Consumer<EngineEvent> onEvent, Consumer<Throwable> onEnd) {
        StringBuilder path = new StringBuilder("/events?filters=")
                .append(URLEncoder.encode(eventFilter(), StandardCharsets.UTF_8));
        if (since != null) {
            path.append("&since=").append(since.getEpochSecond());
        }
        EngineHttp.Stream stream = open("events", path.toString());
        reader("edm-engine-events", stream, () -> {
            Throwable why;
            try {
                readEvents(stream.begin(timeout).body(), onEvent);
                why = new IOException("event stream closed by the engine");
            } catch (IOException | RuntimeException e) {
                why = EngineException.of("events", e);
            }
            if (!stream.closedHere()) {
                onEnd.accept(why);
            }
        });
        return stream;
    }

    /** {@code {"type":["container"],"event":[...]}}: the container events the console uses ({@link EngineEvent#WATCHED_ACTIONS}). */
    static String eventFilter() {
        StringBuilder f = new StringBuilder("{\"type\":[\"container\"],\"event\":[");
        for (int i = 0; i < EngineEvent.WATCHED_ACTIONS.size(); i++) {
            f.append(i == 0 ? "\"" : ",\"").append(EngineEvent.WATCHED_ACTIONS.get(i)).append('"');
        }
        return f.append("]}").toString();
    }

    /** Concatenated JSON objects, one per event, until the stream ends. */
    private static void readEvents(InputStream body, Consumer<EngineEvent> onEvent) throws IOException {
        Budget budget = new Budget(body, MAX_EVENT_BYTES);
        try (JsonParser p = EngineJson.FACTORY.createParser(budget)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("events: unexpected JSON " + t);
                }
                EngineEvent e = JsonContainers.event(EngineJson.object(EngineJson.value(p)));
                budget.restart();
                if (e != null) {
                    onEvent.accept(e);
                }
            }
        }
    }

    @Override
    public Closeable logs(String id, Instant since, int tail, boolean follow, ContainerGateway.LogChunks sink) {
        StringBuilder path = new StringBuilder("/containers/").append(segment(id))
                .append("/logs?stdout=1&stderr=1&timestamps=1&follow=").append(follow ? 1 : 0);
        if (since != null) {
            path.append("&since=").append(Math.max(0, since.getEpochSecond()));
        }
        if (tail >= 0) {
            path.append("&tail=").append(tail); // 0: none of the history, follow from the end
        }
        EngineHttp.Stream stream = open("logs " + id, path.toString());
        reader("edm-engine-logs", stream, () -> {
            Throwable why = null;
            try {
                // A container with a terminal writes one raw stream; without, frames of stdout and stderr.
                boolean tty = JsonContainers.tty(inspectRaw(id));
                InputStream body = stream.begin(timeout).body();
                if (tty) {
                    readRaw(body, sink);
                } else {
                    readFrames(body, sink);
                }
            } catch (IOException | RuntimeException e) {
                why = stream.closedHere() ? null : EngineException.of("logs " + id, e);
            }
            sink.end(why);
        });
        return stream;
    }

    @Override
    public Object getJson(String what, String path) {
        return getJson(what, path, EngineHttp.MAX_BYTES, timeout);
    }

    @Override
    public Closeable stream(String what, String path, boolean multiplexed, Runnable onOpen, ContainerGateway.LogChunks sink) {
        EngineHttp.Stream stream = open(what, path);
        reader("edm-engine-stream", stream, () -> {
            Throwable why = null;
            try {
                InputStream body = stream.begin(timeout).body();
                onOpen.run();
                if (multiplexed) {
                    readFrames(body, sink);
                } else {
                    readRaw(body, sink);
                }
            } catch (IOException | RuntimeException e) {
                why = stream.closedHere() ? null : EngineException.of(what, e);
            }
            sink.end(why);
        });
        return stream;
    }

    private static void readRaw(InputStream body, ContainerGateway.LogChunks sink) throws IOException {
        byte[] buf = new byte[CHUNK];
        int n;
        while ((n = body.read(buf, 0, buf.length)) >= 0) {
            if (n > 0) {
                sink.chunk(false, buf, 0, n);
            }
        }
    }

    /** Docker's multiplexed frames: 8 bytes (stream, 0, 0, 0, length big-endian), then the payload, handed on in chunks. */
    static void readFrames(InputStream body, ContainerGateway.LogChunks sink) throws IOException {
        byte[] header = new byte[8];
        byte[] buf = new byte[CHUNK];
        while (readFully(body, header, 8, true)) {
            boolean stderr = header[0] == 2;
            long left = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            while (left > 0) {
                int n = body.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("log stream ended inside a frame");
                }
                left -= n;
                if (n > 0) {
                    sink.chunk(stderr, buf, 0, n);
                }
            }
        }
    }

    /** Reads exactly {@code n} bytes; false at a clean end before the first (when {@code endOk}). */
    private static boolean readFully(InputStream in, byte[] b, int n, boolean endOk) throws IOException {
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) {
                if (got == 0 && endOk) {
                    return false;
                }
                throw new IOException("log stream ended inside a frame header");
            }
            got += r;
        }
        return true;
    }

    private EngineHttp.Stream open(String what, String path) {
        try {
            EngineHttp.Stream s = http.stream(path);
            open.add(s);
            return s;
        } catch (IOException e) {
            throw EngineException.of(what, e);
        }
    }

    @Override
    public void closeStreams() {
        for (EngineHttp.Stream s : open) {
            s.close();
        }
    }

    /** A stream's reader: a daemon thread blocked in a read costs nothing while the stream is quiet. */
    private void reader(String name, EngineHttp.Stream stream, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                stream.close();
                open.remove(stream);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** A name or id as one path segment (names are [a-zA-Z0-9_.-], but nothing else may slip in either). */
    static String segment(String idOrName) {
        return URLEncoder.encode(idOrName, StandardCharsets.UTF_8);
    }

    /** Fails a stream whose one value grows past its bound (reset after each value). */
    private static final class Budget extends FilterInputStream {
        private final long limit;
        private long used;

        Budget(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        void restart() {
            used = 0;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws IOException {
            used += n;
            if (used > limit) {
                throw new IOException("an event larger than " + (limit >> 10) + " KiB");
            }
        }
    }
}
