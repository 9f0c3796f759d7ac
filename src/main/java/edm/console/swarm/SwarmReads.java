package edm.console.swarm;

import edm.console.core.Clock;
import edm.console.core.HealthStatus;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The swarm's reads through the engine's lean client ({@link ContainerGateway#readJson}): GET /info for this
 * engine's place in the swarm, and, on a manager, /services?status=true, /tasks and /nodes. Every call has the
 * engine's timeout; failures are {@link EngineException}s with one line (a worker's "This node is not a swarm
 * manager..." is the engine's own). Nothing is cached here: callers read at their own beat.
 */
public final class SwarmReads {
    private final ContainerGateway gateway;
    private final Clock clock;

    public SwarmReads(ContainerGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** GET /info: is this engine in a swarm, and a manager? */
    public SwarmState state() {
        return parse("info", "/info", SwarmJson::state);
    }

    /**
     * Everything the Containers panel and {@code status} show: the state, and on a manager the services (counts
     * from the engine, or from the tasks), their tasks (health from {@code healthByContainer}, this engine's
     * containers by id; null where not known) and the nodes. A manager whose services cannot be read gives a
     * view with its problem; an engine that cannot say its state throws.
     */
    public SwarmView read(Map<String, HealthStatus> healthByContainer) {
        SwarmState state = state();
        if (!state.manager()) {
            return SwarmView.of(state, clock.now());
        }
        try {
            return readManager(state, healthByContainer);
        } catch (EngineException e) {
            return new SwarmView(state, List.of(), List.of(), List.of(), clock.now(), e.getMessage());
        }
    }

    private SwarmView readManager(SwarmState state, Map<String, HealthStatus> healthByContainer) {
        List<SwarmNode> nodes = nodes();
        List<SwarmTask> tasks = withHealth(parse("list tasks", "/tasks", json -> SwarmJson.tasks(json, nodes)), healthByContainer);
        List<SwarmService> services = SwarmJson.counted(services(), tasks);
        return new SwarmView(state, services, tasks, nodes, clock.now(), "");
    }

    /** GET /services?status=true (API 1.41 counts running and desired tasks; an older engine leaves them out). */
    public List<SwarmService> services() {
        return parse("list services", "/services?status=true", SwarmJson::services);
    }

    public List<SwarmNode> nodes() {
        return parse("list nodes", "/nodes", SwarmJson::nodes);
    }

    /** The tasks of one service (by id or name), history included, nodes by id. */
    public List<SwarmTask> tasksOf(String service) {
        String filter = "{\"service\":[\"" + service.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}";
        return parse("tasks of " + service, "/tasks?filters=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                json -> SwarmJson.tasks(json, List.of()));
    }

    /** GET /services/{id}: one service, with counts from its tasks. */
    public SwarmService service(String idOrName) {
        SwarmService s = SwarmJson.service(rawService(idOrName));
        return SwarmJson.counted(List.of(s), tasksOf(s.id())).get(0);
    }

    /**
     * GET /services/{id}?insertDefaults=false as the engine's JSON (Version, Spec, PreviousSpec, UpdateStatus...):
     * what a service update starts from (the spec to change and the version to name).
     */
    public Map<?, ?> rawService(String idOrName) {
        return parse("inspect service " + idOrName, "/services/" + segment(idOrName) + "?insertDefaults=false", json -> {
            if (json instanceof Map<?, ?> m) {
                return m;
            }
            throw new IOException("not an object");
        });
    }

    /**
     * Follows a service's logs across its tasks ({@code GET /services/{id}/logs}, timestamps and details: each
     * line says its task's id, see {@link edm.console.logs.ServiceLogLines}): since {@code since} (null: all), the last {@code
     * tail} lines (negative: all), then new ones while {@code follow}; {@code onOpen} when the engine answered.
     */
    public Closeable logs(String service, Instant since, int tail, boolean follow, Runnable onOpen, ContainerGateway.LogChunks sink) {
        StringBuilder path = new StringBuilder("/services/").append(segment(service))
                .append("/logs?stdout=1&stderr=1&timestamps=1&details=1&follow=").append(follow ? 1 : 0);
        if (since != null) {
            path.append("&since=").append(Math.max(0, since.getEpochSecond()));
        }
        if (tail >= 0) {
            path.append("&tail=").append(tail);
        }
        return gateway.stream("logs of service " + service, path.toString(), true, onOpen, sink);
    }

    private static List<SwarmTask> withHealth(List<SwarmTask> tasks, Map<String, HealthStatus> healthByContainer) {
        List<SwarmTask> out = new ArrayList<>(tasks.size());
        for (SwarmTask t : tasks) {
            HealthStatus h = t.containerId().isEmpty() ? null : healthByContainer.get(t.containerId());
            out.add(h == null ? t : t.withHealth(h));
        }
        return out;
    }

    private interface Parser<T> {
        T parse(Object json) throws IOException;
    }

    private <T> T parse(String what, String path, Parser<T> parser) {
        Object json = gateway.readJson(what, path);
        try {
            return parser.parse(json);
        } catch (IOException | RuntimeException e) {
            throw EngineException.of(what, e);
        }
    }

    static String segment(String idOrName) {
        return URLEncoder.encode(idOrName, StandardCharsets.UTF_8);
    }
}
