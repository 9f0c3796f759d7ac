package edm.console.swarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the console knows of the swarm at one moment: the engine's state and, on a manager, its services
 * (sorted by name), their tasks and the nodes. {@code problem} is why the services could not be read
 * (one line, the engine's words) while the engine is a manager; empty when they were.
 */
public record SwarmView(SwarmState state, List<SwarmService> services, List<SwarmTask> tasks, List<SwarmNode> nodes,
                        Instant readAt, String problem) {
    /** Not part of a swarm (or not read yet): nothing to show. */
    public static final SwarmView NONE = new SwarmView(SwarmState.INACTIVE, List.of(), List.of(), List.of(), null, "");

    private static final Comparator<SwarmTask> NEWEST_FIRST = Comparator.comparing(
            (SwarmTask t) -> t.updatedAt() == null ? Instant.EPOCH : t.updatedAt()).reversed();

    public SwarmView {
        services = List.copyOf(services);
        tasks = List.copyOf(tasks);
        nodes = List.copyOf(nodes);
        problem = problem == null ? "" : problem;
    }

    /** An engine that is not a manager: its state only. */
    public static SwarmView of(SwarmState state, Instant readAt) {
        return new SwarmView(state, List.of(), List.of(), List.of(), readAt, "");
    }

    /** Whether there is anything swarm to show (a manager, with or without services). */
    public boolean manager() {
        return state.manager();
    }

    /** Task ids of every task listed, wanted or history: the containers that are tasks are not plain containers. */
    public Set<String> taskIds() {
        Set<String> ids = new HashSet<>();
        tasks.forEach(t -> ids.add(t.id()));
        return ids;
    }

    /**
     * The tasks worth a row under their service, in slot (or node) order: each slot's wanted task, or, where no
     * task is wanted for a slot that still exists (one that failed and is waiting for a restart, a service that
     * gave up), its newest task, which says why. The history of replaced tasks is left out.
     */
    public List<SwarmTask> shownTasks(SwarmService service) {
        Map<String, List<SwarmTask>> bySlot = new LinkedHashMap<>();
        tasks.stream().filter(t -> t.serviceId().equals(service.id()))
                .sorted(Comparator.comparingInt(SwarmTask::slot).thenComparing(SwarmTask::node).thenComparing(NEWEST_FIRST))
                .forEach(t -> bySlot.computeIfAbsent(t.slotKey(), k -> new ArrayList<>()).add(t));
        List<SwarmTask> out = new ArrayList<>();
        for (List<SwarmTask> slot : bySlot.values()) {
            List<SwarmTask> wanted = slot.stream().filter(SwarmTask::wanted).toList();
            if (!wanted.isEmpty()) {
                out.addAll(wanted); // during a start-first update two tasks share a slot
            } else if (service.mode() == SwarmService.Mode.REPLICATED && slot.get(0).slot() <= service.desired()
                    && !slot.get(0).error().isEmpty()) {
                out.add(slot.get(0));
            }
        }
        return out;
    }

    public SwarmService service(String idOrName) {
        for (SwarmService s : services) {
            if (s.id().equals(idOrName) || s.name().equals(idOrName)) {
                return s;
            }
        }
        return null;
    }
}
