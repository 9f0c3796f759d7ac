package edm.console.workflow;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.PortMapping;
import edm.console.docker.ContainerGateway;
import edm.console.docker.DeployOps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** {@link WorkflowEngine} on the real Docker engine through the console's gateway. */
public final class GatewayEngine implements WorkflowEngine {
    private final ContainerGateway gateway;
    private final DeployOps ops;

    public GatewayEngine(ContainerGateway gateway) {
        this.gateway = gateway;
        this.ops = gateway.deployOps();
    }

    @Override
    public Optional<DeployOps.State> state(String idOrName) {
        return ops.state(idOrName);
    }

    @Override
    public Optional<String> imageId(String ref) {
        return ops.imageId(ref);
    }

    @Override
    public String createLike(String from, String newName, String image) {
        return ops.createLike(from, newName, image);
    }

    @Override
    public String createLike(String from, String newName, String image, boolean hostPorts,
                             UnaryOperator<Map<String, String>> relabel) {
        return ops.createLike(from, newName, image, hostPorts, relabel);
    }

    @Override
    public void relabelStopped(String name, UnaryOperator<Map<String, String>> relabel) {
        ops.relabelStopped(name, relabel);
    }

    @Override
    public void rename(String id, String newName) {
        ops.rename(id, newName);
    }

    @Override
    public void start(String id) {
        gateway.start(id);
    }

    @Override
    public void stop(String id, int graceSeconds) {
        gateway.stop(id, graceSeconds);
    }

    @Override
    public void restart(String id, int graceSeconds) {
        gateway.restart(id, graceSeconds);
    }

    @Override
    public void remove(String id) {
        ops.remove(id);
    }

    @Override
    public List<String> logTail(String id, int lines) {
        return ops.logTail(id, lines);
    }

    @Override
    public Optional<CheckRun> runHealthcheck(String id) {
        Optional<DeployOps.HealthTest> test = ops.healthTest(id);
        if (test.isEmpty()) {
            return Optional.empty();
        }
        BoundedExec.Result r = BoundedExec.run(gateway, id, test.get().argv(), test.get().timeoutSeconds(), "health check");
        return Optional.of(new CheckRun(r.code(), r.lines()));
    }

    @Override
    public String build(Path context, String tag, Consumer<String> output) {
        return ops.build(context.toFile(), tag, output);
    }

    @Override
    public List<String> publishers(String hostPort, String exceptId) {
        int colon = hostPort.lastIndexOf(':');
        String ip = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        List<String> out = new ArrayList<>();
        for (ContainerInfo c : gateway.listContainers()) {
            if (c.id().equals(exceptId) || c.status() != ContainerStatus.RUNNING) {
                continue;
            }
            for (PortMapping p : c.ports()) {
                boolean sameIp = p.hostIp().isEmpty() || p.hostIp().equals("0.0.0.0") || p.hostIp().equals("::") || ip.equals("0.0.0.0")
                        || p.hostIp().equals(ip);
                if (p.hostPort() == port && sameIp) {
                    out.add(c.name());
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public List<String> containerNames() {
        return gateway.listContainers().stream().map(ContainerInfo::name).toList();
    }
}
