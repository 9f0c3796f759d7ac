package edm.console.docker;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.core.Secrets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's raw fields → the console's records, whoever parsed them (the lean client's JSON or docker-java's
 * model): the one place where what the console shows is decided. Pure, and free of docker-java, so that the
 * read path loads none of it.
 */
final class ContainerRows {
    /** Ports in the order the screen lists them. */
    static final Comparator<PortMapping> PORT_ORDER = Comparator.comparingInt(PortMapping::containerPort)
            .thenComparing(PortMapping::protocol).thenComparingInt(PortMapping::hostPort);

    private ContainerRows() {
    }

    /** One row of GET /containers/json, from its raw fields (any may be null), whoever parsed them. */
    static ContainerInfo listed(String id, String[] names, String image, String state, String statusText, Long created,
                                List<PortMapping> rawPorts, Map<String, String> labels) {
        String name = names == null || names.length == 0 ? id : stripSlash(names[0]);
        List<PortMapping> ports = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PortMapping m : rawPorts) {
            // The engine lists IPv4 and IPv6 bindings separately; one row is enough.
            String key = m.hostPort() + "/" + m.containerPort() + "/" + m.protocol();
            if (!m.hostIp().contains(":") && seen.add(key)) {
                ports.add(m);
            } else if (m.hostIp().contains(":") && seen.add(key)) {
                ports.add(new PortMapping("", m.hostPort(), m.containerPort(), m.protocol()));
            }
        }
        ports.sort(Comparator.comparingInt(PortMapping::containerPort).thenComparingInt(PortMapping::hostPort));
        return new ContainerInfo(id, name, image == null ? "" : image, ContainerStatus.parse(state),
                healthFromStatusText(statusText), created == null ? null : Instant.ofEpochSecond(created), null, -1, ports,
                labels == null ? Map.of() : labels);
    }

    /** `docker ps` status text ends with "(healthy)", "(unhealthy)" or "(health: starting)". */
    static HealthStatus healthFromStatusText(String status) {
        if (status == null) {
            return HealthStatus.NONE;
        }
        if (status.contains("(unhealthy)")) {
            return HealthStatus.UNHEALTHY;
        }
        if (status.contains("(healthy)")) {
            return HealthStatus.HEALTHY;
        }
        if (status.contains("health: starting")) {
            return HealthStatus.STARTING;
        }
        return HealthStatus.NONE;
    }

    /** A mount as the detail view lists it: source (or the volume's name) -> destination, "(ro)" when read-only. */
    static String mount(String source, String name, String destination, Boolean rw) {
        String dest = destination == null ? "?" : destination;
        String src = source != null && !source.isEmpty() ? source : name;
        return src + " -> " + dest + (Boolean.FALSE.equals(rw) ? " (ro)" : "");
    }

    /** The restart policy as `docker inspect` users know it: "no", "always", "on-failure:5". */
    static String restartPolicy(String name, Integer maxRetries) {
        if (name == null || name.isEmpty()) {
            return "no";
        }
        return "on-failure".equals(name) && maxRetries != null && maxRetries > 0 ? name + ":" + maxRetries : name;
    }

    /** The command line of path + args, quoted where an argument has a space, passwords in URLs masked. */
    static String command(String path, List<String> args) {
        StringBuilder b = new StringBuilder();
        if (path != null) {
            b.append(path);
        }
        if (args != null) {
            for (String a : args) {
                b.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
            }
        }
        return Secrets.maskUrlPasswords(b.toString());
    }

    /** The bindings of one exposed port; none: the port is exposed but not published. */
    static void addBindings(List<PortMapping> out, int containerPort, String protocol, List<String[]> hostIpAndPort) {
        String proto = protocol == null ? "tcp" : protocol;
        if (hostIpAndPort == null || hostIpAndPort.isEmpty()) {
            out.add(new PortMapping("", 0, containerPort, proto));
            return;
        }
        Set<Integer> seenHostPorts = new LinkedHashSet<>();
        for (String[] b : hostIpAndPort) {
            int hostPort = parsePort(b[1]);
            if (seenHostPorts.add(hostPort)) {
                String ip = b[0] == null || b[0].contains(":") ? "" : b[0];
                out.add(new PortMapping(ip, hostPort, containerPort, proto));
            }
        }
    }

    static int parsePort(String spec) {
        try {
            return spec == null ? 0 : Integer.parseInt(spec.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Docker's RFC 3339 times; the zero time "0001-01-01T00:00:00Z" means never. */
    static Instant parseTime(String t) {
        if (t == null || t.isEmpty() || t.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
