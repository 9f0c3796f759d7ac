package edm.console.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The containers panel's data at one moment. containers are in display order; stats is keyed by
 * container id and holds only running containers that have been sampled. When the engine is down,
 * containers holds the last list seen (stale) and engine says why.
 */
public record ContainersSnapshot(EngineStatus engine, List<ContainerInfo> containers,
                                 Map<String, ContainerStats> stats, Instant listedAt) {
    public ContainersSnapshot {
        containers = List.copyOf(containers);
        stats = Map.copyOf(stats);
    }

    public static ContainersSnapshot initial(EngineStatus engine) {
        return new ContainersSnapshot(engine, List.of(), Map.of(), null);
    }
}
