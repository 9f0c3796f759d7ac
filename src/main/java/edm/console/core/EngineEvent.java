package edm.console.core;

import java.time.Instant;

/** A container event from the engine's event stream (start, die, health_status: healthy, oom, ...). */
public record EngineEvent(Instant time, String containerId, String containerName, String action) {
    /** Actions after which the container's inspect data (health, restarts, start time) is stale. */
    public boolean changesContainerState() {
        return action != null && !action.startsWith("exec_") && !"top".equals(action) && !"attach".equals(action)
                && !"resize".equals(action);
    }
}
