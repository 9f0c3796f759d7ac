package edm.console.ui.panels;

import edm.console.core.ContainerStats;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.swarm.SwarmService;
import edm.console.swarm.SwarmTask;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * A swarm service's and a task's cells in the Containers panel's columns. A service: its name, image:tag,
 * replicas running/desired under STATE, its update state under HEALTH, its published ports. A task, under its
 * service: {@code └ web.1 @node}, its own image, its state, its container's health (unknown on another node),
 * its age in that state, its container's CPU and memory where this engine runs it, and under PORTS (the wide
 * last column) the engine's error when it failed. Names and errors are the engine's, untrusted: the canvas
 * makes them safe, and errors lose line breaks and passwords in URLs.
 */
final class SwarmColumns {
    static final String TASK_MARK = "└ ";

    private SwarmColumns() {
    }

    static String serviceName(SwarmService s) {
        return s.name();
    }

    static String taskName(SwarmTask t, SwarmService s) {
        String name = TASK_MARK + t.displayName(s.name());
        return t.slot() > 0 && !t.node().isEmpty() ? name + " @" + t.node() : name;
    }

    static StyledText service(ContainerColumns col, SwarmService s, Messages m, Format f) {
        return switch (col) {
            case NAME -> StyledText.of(serviceName(s), Style.ACCENT);
            case IMAGE -> StyledText.of(s.imageRef(), "latest".equals(s.tag()) ? Style.WARNING : Style.NORMAL);
            case STATE -> StyledText.of(s.replicas(), replicasStyle(s));
            case HEALTH -> s.updateState().isEmpty() ? StyledText.of(f.none(), Style.MUTED)
                    : StyledText.of(updateState(s.updateState(), m), updateStyle(s.updateState()));
            case PORTS -> StyledText.of(s.ports().stream().filter(PortMapping::published).map(PortMapping::display)
                    .collect(Collectors.joining(",")), Style.MUTED);
            default -> StyledText.of("", Style.MUTED);
        };
    }

    static StyledText task(ContainerColumns col, SwarmTask t, SwarmService s, ContainerStats stats, Instant now, Messages m,
                           Format f) {
        return switch (col) {
            case NAME -> StyledText.of(taskName(t, s), t.wanted() ? Style.NORMAL : Style.MUTED);
            case IMAGE -> StyledText.of(t.image().equals(s.imageRef()) ? "" : t.image(), Style.MUTED);
            case STATE -> StyledText.of(taskState(t.state(), m), taskStyle(t));
            case HEALTH -> t.health() == null ? StyledText.of(m.get("swarm.health.unknown"), Style.MUTED)
                    : StyledText.of(t.health() == HealthStatus.NONE ? f.none() : f.health(t.health()),
                    ContainerColumns.healthStyle(t.health()));
            case UPTIME -> StyledText.of(f.uptime(t.updatedAt(), now), Style.MUTED);
            case CPU -> stats == null ? StyledText.of("", Style.MUTED)
                    : StyledText.of(f.percent(stats.cpuPercent()), stats.cpuPercent() >= 90 ? Style.WARNING : Style.NORMAL);
            case MEMORY -> stats == null ? StyledText.of("", Style.MUTED) : StyledText.of(f.bytes(stats.memoryUsedBytes()), Style.NORMAL);
            case PORTS -> t.error().isEmpty() ? StyledText.of("", Style.MUTED) : StyledText.of(t.errorCause(), Style.CRITICAL);
            default -> StyledText.of("", Style.MUTED);
        };
    }

    /** The engine's text on one line (an error may hold line breaks), passwords in URLs masked. */
    static String oneLine(String s) {
        return SwarmTask.oneLine(s);
    }

    /** All running: fine; some: degraded; none of some wanted: down. */
    static Style replicasStyle(SwarmService s) {
        if (s.desired() == 0) {
            return Style.MUTED;
        }
        if (s.converged()) {
            return Style.OK;
        }
        return s.running() <= 0 ? Style.CRITICAL : Style.WARNING;
    }

    static String updateState(String state, Messages m) {
        String key = "swarm.update." + state;
        return m.has(key) ? m.get(key) : state;
    }

    static Style updateStyle(String state) {
        return switch (state) {
            case "completed" -> Style.OK;
            case "paused", "rollback_paused" -> Style.CRITICAL;
            default -> Style.WARNING; // updating, rolling back, rolled back: worth a look
        };
    }

    static String taskState(String state, Messages m) {
        String key = "swarm.task." + state;
        return m.has(key) ? m.get(key) : state;
    }

    static Style taskStyle(SwarmTask t) {
        return switch (t.state()) {
            case "running" -> t.wanted() ? Style.OK : Style.WARNING;
            case "failed", "rejected", "orphaned" -> Style.CRITICAL;
            case "complete", "shutdown", "remove" -> Style.MUTED;
            default -> Style.WARNING; // on its way: new, pending, assigned, accepted, preparing, ready, starting
        };
    }
}
