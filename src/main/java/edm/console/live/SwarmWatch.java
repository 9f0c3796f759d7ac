package edm.console.live;

import edm.console.core.ContainerInfo;
import edm.console.core.HealthStatus;
import edm.console.docker.EngineException;
import edm.console.swarm.SwarmReads;
import edm.console.swarm.SwarmView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the swarm at the container monitor's relist beat, on its lane (the event-driven re-list after a
 * container changed, and the slow safety net): one GET /info, and only on a manager the services, tasks and
 * nodes. No timer of its own and nothing per service or per second: an idle console costs nothing more. A
 * view is published only when it differs from the last one (not merely because it was read again).
 * <p>
 * While the swarm is converging (an update, a task starting, replicas missing) its state moves without a
 * container event (an update completes a monitor period after its last task started): then {@link #relisted}
 * asks for one more read a little later, as long as the view keeps changing, and at most {@link #QUIET_READS}
 * reads after it stopped changing (a service that gave up stays unconverged, and must not cost a read every
 * few seconds for ever).
 */
final class SwarmWatch {
    private final SwarmReads reads;
    private final Consumer<SwarmView> publish;
    static final int QUIET_READS = 15;
    private SwarmView last = SwarmView.NONE;
    private int unchanged;

    SwarmWatch(SwarmReads reads, Consumer<SwarmView> publish) {
        this.reads = reads;
        this.publish = publish;
    }

    /**
     * After a re-list: the containers as listed give the tasks' health where this engine runs them. True when the
     * swarm is still converging and worth another read soon.
     */
    boolean relisted(List<ContainerInfo> containers) {
        Map<String, HealthStatus> health = new HashMap<>();
        for (ContainerInfo c : containers) {
            health.put(c.id(), c.health());
        }
        SwarmView view;
        try {
            view = reads.read(health);
        } catch (EngineException e) {
            if (EngineException.notAnswering(e) != null || !last.manager()) {
                return false; // the heartbeat says the engine is silent; an engine that never was a manager has nothing to show
            }
            view = new SwarmView(last.state(), last.services(), last.tasks(), last.nodes(), last.readAt(), e.getMessage());
        }
        if (!sameContent(view, last)) {
            last = view;
            unchanged = 0;
            publish.accept(view);
        } else {
            unchanged++;
        }
        return view.manager() && !settled(view) && unchanged < QUIET_READS;
    }

    /** Every service has its tasks running and no update under way, and every wanted task runs (and is not starting its health check). */
    static boolean settled(SwarmView view) {
        for (var s : view.services()) {
            if (!s.converged() || s.updating()) {
                return false;
            }
            for (var t : view.shownTasks(s)) {
                if (t.wanted() && (!t.running() || t.health() == HealthStatus.STARTING)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean sameContent(SwarmView a, SwarmView b) {
        return a.state().equals(b.state()) && a.services().equals(b.services()) && a.tasks().equals(b.tasks())
                && a.nodes().equals(b.nodes()) && Objects.equals(a.problem(), b.problem());
    }
}
