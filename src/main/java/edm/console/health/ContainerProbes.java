package edm.console.health;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack's containers as probes: present and running, their own healthcheck, restart loops
 * (restart count rising by {@link #LOOP_RESTARTS} or more within {@link #LOOP_WINDOW}) and OOM kills
 * (reported by the engine's "oom" events). Keeps the restart history between calls, so one instance
 * is used for the life of the console.
 */
public final class ContainerProbes {
    static final Duration LOOP_WINDOW = Duration.ofMinutes(10);
    static final int LOOP_RESTARTS = 3;

    private final Map<String, Deque<Sample>> restarts = new HashMap<>();
    private final Set<String> oomKilled = new HashSet<>();

    private record Sample(Instant at, int count) {
    }

    /** Records an OOM kill seen on the event stream (by container name); it stays until the container restarts. */
    public synchronized void oomKilled(String containerName) {
        oomKilled.add(containerName);
    }

    /** The engine itself as a probe: critical when it cannot be reached or does not answer. */
    public static ProbeResult engine(EngineStatus e, Instant now) {
        String why = e.notAnswering() ? HealthText.t("health.engine.notAnswering", e.silentSeconds(now)) : e.error();
        return new ProbeResult("docker", "docker", e.endpoint(), e.connected() ? ProbeStatus.OK : ProbeStatus.CRITICAL, "",
                Duration.ZERO, now, e.connected() ? "" : why, Map.of("up", e.connected() ? 1.0 : 0.0));
    }

    public synchronized List<ProbeResult> evaluate(ContainersSnapshot snap, List<String> stackNames, Instant now) {
        List<ProbeResult> out = new ArrayList<>();
        if (!snap.engine().connected()) {
            // What the engine said last is not what it is now: every state it could not tell is unknown.
            String why = snap.engine().notAnswering()
                    ? HealthText.t("health.container.engineSilent", snap.engine().silentSeconds(now))
                    : HealthText.t("health.container.engineDown", snap.engine().error());
            for (String name : stackNames) {
                out.add(result(name, ProbeStatus.UNKNOWN, "", why, Map.of(), now));
            }
            return out;
        }
        for (String name : stackNames) {
            ContainerInfo c = snap.containers().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (c == null) {
                out.add(result(name, ProbeStatus.CRITICAL, HealthText.t("health.container.missing"),
                        HealthText.t("health.container.missingDetail", name), Map.of("up", 0.0), now));
                continue;
            }
            out.add(evaluate(c, now));
        }
        return out;
    }

    private ProbeResult evaluate(ContainerInfo c, Instant now) {
        Map<String, Double> m = new HashMap<>();
        boolean running = c.status() == ContainerStatus.RUNNING;
        m.put("up", running && c.health() != HealthStatus.UNHEALTHY ? 1.0 : 0.0);
        m.put("restarts", (double) Math.max(0, c.restartCount()));
        int recent = recentRestarts(c, now);
        m.put("recentRestarts", (double) recent);
        String value = HealthText.t("common.status." + c.status().name())
                + (c.health() == HealthStatus.NONE ? "" : " / " + HealthText.t("common.health." + c.health().name()));
        if (oomKilled.contains(c.name()) && !running) {
            return result(c.name(), ProbeStatus.CRITICAL, value, HealthText.t("health.container.oom"), m, now);
        }
        if (c.status() == ContainerStatus.RESTARTING || recent >= LOOP_RESTARTS) {
            return result(c.name(), ProbeStatus.CRITICAL, value, HealthText.t("health.container.restartLoop", recent,
                    LOOP_WINDOW.toMinutes()), m, now);
        }
        if (!running) {
            return result(c.name(), ProbeStatus.CRITICAL, value, HealthText.t("health.container.notRunning"), m, now);
        }
        if (running) {
            oomKilled.remove(c.name());
        }
        return switch (c.health()) {
            case UNHEALTHY -> result(c.name(), ProbeStatus.CRITICAL, value, HealthText.t("health.container.unhealthy"), m, now);
            case STARTING -> result(c.name(), ProbeStatus.WARNING, value, HealthText.t("health.container.starting"), m, now);
            default -> result(c.name(), recent > 0 ? ProbeStatus.WARNING : ProbeStatus.OK, value,
                    recent > 0 ? HealthText.t("health.container.restarted", recent, LOOP_WINDOW.toMinutes()) : "", m, now);
        };
    }

    /** Restarts within the window, from the history of restart counts seen for this container id. */
    private int recentRestarts(ContainerInfo c, Instant now) {
        if (c.restartCount() < 0) {
            return 0;
        }
        Deque<Sample> h = restarts.computeIfAbsent(c.id(), k -> new ArrayDeque<>());
        if (h.isEmpty() || h.peekLast().count() != c.restartCount()) {
            h.addLast(new Sample(now, c.restartCount()));
        }
        while (h.size() > 1 && h.peekFirst().at().isBefore(now.minus(LOOP_WINDOW))) {
            h.removeFirst();
        }
        return Math.max(0, c.restartCount() - h.peekFirst().count());
    }

    private static ProbeResult result(String name, ProbeStatus s, String value, String error, Map<String, Double> m,
                                      Instant now) {
        return new ProbeResult("container:" + name, "container", name, s, value, Duration.ZERO, now, error, m);
    }
}
