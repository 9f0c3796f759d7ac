package edm.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.swarm.SwarmTask;
import java.util.List;
import java.util.Optional;

/**
 * The swarm calls of the service workflows, on the engine's JSON, as an interface so that the step machine
 * can be tested against a fake. {@link GatewaySwarm} is the real one.
 */
public interface SwarmEngine {
    /** Whether the engine is a swarm manager (Swarm.ControlAvailable): only a manager updates services. */
    boolean manager();

    /** A service's inspect (ID, Version, Spec, PreviousSpec, UpdateStatus), by name or id; empty when there is none. */
    Optional<JsonNode> service(String nameOrId);

    /**
     * {@code POST /services/{id}/update?version=N} with {@code spec}; {@code rollbackPrevious}: Swarm's own
     * rollback to the service's PreviousSpec (the spec sent is then ignored by the engine).
     */
    void update(String id, long version, JsonNode spec, boolean rollbackPrevious);

    /** The service's tasks, every state (old ones too, as long as Swarm keeps them). */
    List<SwarmTask> tasks(String serviceId);

    /** An image's inspect on the manager; empty when it does not have it. */
    Optional<JsonNode> image(String ref);
}
