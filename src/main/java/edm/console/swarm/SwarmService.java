package edm.console.swarm;

import edm.console.core.PortMapping;
import java.time.Instant;
import java.util.List;

/**
 * One swarm service as the console shows it. {@code image} is the repository (no tag, no digest) and
 * {@code tag} its tag, as the service's spec names them; {@code running}/{@code desired} are the engine's
 * own counts where it gives them (API 1.41's {@code ?status=true}), else counted from the tasks; {@code
 * desired} is -1 when it cannot be known (a global service whose tasks were not read). {@code updateState}
 * is the engine's UpdateStatus.State (updating, paused, completed, rollback_started, rollback_paused,
 * rollback_completed), empty when the service was never updated. {@code version} is the spec's version
 * index: an update must name it ({@code POST /services/{id}/update?version=N}).
 */
public record SwarmService(String id, String name, String image, String tag, Mode mode, int running, int desired,
                           String updateState, String updateMessage, List<PortMapping> ports, long version,
                           Instant createdAt, Instant updatedAt) {
    /** Replicated (a fixed number of tasks) or global (one task per node); UNKNOWN for another mode (jobs). */
    public enum Mode { REPLICATED, GLOBAL, UNKNOWN }

    public SwarmService {
        updateState = updateState == null ? "" : updateState;
        updateMessage = updateMessage == null ? "" : updateMessage;
        ports = List.copyOf(ports);
    }

    /** {@code image:tag} (the image alone when the spec names no tag). */
    public String imageRef() {
        return tag.isEmpty() ? image : image + ":" + tag;
    }

    /** {@code 2/2}; {@code 1/?} when the desired count is not known. */
    public String replicas() {
        return running + "/" + (desired < 0 ? "?" : Integer.toString(desired));
    }

    /** All desired tasks run (and there is at least one to run, or none is wanted). */
    public boolean converged() {
        return desired >= 0 && running == desired;
    }

    /** An update or rollback is under way or paused (a paused one needs the operator). */
    public boolean updating() {
        return updateState.equals("updating") || updateState.equals("rollback_started")
                || updateState.equals("paused") || updateState.equals("rollback_paused");
    }

    public SwarmService withCounts(int newRunning, int newDesired) {
        return new SwarmService(id, name, image, tag, mode, newRunning, newDesired, updateState, updateMessage, ports,
                version, createdAt, updatedAt);
    }
}
