package edm.console.swarm;

import edm.console.core.HealthStatus;
import edm.console.docker.EngineJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Answers captured from a real single-node swarm (dockerd 20.10, API 1.41, src/test/resources/swarm): a
 * 2-replica service "web" with a health check and a published port after one update, a global service
 * "global1", and "broken", whose command does not exist (its tasks failed until the restart policy gave up).
 */
public final class SwarmFixtures {
    /** When the answers were read (the tasks' ages are counted from here). */
    public static final Instant READ_AT = Instant.parse("2026-12-02T00:20:40Z");

    private SwarmFixtures() {
    }

    public static Object fixture(String name) throws IOException {
        try (InputStream in = SwarmFixtures.class.getResourceAsStream("/swarm/" + name)) {
            return EngineJson.parse(in.readAllBytes());
        }
    }

    /** The captured swarm as the monitor would read it, health by container id. */
    public static SwarmView capturedView(Map<String, HealthStatus> health) {
        try {
            List<SwarmNode> nodes = SwarmJson.nodes(fixture("nodes.json"));
            List<SwarmTask> tasks = SwarmJson.tasks(fixture("tasks.json"), nodes).stream()
                    .map(t -> health.containsKey(t.containerId()) ? t.withHealth(health.get(t.containerId())) : t).toList();
            return new SwarmView(SwarmJson.state(fixture("info.json")),
                    SwarmJson.counted(SwarmJson.services(fixture("services_status_true.json")), tasks), tasks, nodes, READ_AT, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
