package edm.console.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineEndpoint;
import edm.console.docker.EngineException;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.swarm.SwarmReads;
import edm.console.swarm.SwarmService;
import edm.console.swarm.SwarmTask;
import edm.console.swarm.SwarmView;
import edm.console.text.Align;
import edm.console.text.TerminalSafe;
import edm.console.text.TextTable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The swarm part of {@code status}: when the engine is a swarm manager, its services (image:tag, replicas
 * running/desired, update state, ports) with their tasks under them (node, state, health, age, error), in
 * text and in {@code --json}. Nothing at all for an engine in no swarm; a line saying why when a manager's
 * services cannot be read.
 */
final class SwarmStatus {
    private SwarmStatus() {
    }

    /** The swarm of the engine the containers came from; {@link SwarmView#NONE} when it did not answer or is in none. */
    static SwarmView read(ConsoleConfig config, ContainersSnapshot containers, Clock clock) {
        if (!containers.engine().connected()) {
            return SwarmView.NONE;
        }
        Map<String, HealthStatus> health = new HashMap<>();
        containers.containers().forEach(c -> health.put(c.id(), c.health()));
        try (ContainerGateway gw = new ContainerGateway(EngineEndpoint.resolve(config.docker.endpoint),
                Duration.ofSeconds(config.docker.timeoutSeconds))) {
            return new SwarmReads(gw, clock).read(health);
        } catch (EngineException | EngineEndpoint.ContextException e) {
            return SwarmView.NONE; // the containers were read a moment ago: the engine's state is what status already says
        }
    }

    /** The containers for the containers table: on a manager, tasks' containers are listed under their services instead. */
    static List<ContainerInfo> plainContainers(List<ContainerInfo> all, SwarmView swarm) {
        if (!swarm.manager() || (swarm.services().isEmpty() && swarm.problem().isEmpty())) {
            return all;
        }
        return all.stream().filter(c -> !c.labels().containsKey(SwarmTask.CONTAINER_LABEL)).toList();
    }

    static List<String> lines(SwarmView swarm, Instant now, Format f, int width) {
        List<String> out = new ArrayList<>();
        if (!swarm.manager()) {
            return out;
        }
        if (!swarm.problem().isEmpty()) {
            out.add(Messages.t("status.swarm.problem", clean(swarm.problem())));
            return out;
        }
        out.add(Messages.t("status.swarm.title", swarm.services().size(), swarm.nodes().size()));
        if (swarm.services().isEmpty()) {
            return out;
        }
        TextTable t = new TextTable().column(Messages.t("col.name"), Align.LEFT).column(Messages.t("col.image"), Align.LEFT)
                .column(Messages.t("col.state"), Align.LEFT).column(Messages.t("col.health"), Align.LEFT)
                .column(Messages.t("status.swarm.col.age"), Align.RIGHT).column(Messages.t("status.swarm.col.node"), Align.LEFT)
                .shrinkableColumn(Messages.t("status.swarm.col.portsOrError"), Align.LEFT);
        for (SwarmService s : swarm.services()) {
            t.row(clean(s.name()), clean(s.imageRef()), s.replicas(), s.updateState().isEmpty() ? f.none() : word("swarm.update.", s.updateState()),
                    "", "", s.ports().stream().filter(PortMapping::published).map(PortMapping::display).collect(Collectors.joining(",")));
            for (SwarmTask task : swarm.shownTasks(s)) {
                t.row("  " + clean(task.displayName(s.name())), task.image().equals(s.imageRef()) ? "" : clean(task.image()),
                        word("swarm.task.", task.state()), health(task.health(), f), f.uptime(task.updatedAt(), now),
                        clean(task.node()), clean(task.errorCause()));
            }
        }
        t.lines(width).forEach(out::add);
        return out;
    }

    static void writeJson(JsonGenerator g, SwarmView swarm) throws IOException {
        g.writeObjectFieldStart("swarm");
        g.writeStringField("localNodeState", swarm.state().localNodeState());
        g.writeBooleanField("manager", swarm.manager());
        if (!swarm.problem().isEmpty()) {
            g.writeStringField("problem", swarm.problem());
        }
        g.writeArrayFieldStart("services");
        for (SwarmService s : swarm.services()) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("name", s.name());
            g.writeStringField("image", s.image());
            g.writeStringField("tag", s.tag());
            g.writeStringField("mode", s.mode().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("running", s.running());
            g.writeNumberField("desired", s.desired());
            g.writeStringField("updateState", s.updateState());
            g.writeStringField("updateMessage", s.updateMessage());
            g.writeArrayFieldStart("ports");
            for (PortMapping p : s.ports()) {
                g.writeString(p.display());
            }
            g.writeEndArray();
            g.writeNumberField("version", s.version());
            g.writeArrayFieldStart("tasks");
            for (SwarmTask t : swarm.shownTasks(s)) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("name", t.displayName(s.name()));
                g.writeNumberField("slot", t.slot());
                g.writeStringField("node", t.node());
                g.writeStringField("image", t.image());
                g.writeStringField("state", t.state());
                g.writeStringField("desiredState", t.desiredState());
                g.writeStringField("health", t.health() == null ? "unknown" : t.health().name().toLowerCase(Locale.ROOT));
                g.writeStringField("error", SwarmTask.oneLine(t.error()));
                g.writeStringField("createdAt", t.createdAt() == null ? null : t.createdAt().toString());
                g.writeStringField("updatedAt", t.updatedAt() == null ? null : t.updatedAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String health(HealthStatus h, Format f) {
        return h == null ? Messages.t("swarm.health.unknown") : h == HealthStatus.NONE ? f.none() : f.health(h);
    }

    private static String word(String prefix, String engineWord) {
        String key = prefix + engineWord;
        return Messages.current().has(key) ? Messages.t(key) : clean(engineWord);
    }

    private static String clean(String s) {
        return TerminalSafe.clean(s == null ? "" : s);
    }
}
