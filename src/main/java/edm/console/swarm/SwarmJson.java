package edm.console.swarm;

import static edm.console.docker.EngineJson.list;
import static edm.console.docker.EngineJson.num;
import static edm.console.docker.EngineJson.obj;
import static edm.console.docker.EngineJson.str;

import edm.console.core.ImageRef;
import edm.console.core.PortMapping;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's swarm answers (GET /info, /services, /tasks, /nodes, as {@link edm.console.docker.EngineJson}
 * parses them) → the console's records. Pure: the unit tests feed it answers captured from a real engine.
 */
public final class SwarmJson {
    private SwarmJson() {
    }

    /** GET /info → its Swarm part ({@link SwarmState#INACTIVE} for an engine that says nothing about it). */
    public static SwarmState state(Object info) throws IOException {
        Map<?, ?> swarm = obj(object(info, "info"), "Swarm");
        return new SwarmState(str(swarm, "LocalNodeState"), Boolean.TRUE.equals(swarm.get("ControlAvailable")),
                str(swarm, "NodeID"), str(swarm, "NodeAddr"), str(swarm, "Error"));
    }

    /** GET /services (with or without {@code ?status=true}); counts the engine left out are -1 until {@link #counted}. */
    public static List<SwarmService> services(Object json) throws IOException {
        List<SwarmService> out = new ArrayList<>();
        for (Object o : array(json, "services")) {
            out.add(service(object(o, "service")));
        }
        out.sort(Comparator.comparing(SwarmService::name));
        return out;
    }

    /** One service object (an element of the list, or GET /services/{id}). */
    public static SwarmService service(Map<?, ?> s) {
        Map<?, ?> spec = obj(s, "Spec");
        Map<?, ?> mode = obj(spec, "Mode");
        SwarmService.Mode m = mode.containsKey("Replicated") ? SwarmService.Mode.REPLICATED
                : mode.containsKey("Global") ? SwarmService.Mode.GLOBAL : SwarmService.Mode.UNKNOWN;
        Map<?, ?> status = obj(s, "ServiceStatus");
        int running = status.isEmpty() ? -1 : count(status, "RunningTasks");
        int desired = status.isEmpty() ? -1 : count(status, "DesiredTasks");
        if (desired < 0 && m == SwarmService.Mode.REPLICATED) {
            desired = count(obj(mode, "Replicated"), "Replicas");
        }
        ImageRef image = ImageRef.parse(str(obj(obj(spec, "TaskTemplate"), "ContainerSpec"), "Image"));
        Map<?, ?> update = obj(s, "UpdateStatus");
        Long version = num(obj(s, "Version"), "Index");
        return new SwarmService(text(str(s, "ID")), text(str(spec, "Name")), image.repository(), image.tag(), m, running,
                desired, str(update, "State"), str(update, "Message"), ports(s), version == null ? 0 : version,
                time(str(s, "CreatedAt")), time(str(s, "UpdatedAt")));
    }

    /** The ports the service publishes: the endpoint's (what the swarm bound), else the spec's. */
    static List<PortMapping> ports(Map<?, ?> s) {
        List<?> raw = list(obj(s, "Endpoint"), "Ports");
        if (raw == null) {
            raw = list(obj(obj(s, "Spec"), "EndpointSpec"), "Ports");
        }
        List<PortMapping> out = new ArrayList<>();
        if (raw != null) {
            for (Object o : raw) {
                if (o instanceof Map<?, ?> p) {
                    Long published = num(p, "PublishedPort");
                    Long target = num(p, "TargetPort");
                    String protocol = str(p, "Protocol");
                    out.add(new PortMapping("", published == null ? 0 : published.intValue(), target == null ? 0 : target.intValue(),
                            protocol == null ? "tcp" : protocol));
                }
            }
        }
        out.sort(Comparator.comparingInt(PortMapping::containerPort).thenComparingInt(PortMapping::hostPort));
        return out;
    }

    /** GET /tasks; {@code nodes} names the node ids (empty: ids stand for names). */
    public static List<SwarmTask> tasks(Object json, List<SwarmNode> nodes) throws IOException {
        Map<String, String> hostnames = new HashMap<>();
        nodes.forEach(n -> hostnames.put(n.id(), n.hostname()));
        List<SwarmTask> out = new ArrayList<>();
        for (Object o : array(json, "tasks")) {
            Map<?, ?> t = object(o, "task");
            Map<?, ?> status = obj(t, "Status");
            Long slot = num(t, "Slot");
            String nodeId = str(t, "NodeID");
            String container = str(obj(status, "ContainerStatus"), "ContainerID");
            String image = str(obj(obj(t, "Spec"), "ContainerSpec"), "Image");
            Instant changed = time(str(status, "Timestamp"));
            out.add(new SwarmTask(text(str(t, "ID")), text(str(t, "ServiceID")), slot == null ? 0 : slot.intValue(), nodeId,
                    nodeId == null ? null : hostnames.get(nodeId), image, str(status, "State"), str(t, "DesiredState"), null,
                    str(status, "Err"), str(status, "Message"), container, time(str(t, "CreatedAt")),
                    changed != null ? changed : time(str(t, "UpdatedAt"))));
        }
        return out;
    }

    /** GET /nodes. */
    public static List<SwarmNode> nodes(Object json) throws IOException {
        List<SwarmNode> out = new ArrayList<>();
        for (Object o : array(json, "nodes")) {
            Map<?, ?> n = object(o, "node");
            Map<?, ?> spec = obj(n, "Spec");
            out.add(new SwarmNode(text(str(n, "ID")), text(str(obj(n, "Description"), "Hostname")), text(str(spec, "Role")),
                    text(str(spec, "Availability")), text(str(obj(n, "Status"), "State")),
                    Boolean.TRUE.equals(obj(n, "ManagerStatus").get("Leader"))));
        }
        return out;
    }

    /**
     * Running and desired counts from the tasks where the engine gave none (before API 1.41, or a global
     * service): running = tasks running, desired = tasks the swarm wants (for a global service).
     */
    public static List<SwarmService> counted(List<SwarmService> services, List<SwarmTask> tasks) {
        List<SwarmService> out = new ArrayList<>(services.size());
        for (SwarmService s : services) {
            if (s.running() >= 0 && s.desired() >= 0) {
                out.add(s);
                continue;
            }
            int running = 0;
            int wanted = 0;
            for (SwarmTask t : tasks) {
                if (t.serviceId().equals(s.id())) {
                    running += t.running() && t.wanted() ? 1 : 0;
                    wanted += t.desiredState().equals("running") ? 1 : 0;
                }
            }
            out.add(s.withCounts(s.running() >= 0 ? s.running() : running,
                    s.desired() >= 0 ? s.desired() : s.mode() == SwarmService.Mode.GLOBAL ? wanted : -1));
        }
        return out;
    }

    private static int count(Map<?, ?> m, String key) {
        Long n = num(m, key);
        return n == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, n));
    }

    private static List<?> array(Object json, String what) throws IOException {
        if (json instanceof List<?> l) {
            return l;
        }
        throw new IOException(what + ": not a list");
    }

    private static Map<?, ?> object(Object json, String what) throws IOException {
        if (json instanceof Map<?, ?> m) {
            return m;
        }
        throw new IOException(what + ": not an object");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Docker's RFC 3339 times; the zero time means never. */
    static Instant time(String t) {
        if (t == null || t.isEmpty() || t.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
