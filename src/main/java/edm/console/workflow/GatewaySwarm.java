package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import edm.console.docker.SwarmCalls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link SwarmEngine} over the gateway's raw JSON requests (each with the engine timeout). */
public final class GatewaySwarm implements SwarmEngine {
    private final ContainerGateway gateway;

    public GatewaySwarm(ContainerGateway gateway) {
        this.gateway = gateway;
    }

    private SwarmCalls calls() {
        return gateway.swarmCalls();
    }

    @Override
    public boolean manager() {
        JsonNode info = parse("info", calls().get("/info"));
        return info.path("Swarm").path("ControlAvailable").asBoolean(false);
    }

    @Override
    public Optional<JsonNode> service(String nameOrId) {
        return calls().find("/services/" + SwarmCalls.query(nameOrId)).map(s -> parse("inspect service " + nameOrId, s));
    }

    @Override
    public void update(String id, long version, JsonNode spec, boolean rollbackPrevious) {
        String path = "/services/" + SwarmCalls.query(id) + "/update?version=" + version + (rollbackPrevious ? "&rollback=previous" : "");
        calls().post(path, WorkflowJson.line(spec));
    }

    @Override
    public List<JsonNode> tasks(String serviceId) {
        String filter = "{\"service\":[\"" + serviceId.replace("\"", "") + "\"]}";
        JsonNode all = parse("tasks of " + serviceId, calls().get("/tasks?filters=" + SwarmCalls.query(filter)));
        List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        return out;
    }

    @Override
    public Optional<JsonNode> image(String ref) {
        return calls().find("/images/" + SwarmCalls.query(ref).replace("%2F", "/") + "/json").map(s -> parse("inspect image " + ref, s));
    }

    private static JsonNode parse(String what, String json) {
        try {
            return WorkflowJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new EngineException(what + ": unexpected answer", e);
        }
    }
}
