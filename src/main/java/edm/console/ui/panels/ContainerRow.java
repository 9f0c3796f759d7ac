package edm.console.ui.panels;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.swarm.SwarmService;
import edm.console.swarm.SwarmTask;
import edm.console.swarm.SwarmView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the Containers panel: a plain container, or, when the engine is a swarm manager, a service or
 * one of its tasks (listed under it). {@code key} is what the selection remembers: a container's id (so that
 * everything that selects by container id keeps working), {@code service:ID}, {@code task:ID}. A task row
 * carries its container where this engine runs it (null on another node, or before its container exists).
 */
public record ContainerRow(Kind kind, String key, SwarmService service, SwarmTask task, ContainerInfo container) {
    public enum Kind { SERVICE, TASK, CONTAINER }

    /** The label every task container carries: such a container is shown under its service, not on its own. */
    public static final String TASK_LABEL = SwarmTask.CONTAINER_LABEL;

    public static ContainerRow of(ContainerInfo c) {
        return new ContainerRow(Kind.CONTAINER, c.id(), null, null, c);
    }

    public boolean swarm() {
        return kind != Kind.CONTAINER;
    }

    /**
     * The panel's rows: on a manager, each service (by name) with its tasks under it, then the containers
     * that are not tasks; otherwise the containers alone, as listed.
     */
    public static List<ContainerRow> list(ContainersSnapshot snapshot, SwarmView swarm) {
        List<ContainerInfo> containers = snapshot == null ? List.of() : snapshot.containers();
        if (swarm == null || !swarm.manager() || (swarm.services().isEmpty() && swarm.problem().isEmpty())) {
            List<ContainerRow> plain = new ArrayList<>(containers.size());
            containers.forEach(c -> plain.add(of(c)));
            return plain;
        }
        Map<String, ContainerInfo> byId = new HashMap<>();
        containers.forEach(c -> byId.put(c.id(), c));
        List<ContainerRow> out = new ArrayList<>();
        for (SwarmService s : swarm.services()) {
            out.add(new ContainerRow(Kind.SERVICE, "service:" + s.id(), s, null, null));
            for (SwarmTask t : swarm.shownTasks(s)) {
                out.add(new ContainerRow(Kind.TASK, "task:" + t.id(), s, t, byId.get(t.containerId())));
            }
        }
        for (ContainerInfo c : containers) {
            if (!c.labels().containsKey(TASK_LABEL)) {
                out.add(of(c));
            }
        }
        return out;
    }

    /** The ids of the containers of these rows (a task's where this engine runs it): what the monitor samples. */
    public static String containerId(ContainerRow r) {
        return r.container == null ? null : r.container.id();
    }
}
