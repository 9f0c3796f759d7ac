package edm.console.live;

import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStats;
import edm.console.docker.CgroupStats;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * CPU and memory of the containers someone looks at: the rows on screen and the EDM stack (its figures
 * feed the alerts), never every container on the host. A local engine's containers are read from their
 * cgroups (free for the engine); a remote engine's through its stats API. CPU % needs two readings, so a
 * container read for the first time has no figure yet (the panel shows "–", not a false 0 %) and
 * {@link #sample} says so, for the caller to come back soon.
 */
final class StatsSampler {
    private final ContainerGateway gateway;
    private final CgroupStats cgroups;
    private final Set<String> stackNames;
    private final Clock clock;
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();
    private final Map<String, ContainerStats> stats = new ConcurrentHashMap<>();
    /** Ids of the rows on screen; null until the UI says (then everything is sampled, as a CLI would want). */
    private volatile Set<String> shown;

    StatsSampler(ContainerGateway gateway, CgroupStats cgroups, Collection<String> stackNames, Clock clock) {
        this.gateway = gateway;
        this.cgroups = cgroups;
        this.stackNames = Set.copyOf(stackNames);
        this.clock = clock;
    }

    /** The rows on screen now; true when some of them were not shown before (worth a round at once). */
    boolean show(Collection<String> ids) {
        Set<String> now = Set.copyOf(ids);
        Set<String> before = shown;
        shown = now;
        return before == null ? !now.isEmpty() : !before.containsAll(now);
    }

    /** The running containers to sample: those on screen and the stack's (all of them before the UI says). */
    static List<ContainerInfo> selection(List<ContainerInfo> containers, Set<String> shown, Set<String> stackNames) {
        List<ContainerInfo> out = new ArrayList<>();
        for (ContainerInfo c : containers) {
            if (c.running() && (shown == null || shown.contains(c.id()) || stackNames.contains(c.name()))) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * One round over the selection. Figures of containers no longer selected are dropped (scrolled
     * back into view, a row shows "–" until read again, not an old figure). Returns whether some container
     * was read for the first time and so has no CPU figure yet.
     */
    boolean sample(List<ContainerInfo> containers, Function<String, ContainerGateway.Inspected> inspected,
                   BooleanSupplier closed) {
        List<ContainerInfo> wanted = selection(containers, shown, stackNames);
        Set<String> ids = new HashSet<>();
        wanted.forEach(c -> ids.add(c.id()));
        stats.keySet().retainAll(ids);
        lastSamples.keySet().retainAll(ids);
        boolean firstReadings = false;
        for (ContainerInfo c : wanted) {
            if (closed.getAsBoolean()) {
                return false;
            }
            try {
                firstReadings |= sampleOne(c, inspected.apply(c.id()));
            } catch (RuntimeException e) {
                stats.remove(c.id());
                if (EngineException.notAnswering(e) != null) {
                    // The heartbeat marks the engine silent; asking for the other containers would only wait again.
                    return false;
                }
            }
        }
        return firstReadings;
    }

    /** True when this was the container's first reading (no CPU figure yet). */
    private boolean sampleOne(ContainerInfo c, ContainerGateway.Inspected info) {
        Instant now = clock.now();
        if (cgroups == null) {
            // A remote engine: only its stats API can tell (it waits for its own two readings).
            stats.put(c.id(), gateway.stats(c.id()).toStats(null));
            return false;
        }
        // A local engine: read the cgroup, never the stats API, which makes the engine itself sample the
        // container. Not inspected yet (its main pid unknown): wait for the next round.
        Optional<CgroupStats.Counters> local = info == null ? Optional.empty() : cgroups.read(info.pid());
        if (local.isEmpty()) {
            return false;
        }
        CgroupStats.Counters k = local.get();
        Sample prev = lastSamples.put(c.id(), new Sample(k.cpuNanos(), now));
        if (prev == null || !now.isAfter(prev.at())) {
            return true;
        }
        long wallNanos = Duration.between(prev.at(), now).toNanos();
        double cpu = Math.max(0, 100.0 * (k.cpuNanos() - prev.cpuNanos()) / wallNanos);
        long limit = k.memoryLimit() > 0 ? k.memoryLimit() : HostMemory.totalBytes();
        stats.put(c.id(), new ContainerStats(cpu, k.memoryUsed(), limit, now));
        return false;
    }

    /** Forgets containers that are gone. */
    void retain(Set<String> ids) {
        lastSamples.keySet().retainAll(ids);
        stats.keySet().retainAll(ids);
    }

    /** The figures of the running containers of this list. */
    Map<String, ContainerStats> snapshot(List<ContainerInfo> containers) {
        Map<String, ContainerStats> out = new HashMap<>();
        for (ContainerInfo c : containers) {
            ContainerStats s = stats.get(c.id());
            if (s != null && c.running()) {
                out.put(c.id(), s);
            }
        }
        return out;
    }

    private record Sample(long cpuNanos, Instant at) {
    }
}
