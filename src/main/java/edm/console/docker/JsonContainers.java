package edm.console.docker;

import static edm.console.docker.EngineJson.bool;
import static edm.console.docker.EngineJson.list;
import static edm.console.docker.EngineJson.num;
import static edm.console.docker.EngineJson.obj;
import static edm.console.docker.EngineJson.object;
import static edm.console.docker.EngineJson.str;

import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.EngineEvent;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.core.Secrets;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's JSON answers (as {@link EngineJson} reads them) → the console's records, field by field as
 * {@link ContainerMapper} maps docker-java's model of the same answers (the IT compares both on real containers).
 */
final class JsonContainers {
    private JsonContainers() {
    }

    /** The rows of a GET /containers/json answer. */
    static List<ContainerInfo> containers(Object json) throws IOException {
        if (!(json instanceof List<?> all)) {
            throw new IOException("list containers: not a list");
        }
        List<ContainerInfo> out = new ArrayList<>(all.size());
        for (Object o : all) {
            out.add(row(object(o)));
        }
        return out;
    }

    /** The image id of each listed row, by container id (for the names of containers created by id). */
    static Map<String, String> imageIds(Object json) {
        Map<String, String> out = new HashMap<>();
        if (json instanceof List<?> all) {
            for (Object o : all) {
                if (o instanceof Map<?, ?> c && str(c, "Id") != null) {
                    out.put(str(c, "Id"), str(c, "ImageID"));
                }
            }
        }
        return out;
    }

    private static ContainerInfo row(Map<?, ?> c) throws IOException {
        List<PortMapping> ports = new ArrayList<>();
        List<?> raw = list(c, "Ports");
        if (raw != null) {
            for (Object po : raw) {
                Map<?, ?> p = object(po);
                String ip = str(p, "IP");
                Long pub = num(p, "PublicPort");
                Long priv = num(p, "PrivatePort");
                String type = str(p, "Type");
                ports.add(new PortMapping(ip == null ? "" : ip, pub == null ? 0 : pub.intValue(), priv == null ? 0 : priv.intValue(),
                        type == null ? "tcp" : type));
            }
        }
        return ContainerRows.listed(str(c, "Id"), EngineJson.stringArray(c, "Names"), str(c, "Image"), str(c, "State"),
                str(c, "Status"), num(c, "Created"), ports, EngineJson.strings(c, "Labels"));
    }

