package edm.console.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Raw JSON requests to the engine's swarm endpoints (service inspect and update, tasks, info): a service
 * update must send back the whole spec the engine gave, every field of it, which docker-java's beans would
 * trim to the ones they know. Bodies go in and come out as JSON text; failures are {@link EngineException}s
 * with the engine's own message, and every request has the gateway's deadline.
 */
public final class SwarmCalls implements AutoCloseable {
    /** A service's inspect is a few KiB, a task list some per task. */
    private static final int MAX_BYTES = 16 << 20;

    private final DockerHttpClient http;

    SwarmCalls(DockerHttpClient http) {
        this.http = http;
    }

    /** The body of a 200 answer to {@code GET path}. */
    public String get(String path) {
        return call(DockerHttpClient.Request.Method.GET, path, null, "GET " + path, false);
    }

    /** The body of a 200 answer to {@code GET path}; empty when the engine says 404 (no such service, image). */
    public Optional<String> find(String path) {
        return Optional.ofNullable(call(DockerHttpClient.Request.Method.GET, path, null, "GET " + path, true));
    }

    /** The body of a 2xx answer to {@code POST path} with a JSON body. */
    public String post(String path, String json) {
        return call(DockerHttpClient.Request.Method.POST, path, json, "POST " + path, false);
    }

    /** A query parameter's value, encoded. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String call(DockerHttpClient.Request.Method method, String path, String json, String what, boolean missingIsEmpty) {
        DockerHttpClient.Request.Builder b = DockerHttpClient.Request.builder().method(method).path(path);
        if (json != null) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            b.headers(Map.of("Content-Type", "application/json")).body(new ByteArrayInputStream(body));
        }
        try (DockerHttpClient.Response r = http.execute(b.build()); InputStream in = r.getBody()) {
            byte[] bytes = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new EngineException(what + ": answer larger than " + (MAX_BYTES >> 20) + " MiB", null);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            int status = r.getStatusCode();
            if (status == 404 && missingIsEmpty) {
                return null;
            }
            if (status / 100 != 2) {
                throw new EngineException(what + ": " + message(text, status), null);
            }
            return text;
        } catch (EngineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw EngineException.of(what, e);
        }
    }

    /** The engine's {"message": "..."} as one line, else the status. */
    private static String message(String body, int status) {
        try {
            Object o = EngineJson.parse(body.getBytes(StandardCharsets.UTF_8));
            if (o instanceof Map<?, ?> m && m.get("message") instanceof String s) {
                return s.replaceAll("\\s+", " ").trim();
            }
        } catch (IOException | RuntimeException ignored) {
            // not the engine's JSON: the status says enough
        }
        return "status " + status;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // a transport we are abandoning
        }
    }
}
