package edm.console.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import edm.console.compose.ComposeSync;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.docker.ImageNames;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The sandbox's network and containers on the engine. Touches only objects labelled {@link SandboxSpec#LABEL}. */
final class SandboxStack {
    /** Grace of the stop before a stale container is made again (less than the client's request timeout). */
    static final int RECREATE_STOP_SECONDS = 10;
    /** Bound of a command run in a container (nginx -t, nginx -s reload). */
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(15);
    private final DockerClient client;
    private final SandboxProject project;
    private final Consumer<String> progress;
    /** The project's compose file, so that each container carries the labels docker-compose would give it. */
    private final ComposeSync compose;

    SandboxStack(DockerClient client, SandboxProject project, Consumer<String> progress) {
        this.client = client;
        this.project = project;
        this.progress = progress;
        this.compose = ComposeSync.of(SandboxConfigFile.build(project.dir()), Map.of());
    }

    /** Labels of every sandbox container and the network. */
    Map<String, String> labels(String service) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SandboxSpec.LABEL, "true");
        labels.put(SandboxSpec.LABEL_DIR, project.dir().toString());
        labels.put(SandboxSpec.LABEL_COMPOSE_PROJECT, SandboxSpec.COMPOSE_PROJECT);
        if (service != null) {
            labels.put(SandboxSpec.LABEL_COMPOSE_SERVICE, service);
        }
        return labels;
    }

    Optional<Network> network() {
        return client.listNetworksCmd().withNameFilter(SandboxSpec.NETWORK).exec().stream()
                .filter(n -> SandboxSpec.NETWORK.equals(n.getName())).findFirst();
    }

    /** @return true when the network had to be created */
    boolean ensureNetwork() {
        if (network().isPresent()) {
            return false;
        }
        client.createNetworkCmd().withName(SandboxSpec.NETWORK).withDriver("bridge").withLabels(labels(null)).exec();
        progress.accept(Messages.t("sandbox.progress.networkCreated", SandboxSpec.NETWORK));
        return true;
    }

    /**
     * Creates the container when missing, starts it when stopped; leaves a running one alone, unless it runs
     * an image that is no longer any sandbox tag's (its recipe changed and the image was rebuilt): that one is
     * made again from the current image, so that a changed recipe reaches the running stack. A container a
     * deploy moved to another sandbox version still runs a tagged image and is left alone.
     *
     * @param currentImageIds ids of the images the sandbox tags name now; empty: do not check
     * @return true if changed
     */
    boolean ensureContainer(SandboxService s, SandboxCredentials creds, Set<String> currentImageIds) {
        Optional<InspectContainerResponse> existing = inspect(s.containerName());
        if (existing.isPresent()) {
            InspectContainerResponse c = existing.get();
            Map<String, String> labels = c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels();
            if (!"true".equals(labels.get(SandboxSpec.LABEL))) {
                throw new SandboxException("sandbox.error.foreignContainer", s.containerName());
            }
            String dir = labels.getOrDefault(SandboxSpec.LABEL_DIR, "");
            if (!dir.equals(project.dir().toString())) {
                throw new SandboxException("sandbox.error.otherDir", s.containerName(), dir, project.dir());
            }
            if (!currentImageIds.isEmpty() && c.getImageId() != null && !currentImageIds.contains(c.getImageId())) {
                if (Boolean.TRUE.equals(c.getState().getRunning())) {
                    // A clean stop first: PostgreSQL shuts down without needing crash recovery.
                    client.stopContainerCmd(c.getId()).withTimeout(RECREATE_STOP_SECONDS).exec();
                }
                client.removeContainerCmd(c.getId()).withForce(true).exec();
                create(s, creds);
                progress.accept(Messages.t("sandbox.progress.recreated", s.containerName(), s.image()));
                return true;
            }
            if (Boolean.TRUE.equals(c.getState().getRunning())) {
                return false;
            }
            client.startContainerCmd(c.getId()).exec();
            progress.accept(Messages.t("sandbox.progress.started", s.containerName()));
            return true;
        }
        create(s, creds);
        progress.accept(Messages.t("sandbox.progress.created", s.containerName(), s.image()));
        return true;
    }

    /**
     * The sandbox's labels with compose's own (number, one-off, version and the config hash docker-compose
     * computes for the generated file), so that a {@code docker-compose up -d} in the project dir finds the
     * containers it would have made and changes nothing; without docker-compose, the hash is left out.
     */
    private Map<String, String> composeLabels(SandboxService s) {
        String image = s.image();
        return compose.relabel(s.name(), image, image.substring(image.lastIndexOf(':') + 1), progress).apply(labels(s.name()));
    }

    private void create(SandboxService s, SandboxCredentials creds) {
        ExposedPort port = ExposedPort.tcp(s.containerPort());
        Ports bindings = new Ports();
        bindings.bind(port, Ports.Binding.bindIpAndPort("127.0.0.1", s.hostPort()));
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withNetworkMode(SandboxSpec.NETWORK)
                .withBinds(binds(s));
        String id = client.createContainerCmd(s.image())
                .withName(s.containerName())
                .withHostName(s.name())
                .withLabels(composeLabels(s))
                .withEnv(creds.containerEnv(s.name()))
                .withExposedPorts(port)
                .withHostConfig(host)
                .withAliases(s.name())
                .exec().getId();
        client.startContainerCmd(id).exec();
    }

    /**
     * A bind mount of a sandbox container: a path of the project dir at a path in the container.
     *
     * @param projectPath relative to the project dir
     */
    public record Mount(String projectPath, String containerPath, boolean readOnly) {
    }

    /**
     * Mounts like SPEC-006's /opt/edm: data, logs and nginx's configuration live in the project dir and
     * survive {@code down}. nginx gets its configuration dir (a dir: a file replaced by rename is seen).
     */
    public static List<Mount> mounts(String service) {
        return switch (service) {
            case "postgres" -> List.of(new Mount("data/postgres", "/var/lib/postgresql/data", false));
            case "redis" -> List.of(new Mount("data/redis", "/data", false));
            case "backend" -> List.of(new Mount("logs/backend", "/logs", false), new Mount("data/uploads", "/uploads", false));
            case "nginx" -> List.of(new Mount(SandboxNginx.DIR, SandboxNginx.CONTAINER_DIR, true),
                    new Mount("logs/nginx", "/var/log/nginx", false));
            default -> List.of();
        };
    }

    private List<Bind> binds(SandboxService s) {
        return mounts(s.name()).stream()
                .map(m -> new Bind(project.dir().resolve(m.projectPath()).toString(), new Volume(m.containerPath()),
                        m.readOnly() ? AccessMode.ro : AccessMode.rw))
                .toList();
    }

    /** Whether a container of this name exists and runs. */
    boolean running(String name) {
        return inspect(name).map(c -> Boolean.TRUE.equals(c.getState().getRunning())).orElse(false);
    }

    /** What a command run in a container returned: its exit code (-1: it did not finish in time) and output. */
    record ExecResult(long exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command in a running container as {@code docker exec} does, bounded by {@link #EXEC_TIMEOUT}. */
    ExecResult exec(String container, String... cmd) throws InterruptedException {
        String id = client.execCreateCmd(container).withCmd(cmd).withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder output = new StringBuilder();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame f) {
                synchronized (output) {
                    output.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                }
            }
        };
        try (callback) {
            client.execStartCmd(id).exec(callback);
            if (!callback.awaitCompletion(EXEC_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                return new ExecResult(-1, "timed out after " + EXEC_TIMEOUT.toSeconds() + " s");
            }
        } catch (IOException e) {
            // closing the finished stream: nothing to lose
        }
        Long code = client.inspectExecCmd(id).exec().getExitCodeLong();
        synchronized (output) {
            return new ExecResult(code == null ? -1 : code, output.toString().strip());
        }
    }

    Optional<InspectContainerResponse> inspect(String name) {
        try {
            return Optional.of(client.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** One state per sandbox service, in service order; a container that is not a sandbox one counts as absent. */
    List<SandboxContainerState> states() {
        List<SandboxContainerState> out = new ArrayList<>();
        for (SandboxService s : SandboxSpec.SERVICES) {
            out.add(inspect(s.containerName())
                    .filter(c -> c.getConfig().getLabels() != null && "true".equals(c.getConfig().getLabels().get(SandboxSpec.LABEL)))
                    .map(c -> state(s, c))
                    .orElse(SandboxContainerState.missing(s)));
        }
        return out;
    }

    private SandboxContainerState state(SandboxService s, InspectContainerResponse c) {
        var st = c.getState();
        HealthStatus health = st.getHealth() == null ? HealthStatus.NONE : HealthStatus.parse(st.getHealth().getStatus());
        String lastOutput = "";
        if (st.getHealth() != null && st.getHealth().getLog() != null && !st.getHealth().getLog().isEmpty()) {
            var log = st.getHealth().getLog();
            var last = log.get(log.size() - 1);
            String o = last.getOutput() == null ? "" : last.getOutput().strip().replaceAll("\\s+", " ");
            lastOutput = "exit " + last.getExitCodeLong() + (o.isEmpty() ? "" : ": " + o);
        }
        List<PortMapping> ports = new ArrayList<>();
        Map<ExposedPort, Ports.Binding[]> bound = c.getNetworkSettings() == null || c.getNetworkSettings().getPorts() == null
                ? Map.of() : c.getNetworkSettings().getPorts().getBindings();
        bound.forEach((exposed, bs) -> {
            if (bs == null) {
                ports.add(new PortMapping("", 0, exposed.getPort(), exposed.getProtocol().toString()));
            } else {
                for (Ports.Binding b : bs) {
                    ports.add(new PortMapping(b.getHostIp(), parsePort(b.getHostPortSpec()), exposed.getPort(),
                            exposed.getProtocol().toString()));
                }
            }
        });
        // The tag, also for a container a deploy created by image id.
        String image = ImageNames.readable(client, c.getConfig().getImage() == null ? "" : c.getConfig().getImage(), c.getImageId());
        return new SandboxContainerState(s.name(), s.containerName(), true, image,
                ContainerStatus.parse(st.getStatus()), health, ports, lastOutput);
    }

    private static int parsePort(String spec) {
        try {
            return spec == null ? 0 : Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A container as {@code down} sees it: its name without the slash and its labels. */
    record Found(String name, Map<String, String> labels) {
        String ownerDir() {
            return labels.getOrDefault(SandboxSpec.LABEL_DIR, "");
        }
    }

    /**
     * The first sandbox-named container that belongs to another sandbox project dir than {@code dir}
     * (or records none): {@code down} must not remove a colleague's sandbox because the names are fixed.
     */
    static Optional<Found> ownedElsewhere(List<Found> containers, Path dir) {
        return containers.stream()
                .filter(c -> SandboxSpec.isSandboxContainerName(c.name()))
                .filter(c -> !c.ownerDir().equals(dir.toString()))
                .findFirst();
    }

    /**
     * Removes the containers labelled as sandbox whose names are sandbox names, and the sandbox network.
     * Refuses (removing nothing) when one belongs to another sandbox dir, unless {@code force}.
     *
     * @return the dir whose data and logs the removed containers used
     */
    String removeAll(boolean force) {
        var containers = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxSpec.LABEL, "true")).exec();
        List<Found> found = containers.stream()
                .map(c -> new Found(c.getNames() == null || c.getNames().length == 0 ? "" : c.getNames()[0].replaceFirst("^/", ""),
                        c.getLabels() == null ? Map.of() : c.getLabels()))
                .toList();
        Optional<Found> other = ownedElsewhere(found, project.dir());
        if (other.isPresent()) {
            String otherDir = other.get().ownerDir().isEmpty() ? "?" : other.get().ownerDir();
            if (!force) {
                throw new SandboxException("sandbox.error.downOtherDir", other.get().name(), otherDir, project.dir());
            }
            progress.accept(Messages.t("sandbox.progress.forceOtherDir", otherDir));
        }
        String dataDir = dataDir(other, project.dir());
        for (var c : containers) {
            String name = c.getNames() == null || c.getNames().length == 0 ? "" : c.getNames()[0].replaceFirst("^/", "");
            if (!SandboxSpec.isSandboxContainerName(name)) {
                progress.accept(Messages.t("sandbox.progress.containerForeign", name));
                continue;
            }
            client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            progress.accept(Messages.t("sandbox.progress.removed", name));
        }
        Optional<Network> net = network();
        if (net.isPresent()) {
            Map<String, String> labels = net.get().getLabels() == null ? Map.of() : net.get().getLabels();
            if ("true".equals(labels.get(SandboxSpec.LABEL))) {
                client.removeNetworkCmd(net.get().getId()).exec();
                progress.accept(Messages.t("sandbox.progress.networkRemoved", SandboxSpec.NETWORK));
            } else {
                progress.accept(Messages.t("sandbox.progress.networkForeign", SandboxSpec.NETWORK));
            }
        }
        return dataDir;
    }

    /** Where the data of what {@code down} removed stays: the other sandbox's dir after a forced down of it. */
    static String dataDir(Optional<Found> removedOther, Path own) {
        return removedOther.map(Found::ownerDir).filter(d -> !d.isEmpty()).orElse(own.toString());
    }
}
