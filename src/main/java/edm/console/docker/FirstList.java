package edm.console.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.PortMapping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The container list for the console's first frame, read straight over the local engine's unix socket.
 * <p>
 * Why not through {@link ContainerGateway}: docker-java with httpclient5 loads some 1,500 classes before
 * its first request (its connection manager sets up TLS even for a unix socket), which cost the first
 * frame about half a second of CPU. This asks the same two questions ({@code GET /version}, {@code GET
 * /containers/json?all=1}) as HTTP/1.0, so the engine answers with a plain body and closes (no chunks, no
 * keep-alive to manage), reads the JSON with jackson-core's parser and maps the rows with {@link
 * ContainerMapper#listed}, as the monitor's list does. Only for the first frame: the monitor's list (with
 * inspect, events and stats) replaces it a moment later; anything unusual here (another endpoint, an
 * error status, a slow engine) just means the first frame waits for the monitor as before.
 */
public final class FirstList {
    /** A list of 300 containers is about half a megabyte; anything far larger is not an engine's answer. */
    static final int MAX_BYTES = 32 << 20;

    private FirstList() {
    }

    /**
     * The engine's list as a snapshot, or empty when the endpoint is not a local unix socket.
     *
     * @throws EngineException when the engine cannot be reached or answers with an error
     * @throws EngineNotAnsweringException when it does not answer within {@code deadline}
     */
    public static Optional<ContainersSnapshot> read(String endpoint, Duration deadline, List<String> preferredNames, Clock clock) {
        if (!endpoint.startsWith("unix://")) {
            return Optional.empty();
        }
        UnixDomainSocketAddress socket = UnixDomainSocketAddress.of(endpoint.substring("unix://".length()));
        long until = System.nanoTime() + deadline.toNanos();
        try {
            Map<?, ?> version = object(parse(get(socket, "/version", until, deadline)));
            List<ContainerInfo> listed = containers(get(socket, "/containers/json?all=1", until, deadline));
            EngineStatus up = EngineStatus.up(endpoint, text(version.get("ApiVersion")), text(version.get("Version")), clock.now());
            return Optional.of(new ContainersSnapshot(up, ContainerGateway.sortForDisplay(listed, preferredNames), Map.of(),
                    clock.now()));
        } catch (IOException e) {
            throw EngineException.of("list containers", e);
        }
    }

    /** The rows of a GET /containers/json answer, as {@link ContainerMapper#fromList} makes them from docker-java's model. */
    static List<ContainerInfo> containers(byte[] json) throws IOException {
        if (!(parse(json) instanceof List<?> all)) {
            throw new IOException("list containers: not a list");
        }
        List<ContainerInfo> out = new ArrayList<>(all.size());
        for (Object o : all) {
            Map<?, ?> c = object(o);
            List<PortMapping> ports = new ArrayList<>();
            if (c.get("Ports") instanceof List<?> list) {
                for (Object po : list) {
                    Map<?, ?> p = object(po);
                    ports.add(new PortMapping(text(p.get("IP")), number(p.get("PublicPort")), number(p.get("PrivatePort")),
                            p.get("Type") == null ? "tcp" : text(p.get("Type"))));
                }
            }
            String[] names = c.get("Names") instanceof List<?> n ? n.stream().map(FirstList::text).toArray(String[]::new) : null;
            Map<String, String> labels = new LinkedHashMap<>();
            if (c.get("Labels") instanceof Map<?, ?> l) {
                l.forEach((k, v) -> labels.put(text(k), text(v)));
            }
            Long created = c.get("Created") instanceof Number num ? num.longValue() : null;
            out.add(ContainerMapper.listed((String) c.get("Id"), names, (String) c.get("Image"), (String) c.get("State"),
                    (String) c.get("Status"), created, ports, labels));
        }
        return out;
    }

    /**
     * JSON as maps, lists, strings, numbers, booleans and nulls, with jackson-core's parser alone: databind's
     * object mapping (some 600 classes to set up) is not worth it for one list.
     */
    static Object parse(byte[] json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() == null) {
                throw new IOException("empty answer");
            }
            return value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON " + t);
        }
    }

    private static Map<?, ?> object(Object o) throws IOException {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IOException("unexpected JSON: " + (o == null ? "null" : o.getClass().getSimpleName()) + " for an object");
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    /** One HTTP/1.0 GET; the body of a 200 answer. The channel is closed at the deadline, which ends a hung read. */
    static byte[] get(UnixDomainSocketAddress socket, String path, long untilNanos, Duration deadline) throws IOException {
        long left = untilNanos - System.nanoTime();
        if (left <= 0) {
            throw new EngineNotAnsweringException(deadline, null);
        }
        try (SocketChannel ch = SocketChannel.open(socket)) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS).execute(() -> {
                if (!done.isDone()) {
                    closeQuietly(ch);
                }
            });
            try {
                ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: edm-console\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream all = new ByteArrayOutputStream(64 << 10);
                ByteBuffer buf = ByteBuffer.allocate(64 << 10);
                while (ch.read(buf) >= 0) {
                    all.write(buf.array(), 0, buf.position());
                    buf.clear();
                    if (all.size() > MAX_BYTES) {
                        throw new IOException("GET " + path + ": answer larger than " + (MAX_BYTES >> 20) + " MiB");
                    }
                }
                return body(path, all.toByteArray());
            } catch (IOException e) {
                if (System.nanoTime() - untilNanos >= 0) {
                    throw new EngineNotAnsweringException(deadline, e);
                }
                throw e;
            } finally {
                done.complete(null);
            }
        }
    }

    /** The body after the headers of a complete HTTP/1.x answer with status 200. */
    static byte[] body(String path, byte[] answer) throws IOException {
        int end = -1;
        for (int i = 0; i + 3 < answer.length; i++) {
            if (answer[i] == '\r' && answer[i + 1] == '\n' && answer[i + 2] == '\r' && answer[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IOException("GET " + path + ": incomplete answer");
        }
        String head = new String(answer, 0, end, StandardCharsets.ISO_8859_1);
        String status = head.lines().findFirst().orElse("");
        if (!status.matches("HTTP/1\\.[01] 200( .*)?")) {
            throw new IOException("GET " + path + ": " + status);
        }
        if (head.toLowerCase(Locale.ROOT).contains("\ntransfer-encoding:")) {
            throw new IOException("GET " + path + ": unexpected transfer encoding");
        }
        byte[] body = new byte[answer.length - end - 4];
        System.arraycopy(answer, end + 4, body, 0, body.length);
        return body;
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Closing is how the deadline ends the read; nothing else to do.
        }
    }
}
