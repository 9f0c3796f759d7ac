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

/**
 * docker-java types → the console's own records, for the endpoints only docker-java serves (TLS); the lean
 * client maps the same JSON in {@link JsonContainers}. Both go through {@link ContainerRows}. Pure: no engine calls.
 */
final class ContainerMapper {
    private ContainerMapper() {
    }

    static ContainerInfo fromList(Container c) {
        List<PortMapping> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                ports.add(toPort(p));
            }
        }
        return ContainerRows.listed(c.getId(), c.getNames(), c.getImage(), c.getState(), c.getStatus(), c.getCreated(), ports, c.getLabels());
    }

    static ContainerDetail toDetail(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState s = r.getState();
        ContainerConfig cfg = r.getConfig();
        HealthStatus health = s == null || s.getHealth() == null ? HealthStatus.NONE : HealthStatus.parse(s.getHealth().getStatus());
        ContainerStatus status = s == null ? ContainerStatus.UNKNOWN : ContainerStatus.parse(s.getStatus());
        String image = cfg == null || cfg.getImage() == null ? "" : cfg.getImage();
        ContainerInfo summary = new ContainerInfo(r.getId(), ContainerRows.stripSlash(r.getName()), image, status, health,
                ContainerRows.parseTime(r.getCreated()), s == null ? null : ContainerRows.parseTime(s.getStartedAt()),
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
                mounts.add(ContainerRows.mount(m.getSource(), m.getName(),
                        m.getDestination() == null ? null : m.getDestination().getPath(), m.getRW()));
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
                    log.add(new ContainerDetail.HealthCheckResult(ContainerRows.parseTime(l.getStart()), ContainerRows.parseTime(l.getEnd()),
                            l.getExitCode() == null ? -1 : l.getExitCode(),
                            Secrets.maskUrlPasswords(l.getOutput() == null ? "" : l.getOutput().strip())));
                }
            }
        }
        var restart = r.getHostConfig() == null ? null : r.getHostConfig().getRestartPolicy();
        String policy = restart == null ? "no" : ContainerRows.restartPolicy(restart.getName(), restart.getMaximumRetryCount());
        return new ContainerDetail(summary, r.getImageId() == null ? "" : r.getImageId(), command(r), policy,
                networks, mounts, env, failing, log,
                s == null || s.getPid() == null ? 0 : s.getPid(),
                s != null && Boolean.TRUE.equals(s.getOOMKilled()),
                s == null || s.getExitCode() == null ? 0 : s.getExitCode(),
                s == null ? null : ContainerRows.parseTime(s.getFinishedAt()),
                r.getHostConfig() != null && Boolean.TRUE.equals(r.getHostConfig().getPrivileged()));
    }

    private static String command(InspectContainerResponse r) {
        return ContainerRows.command(r.getPath(), r.getArgs() == null ? null : Arrays.asList(r.getArgs()));
    }

    private static List<PortMapping> ports(InspectContainerResponse r) {
        List<PortMapping> out = new ArrayList<>();
        if (r.getNetworkSettings() == null || r.getNetworkSettings().getPorts() == null) {
            return out;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : r.getNetworkSettings().getPorts().getBindings().entrySet()) {
            ExposedPort ep = e.getKey();
            List<String[]> bindings = new ArrayList<>();
            if (e.getValue() != null) {
                for (Ports.Binding b : e.getValue()) {
                    bindings.add(new String[] {b.getHostIp(), b.getHostPortSpec()});
                }
            }
            ContainerRows.addBindings(out, ep.getPort(), ep.getProtocol() == null ? null : ep.getProtocol().toString(), bindings);
        }
        out.sort(ContainerRows.PORT_ORDER);
        return out;
    }

    static PortMapping toPort(ContainerPort p) {
        return new PortMapping(p.getIp() == null ? "" : p.getIp(),
                p.getPublicPort() == null ? 0 : p.getPublicPort(),
                p.getPrivatePort() == null ? 0 : p.getPrivatePort(),
                p.getType() == null ? "tcp" : p.getType());
    }
}
