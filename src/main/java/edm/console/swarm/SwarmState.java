package edm.console.swarm;

/**
 * This engine's place in a swarm, from GET /info's {@code Swarm}: {@code localNodeState} is the engine's word
 * (inactive, pending, active, error, locked); only a manager ({@code controlAvailable}) can list services,
 * tasks and nodes.
 */
public record SwarmState(String localNodeState, boolean controlAvailable, String nodeId, String nodeAddr, String error) {
    public static final SwarmState INACTIVE = new SwarmState("inactive", false, "", "", "");

    public SwarmState {
        localNodeState = localNodeState == null || localNodeState.isBlank() ? "inactive" : localNodeState;
        nodeId = nodeId == null ? "" : nodeId;
        nodeAddr = nodeAddr == null ? "" : nodeAddr;
        error = error == null ? "" : error;
    }

    /** Part of a swarm (as a manager or a worker). */
    public boolean active() {
        return "active".equals(localNodeState);
    }

    /** An active manager: the engine answers /services, /tasks and /nodes. */
    public boolean manager() {
        return active() && controlAvailable;
    }
}
