package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.docker.EngineException;
import edm.console.swarm.SwarmJson;
import edm.console.swarm.SwarmTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A scripted swarm manager for the step machine's tests: the service as captured from a real engine
 * (src/test/resources/swarm), then, once an update was sent, one scripted reading per look.
 */
final class FakeSwarm implements SwarmEngine {
    /** One look at the service: its inspect and its tasks; null service: the engine does not answer. */
    record Reading(JsonNode service, List<SwarmTask> tasks) {
    }

    final List<String> updates = new ArrayList<>();
    final Deque<Reading> afterUpdate = new ArrayDeque<>();
    final Deque<Reading> afterRollback = new ArrayDeque<>();
    Reading now;
    boolean manager = true;
    boolean imageHasHealthcheck = true;
    List<String> images = List.of("edm-swarm-app:v1", "edm-swarm-app:v2", "edm-swarm-app:bad");
    JsonNode lastSpec;

    private final long baseVersion;

    FakeSwarm(Reading initial) {
        this.now = initial;
        this.baseVersion = initial.service().path("Version").path("Index").asLong();
    }

    static JsonNode fixture(String name) {
        try (InputStream in = FakeSwarm.class.getResourceAsStream("/swarm/" + name)) {
            return WorkflowJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tasks as the swarm read model makes them of the engine's answer. */
    static List<SwarmTask> taskFixture(String name) {
        try (InputStream in = FakeSwarm.class.getResourceAsStream("/swarm/" + name)) {
            return SwarmJson.tasks(WorkflowJson.MAPPER.readValue(in, Object.class), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture service with another UpdateStatus (state "" removes it). */
    static Reading reading(String service, String tasks, String state, String startedAt, String message) {
        ObjectNode s = (ObjectNode) fixture(service);
        s.remove("UpdateStatus");
        if (!state.isEmpty()) {
            ObjectNode u = s.putObject("UpdateStatus");
            u.put("State", state);
            u.put("StartedAt", startedAt);
            u.put("Message", message);
        }
        return new Reading(s, taskFixture(tasks));
    }

    static Reading silent() {
        return new Reading(null, List.of());
    }

    @Override
    public boolean manager() {
        return manager;
    }

    @Override
    public Optional<JsonNode> service(String nameOrId) {
        if (!nameOrId.equals(now.service() == null ? "" : now.service().path("Spec").path("Name").asText())
                && !nameOrId.equals(now.service() == null ? "" : now.service().path("ID").asText()) && now.service() != null) {
            return Optional.empty();
        }
        advance();
        if (now.service() == null) {
            throw new EngineException("inspect service: no answer within 10s", null);
        }
        return Optional.of(now.service());
    }

    private void advance() {
        Deque<Reading> script = updates.isEmpty() ? null : updates.get(updates.size() - 1).endsWith("rollback") ? afterRollback : afterUpdate;
        if (script != null && !script.isEmpty()) {
            now = script.poll();
            if (now.service() != null) {
                // Every update the engine takes moves the service's version on.
                ((ObjectNode) now.service().path("Version")).put("Index", baseVersion + updates.size());
            }
        }
    }

    @Override
    public void update(String id, long version, JsonNode spec, boolean rollbackPrevious) {
        updates.add(id + "@" + version + (rollbackPrevious ? " rollback" : ""));
        lastSpec = spec;
    }

    @Override
    public List<SwarmTask> tasks(String serviceId) {
        return now.tasks();
    }

    @Override
    public Optional<JsonNode> image(String ref) {
        if (!images.contains(ref)) {
            return Optional.empty();
        }
        ObjectNode i = WorkflowJson.MAPPER.createObjectNode();
        i.put("Id", "sha256:" + ref.substring(ref.indexOf(':') + 1));
        if (imageHasHealthcheck) {
            i.putObject("Config").putObject("Healthcheck").putArray("Test").add("CMD-SHELL").add("test -x /bin/busybox");
        }
        return Optional.of(i);
    }
}
