package edm.console.docker;

import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.core.Secrets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** docker-java types → the console's own records. Pure: no engine calls. */
final class ContainerMapper {
    private ContainerMapper() {
    }

    static ContainerInfo fromList(Container c) {
        List<PortMapping> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                ports.add(ContainerGateway.toPort(p));
            }
        }
        return listed(c.getId(), c.getNames(), c.getImage(), c.getState(), c.getStatus(), c.getCreated(), ports, c.getLabels());
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

    static ContainerDetail toDetail(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState s = r.getState();
        ContainerConfig cfg = r.getConfig();
        HealthStatus health = s == null || s.getHealth() == null ? HealthStatus.NONE : HealthStatus.parse(s.getHealth().getStatus());
        ContainerStatus status = s == null ? ContainerStatus.UNKNOWN : ContainerStatus.parse(s.getStatus());
        String image = cfg == null || cfg.getImage() == null ? "" : cfg.getImage();
        ContainerInfo summary = new ContainerInfo(r.getId(), stripSlash(r.getName()), image, status, health,
                parseTime(r.getCreated()), s == null ? null : parseTime(s.getStartedAt()),
                r.getRestartCount() == null ? -1 : r.getRestartCount(), ports(r),
                cfg == null || cfg.getLabels() == null ? Map.of() : cfg.getLabels());

        List<ContainerDetail.NetworkAttachment> networks = new ArrayList<>();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getNetworks() != null) {
            for (Map.Entry<String, ContainerNetwork> e : r.getNetworkSettings().getNetworks().entrySet()) {
                ContainerNetwork n = e.getValue();
                networks.add(new ContainerDetail.NetworkAttachment(e.getKey(),
                        n.getIpAddress() == null ? "" : n.getIpAddress(),
                        n.getAliases() == null ? List.of() : n.getAliases()));
            }
        }
        List<String> mounts = new ArrayList<>();
        if (r.getMounts() != null) {
            for (InspectContainerResponse.Mount m : r.getMounts()) {
                String dest = m.getDestination() == null ? "?" : m.getDestination().getPath();
                String src = m.getSource() != null && !m.getSource().isEmpty() ? m.getSource() : m.getName();
                mounts.add(src + " -> " + dest + (Boolean.FALSE.equals(m.getRW()) ? " (ro)" : ""));
            }
        }
        List<String> env = cfg == null || cfg.getEnv() == null ? List.of()
                : Arrays.stream(cfg.getEnv()).map(Secrets::maskEnvEntry).toList();
        List<ContainerDetail.HealthCheckResult> log = new ArrayList<>();
        int failing = 0;
        if (s != null && s.getHealth() != null) {
            failing = s.getHealth().getFailingStreak() == null ? 0 : s.getHealth().getFailingStreak();
            if (s.getHealth().getLog() != null) {
                for (HealthStateLog l : s.getHealth().getLog()) {
                    log.add(new ContainerDetail.HealthCheckResult(parseTime(l.getStart()), parseTime(l.getEnd()),
                            l.getExitCode() == null ? -1 : l.getExitCode(),
                            Secrets.maskUrlPasswords(l.getOutput() == null ? "" : l.getOutput().strip())));
                }
            }
        }
        String policy = "no";
        if (r.getHostConfig() != null && r.getHostConfig().getRestartPolicy() != null
                && r.getHostConfig().getRestartPolicy().getName() != null
                && !r.getHostConfig().getRestartPolicy().getName().isEmpty()) {
            policy = r.getHostConfig().getRestartPolicy().getName();
            Integer max = r.getHostConfig().getRestartPolicy().getMaximumRetryCount();
            if ("on-failure".equals(policy) && max != null && max > 0) {
                policy += ":" + max;
            }
        }
        return new ContainerDetail(summary, r.getImageId() == null ? "" : r.getImageId(), command(r), policy,
                networks, mounts, env, failing, log,
                s == null || s.getPid() == null ? 0 : s.getPid(),
                s != null && Boolean.TRUE.equals(s.getOOMKilled()),
                s == null || s.getExitCode() == null ? 0 : s.getExitCode(),
                s == null ? null : parseTime(s.getFinishedAt()));
    }

    private static String command(InspectContainerResponse r) {
        StringBuilder b = new StringBuilder();
        if (r.getPath() != null) {
            b.append(r.getPath());
        }
        if (r.getArgs() != null) {
            for (String a : r.getArgs()) {
                b.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
            }
        }
        return Secrets.maskUrlPasswords(b.toString());
    }

    private static List<PortMapping> ports(InspectContainerResponse r) {
        List<PortMapping> out = new ArrayList<>();
        if (r.getNetworkSettings() == null || r.getNetworkSettings().getPorts() == null) {
            return out;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : r.getNetworkSettings().getPorts().getBindings().entrySet()) {
            ExposedPort ep = e.getKey();
            String proto = ep.getProtocol() == null ? "tcp" : ep.getProtocol().toString();
            if (e.getValue() == null || e.getValue().length == 0) {
                out.add(new PortMapping("", 0, ep.getPort(), proto));
                continue;
            }
            Set<Integer> seenHostPorts = new LinkedHashSet<>();
            for (Ports.Binding b : e.getValue()) {
                int hostPort = parsePort(b.getHostPortSpec());
                if (seenHostPorts.add(hostPort)) {
                    String ip = b.getHostIp() == null || b.getHostIp().contains(":") ? "" : b.getHostIp();
                    out.add(new PortMapping(ip, hostPort, ep.getPort(), proto));
                }
            }
        }
        out.sort(Comparator.comparingInt(PortMapping::containerPort));
        return out;
    }

    private static int parsePort(String spec) {
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

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