    /** GET /containers/{id}/json → the detail view's record (image as configured: the caller makes it readable). */
    static ContainerDetail detail(Map<?, ?> r) {
        Map<?, ?> s = r.get("State") instanceof Map<?, ?> m ? m : null;
        Map<?, ?> cfg = obj(r, "Config");
        Map<?, ?> health = s == null ? null : s.get("Health") instanceof Map<?, ?> h ? h : null;
        HealthStatus healthStatus = health == null ? HealthStatus.NONE : HealthStatus.parse(str(health, "Status"));
        ContainerStatus status = s == null ? ContainerStatus.UNKNOWN : ContainerStatus.parse(str(s, "Status"));
        String image = str(cfg, "Image") == null ? "" : str(cfg, "Image");
        Map<String, String> labels = EngineJson.strings(cfg, "Labels");
        ContainerInfo summary = new ContainerInfo(str(r, "Id"), ContainerRows.stripSlash(str(r, "Name")), image, status, healthStatus,
                ContainerRows.parseTime(str(r, "Created")), s == null ? null : ContainerRows.parseTime(str(s, "StartedAt")),
                restarts(r), ports(r), labels == null ? Map.of() : labels);

        List<ContainerDetail.NetworkAttachment> networks = new ArrayList<>();
        obj(obj(r, "NetworkSettings"), "Networks").forEach((name, value) -> {
            Map<?, ?> n = value instanceof Map<?, ?> m ? m : Map.of();
            String ip = str(n, "IPAddress");
            String[] aliases = EngineJson.stringArray(n, "Aliases");
            networks.add(new ContainerDetail.NetworkAttachment(EngineJson.text(name), ip == null ? "" : ip,
                    aliases == null ? List.of() : List.of(aliases)));
        });
        List<String> mounts = new ArrayList<>();
        List<?> rawMounts = list(r, "Mounts");
        if (rawMounts != null) {
            for (Object o : rawMounts) {
                Map<?, ?> m = o instanceof Map<?, ?> mm ? mm : Map.of();
                mounts.add(ContainerRows.mount(str(m, "Source"), str(m, "Name"), str(m, "Destination"), bool(m, "RW")));
            }
        }
        String[] rawEnv = EngineJson.stringArray(cfg, "Env");
        List<String> env = rawEnv == null ? List.of() : Arrays.stream(rawEnv).map(Secrets::maskEnvEntry).toList();
        List<ContainerDetail.HealthCheckResult> log = new ArrayList<>();
        int failing = 0;
        if (health != null) {
            failing = num(health, "FailingStreak") == null ? 0 : num(health, "FailingStreak").intValue();
            List<?> entries = list(health, "Log");
            if (entries != null) {
                for (Object o : entries) {
                    Map<?, ?> l = o instanceof Map<?, ?> mm ? mm : Map.of();
                    String output = str(l, "Output");
                    log.add(new ContainerDetail.HealthCheckResult(ContainerRows.parseTime(str(l, "Start")),
                            ContainerRows.parseTime(str(l, "End")),
                            num(l, "ExitCode") == null ? -1 : num(l, "ExitCode").intValue(),
                            Secrets.maskUrlPasswords(output == null ? "" : output.strip())));
                }
            }
        }
        Map<?, ?> restart = obj(obj(r, "HostConfig"), "RestartPolicy");
        Long max = num(restart, "MaximumRetryCount");
        String policy = ContainerRows.restartPolicy(str(restart, "Name"), max == null ? null : max.intValue());
        String[] args = EngineJson.stringArray(r, "Args");
        String imageId = str(r, "Image");
        return new ContainerDetail(summary, imageId == null ? "" : imageId,
                ContainerRows.command(str(r, "Path"), args == null ? null : List.of(args)), policy,
                networks, mounts, env, failing, log, pid(r), s != null && Boolean.TRUE.equals(bool(s, "OOMKilled")),
                s == null || num(s, "ExitCode") == null ? 0 : num(s, "ExitCode").intValue(),
                s == null ? null : ContainerRows.parseTime(str(s, "FinishedAt")),
                Boolean.TRUE.equals(bool(obj(r, "HostConfig"), "Privileged")));
    }

    /** What only inspect knows, onto a listed row: health, start time and restart count. */
    static ContainerGateway.Inspected inspected(ContainerInfo listed, Map<?, ?> r) {
        Map<?, ?> s = r.get("State") instanceof Map<?, ?> m ? m : null;
        Map<?, ?> health = s == null ? null : s.get("Health") instanceof Map<?, ?> h ? h : null;
        HealthStatus hs = health == null ? HealthStatus.NONE : HealthStatus.parse(str(health, "Status"));
        Instant started = s == null ? null : ContainerRows.parseTime(str(s, "StartedAt"));
        return new ContainerGateway.Inspected(listed.withHealthAndRestarts(hs, started, restarts(r)), pid(r));
    }

    /** A container found by name: id, running, start time as the engine wrote it. */
    static ContainerGateway.NamedContainer named(Map<?, ?> r) {
        Map<?, ?> s = r.get("State") instanceof Map<?, ?> m ? m : null;
        String started = s == null || str(s, "StartedAt") == null ? "" : str(s, "StartedAt");
        return new ContainerGateway.NamedContainer(str(r, "Id"), s != null && Boolean.TRUE.equals(bool(s, "Running")), started);
    }

