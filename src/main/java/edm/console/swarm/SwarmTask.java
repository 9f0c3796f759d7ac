package edm.console.swarm;

import edm.console.core.HealthStatus;
import edm.console.core.Secrets;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One task of a service: {@code slot} is the replica's number (0 for a global service's tasks, which are one
 * per node), {@code node} the node's hostname (its id when the nodes were not read), {@code state} and {@code
 * desiredState} the engine's words (new, pending, assigned, accepted, preparing, ready, starting, running,
 * complete, shutdown, failed, rejected, remove, orphaned). {@code health} is the container's health check
 * where this engine runs the task's container, {@link HealthStatus#NONE} when it has none, null when not
 * known (another node's container, or not read). {@code image} is the task's own image reference (during an
 * update, old and new tasks differ). {@code error} is the engine's Status.Err (why it failed),
 * {@code message} its Status.Message; both untrusted text.
 */
public record SwarmTask(String id, String serviceId, int slot, String nodeId, String node, String image, String state,
                        String desiredState, HealthStatus health, String error, String message, String containerId, Instant createdAt,
                        Instant updatedAt) {
    /** The label every task's container carries (the task's id): such a container is its task's, not one of its own. */
    public static final String CONTAINER_LABEL = "com.docker.swarm.task.id";
    /**
     * The layers' wrappers every failed start is dressed in ("starting container failed: failed to create shim
     * task: OCI runtime create failed: runc create failed: unable to start container process: ..."): what is
     * left says why, and fits a column.
     */
    private static final Pattern WRAPPERS = Pattern.compile("^(?:(?:starting container failed|failed to create shim task"
            + "|OCI runtime create failed|runc create failed|unable to start container process"
            + "|container_linux\\.go:\\d+)\\s*:\\s*)+");
    private static final Set<String> TERMINAL = Set.of("complete", "shutdown", "failed", "rejected", "remove", "orphaned");
    private static final Set<String> KEPT = Set.of("running", "ready", "accepted");

    public SwarmTask {
        nodeId = nodeId == null ? "" : nodeId;
        node = node == null || node.isEmpty() ? nodeId : node;
        image = image == null ? "" : image;
        state = state == null ? "" : state;
        desiredState = desiredState == null ? "" : desiredState;
        error = error == null ? "" : error;
        message = message == null ? "" : message;
        containerId = containerId == null ? "" : containerId;
    }

    /** The swarm wants this task (running or about to): not one kept only as history. */
    public boolean wanted() {
        return KEPT.contains(desiredState);
    }

    public boolean running() {
        return state.equals("running");
    }

    /** Ended (completed, shut down, failed, rejected...): history. */
    public boolean terminal() {
        return TERMINAL.contains(state);
    }

    /** {@code web.1} for a replica, {@code web.<node>} for a global service's task: how the console tags it. */
    public String displayName(String serviceName) {
        return serviceName + "." + (slot > 0 ? Integer.toString(slot) : node);
    }

    /** The slot or, for a global service, the node: tasks of one key replace each other. */
    public String slotKey() {
        return slot > 0 ? "slot:" + slot : "node:" + nodeId;
    }

    /** The error as a screen shows it: one line, without the wrappers of the layers it came through; untrusted still. */
    public String errorCause() {
        String line = oneLine(error);
        String cause = WRAPPERS.matcher(line).replaceFirst("");
        return cause.isEmpty() ? line : cause;
    }

    /** The engine's text on one line (an error may hold line breaks), passwords in URLs masked. */
    public static String oneLine(String s) {
        return Secrets.maskUrlPasswords(s == null ? "" : s.replaceAll("\\s+", " ").trim());
    }

    public SwarmTask withHealth(HealthStatus newHealth) {
        return new SwarmTask(id, serviceId, slot, nodeId, node, image, state, desiredState, newHealth, error, message, containerId,
                createdAt, updatedAt);
    }

    public SwarmTask withNode(String hostname) {
        return new SwarmTask(id, serviceId, slot, nodeId, hostname, image, state, desiredState, health, error, message, containerId,
                createdAt, updatedAt);
    }
}
