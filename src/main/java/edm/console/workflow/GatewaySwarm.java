package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.core.Clock;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import edm.console.docker.SwarmCalls;
import edm.console.swarm.SwarmReads;
import edm.console.swarm.SwarmTask;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@link SwarmEngine} over the engine: the reads through the swarm read model ({@link SwarmReads}), the update
 * and the image inspect as raw JSON requests (each with the engine timeout).
 */
public final class GatewaySwarm implements SwarmEngine {
    private final ContainerGateway gateway;
    private final SwarmReads reads;

    public GatewaySwarm(ContainerGateway gateway) {
        this.gateway = gateway;
        this.reads = new SwarmReads(gateway, Clock.SYSTEM);
    }

    @Override
    public boolean manager() {
        return reads.state().manager();
    }

    @Override
    public Optional<JsonNode> service(String nameOrId) {
        // By the list first: an unknown name is "no such service", not an engine failure.
        return reads.services().stream().filter(s -> s.name().equals(nameOrId) || s.id().equals(nameOrId)).findFirst()
                .map(s -> WorkflowJson.MAPPER.valueToTree(reads.rawService(s.id())));
    }

    @Override
    public void update(String id, long version, JsonNode spec, boolean rollbackPrevious) {
        String path = "/services/" + SwarmCalls.query(id) + "/update?version=" + version + (rollbackPrevious ? "&rollback=previous" : "");
        gateway.swarmCalls().post(path, WorkflowJson.line(spec));
    }

    @Override
    public List<SwarmTask> tasks(String serviceId) {
        return reads.tasksOf(serviceId);
    }

    @Override
    public Optional<JsonNode> image(String ref) {
        return gateway.swarmCalls().find("/images/" + SwarmCalls.query(ref).replace("%2F", "/") + "/json").map(s -> parse("inspect image " + ref, s));
    }

    private static JsonNode parse(String what, String json) {
        try {
            return WorkflowJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new EngineException(what + ": unexpected answer", e);
        }
    }
}
