package edm.console.core;

import java.time.Instant;
import java.util.List;

/** A container event from the engine's event stream (start, die, health_status: healthy, oom, ...). */
public record EngineEvent(Instant time, String containerId, String containerName, String action) {
    /**
     * The container actions the console asks the engine for (its {@code event} filter): those that change a
     * container's state or inspect data, and those the incident timeline shows. Not the exec events a
     * healthcheck makes (three per check per container), top, attach, resize, copy, export or commit: the
     * engine no longer encodes and sends them only for the console to drop. {@code health_status} matches
     * {@code health_status: healthy} and the others (the engine matches that filter by prefix).
     */
    public static final List<String> WATCHED_ACTIONS = List.of("create", "start", "restart", "stop", "die", "kill", "oom",
            "pause", "unpause", "rename", "update", "destroy", "health_status");

    /** Actions after which the container's inspect data (health, restarts, start time) is stale. */
    public boolean changesContainerState() {
        return action != null && !action.startsWith("exec_") && !"top".equals(action) && !"attach".equals(action)
                && !"resize".equals(action);
    }
}