    /** The container's name without the leading slash; null when the answer has none. */
    static String name(Map<?, ?> r) {
        String n = str(r, "Name");
        return n == null ? null : ContainerRows.stripSlash(n);
    }

    /** Whether the container runs with a terminal (then its logs are one raw stream, not multiplexed frames). */
    static boolean tty(Map<?, ?> r) {
        return Boolean.TRUE.equals(bool(obj(r, "Config"), "Tty"));
    }

    private static int restarts(Map<?, ?> r) {
        Long n = num(r, "RestartCount");
        return n == null ? -1 : n.intValue();
    }

    private static int pid(Map<?, ?> r) {
        Long p = num(obj(r, "State"), "Pid");
        return p == null ? 0 : p.intValue();
    }

    private static List<PortMapping> ports(Map<?, ?> r) {
        List<PortMapping> out = new ArrayList<>();
        Map<?, ?> ports = obj(obj(r, "NetworkSettings"), "Ports");
        for (Map.Entry<?, ?> e : ports.entrySet()) {
            // "8080/tcp": [{"HostIp": "0.0.0.0", "HostPort": "18080"}, ...] or null when not published
            String spec = EngineJson.text(e.getKey());
            int slash = spec.indexOf('/');
            int port = ContainerRows.parsePort(slash < 0 ? spec : spec.substring(0, slash));
            String proto = slash < 0 ? "tcp" : spec.substring(slash + 1);
            List<String[]> bindings = new ArrayList<>();
            if (e.getValue() instanceof List<?> l) {
                for (Object o : l) {
                    Map<?, ?> b = o instanceof Map<?, ?> m ? m : Map.of();
                    bindings.add(new String[] {str(b, "HostIp"), str(b, "HostPort")});
                }
            }
            ContainerRows.addBindings(out, port, proto, bindings);
        }
        out.sort(ContainerRows.PORT_ORDER);
        return out;
    }

    /** GET /containers/{id}/stats?stream=false → the raw counters. */
    static CpuMemorySample sample(Map<?, ?> s) {
        Map<?, ?> cpu = obj(s, "cpu_stats");
        Map<?, ?> pre = obj(s, "precpu_stats");
        Map<?, ?> mem = obj(s, "memory_stats");
        Long cpus = num(cpu, "online_cpus");
        long used = orZero(num(mem, "usage"));
        // Like `docker stats`: page cache is not "used" memory.
        Map<?, ?> stats = mem.get("stats") instanceof Map<?, ?> m ? m : null;
        if (stats != null) {
            Long cache = num(stats, "total_inactive_file");
            if (cache == null) {
                cache = num(stats, "inactive_file");
            }
            if (cache != null && cache < used) {
                used -= cache;
            }
        }
        return new CpuMemorySample(orZero(num(obj(cpu, "cpu_usage"), "total_usage")), orZero(num(cpu, "system_cpu_usage")),
                Math.max(1, cpus == null ? 1 : cpus.intValue()), orZero(num(obj(pre, "cpu_usage"), "total_usage")),
                orZero(num(pre, "system_cpu_usage")), used, orZero(num(mem, "limit")), Instant.now());
    }

    /** One object of the /events stream; null for anything but a container event. */
    static EngineEvent event(Map<?, ?> e) {
        if (!"container".equals(str(e, "Type"))) {
            return null;
        }
        Map<?, ?> actor = obj(e, "Actor");
        Map<String, String> attrs = EngineJson.strings(actor, "Attributes");
        Long nanos = num(e, "timeNano");
        Long secs = num(e, "time");
        Instant t = nanos != null ? Instant.ofEpochSecond(0, nanos) : Instant.ofEpochSecond(secs == null ? 0 : secs);
        String id = str(e, "id") != null ? str(e, "id") : str(actor, "ID");
        String action = str(e, "Action") != null ? str(e, "Action") : str(e, "status");
        String name = attrs == null ? null : attrs.get("name");
        return new EngineEvent(t, id, name == null ? "" : name, action);
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }
}
