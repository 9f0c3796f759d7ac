package edm.console.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The engine operations of deploy, rollback and restart: re-creating a container from another one's
 * configuration with a new image, renaming, removing, inspecting state and images, building. Failures
 * are {@link EngineException}s with one line.
 */
public final class DeployOps {
    private final DockerClient client;
    private final DockerClient streams;

    DeployOps(DockerClient client, DockerClient streams) {
        this.client = client;
        this.streams = streams;
    }

    /** What a workflow needs to know about a container now. */
    public record State(String id, String name, String imageId, String imageRef, boolean running, boolean hasHealthcheck,
                        String health, long exitCode, List<String> healthOutput, List<String> hostPorts) {
    }

    public Optional<State> state(String idOrName) {
        InspectContainerResponse r;
        try {
            r = client.inspectContainerCmd(idOrName).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw EngineException.of("inspect " + idOrName, e);
        }
        var s = r.getState();
        boolean running = s != null && Boolean.TRUE.equals(s.getRunning());
        String health = s == null || s.getHealth() == null ? "" : Objects.toString(s.getHealth().getStatus(), "");
        List<String> out = new ArrayList<>();
        if (s != null && s.getHealth() != null && s.getHealth().getLog() != null) {
            s.getHealth().getLog().forEach(l -> out.add("exit " + l.getExitCodeLong() + ": " + Objects.toString(l.getOutput(), "").trim()));
        }
        ContainerConfig cfg = r.getConfig();
        boolean hc = cfg != null && cfg.getHealthcheck() != null && cfg.getHealthcheck().getTest() != null
                && !cfg.getHealthcheck().getTest().isEmpty() && !"NONE".equals(cfg.getHealthcheck().getTest().get(0));
        String name = r.getName() == null ? idOrName : r.getName().replaceFirst("^/", "");
        long exit = s == null || s.getExitCodeLong() == null ? 0 : s.getExitCodeLong();
        String ref = ImageNames.readable(client, cfg == null || cfg.getImage() == null ? "" : cfg.getImage(), r.getImageId());
        return Optional.of(new State(r.getId(), name, r.getImageId(), ref, running, hc, health, exit, out, hostPorts(r.getHostConfig())));
    }

    /**
     * The command of the container's own health check, as argv (CMD as it is, CMD-SHELL through /bin/sh -c,
     * like the engine runs it), with its timeout in seconds; empty when it has none.
     */
    public Optional<HealthTest> healthTest(String id) {
        InspectContainerResponse r;
        try {
            r = client.inspectContainerCmd(id).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw EngineException.of("inspect " + id, e);
        }
        HealthCheck hc = r.getConfig() == null ? null : r.getConfig().getHealthcheck();
        List<String> test = hc == null || hc.getTest() == null ? List.of() : hc.getTest();
        if (test.size() < 2 || !("CMD".equals(test.get(0)) || "CMD-SHELL".equals(test.get(0)))) {
            return Optional.empty();
        }
        List<String> argv = "CMD".equals(test.get(0)) ? test.subList(1, test.size()) : List.of("/bin/sh", "-c", test.get(1));
        long nanos = hc.getTimeout() == null || hc.getTimeout() <= 0 ? 30_000_000_000L : hc.getTimeout();
        return Optional.of(new HealthTest(List.copyOf(argv), Math.max(1, nanos / 1_000_000_000L)));
    }

    /** A container's health check command and how long the engine lets it run. */
    public record HealthTest(List<String> argv, long timeoutSeconds) {
    }

    private static List<String> hostPorts(HostConfig h) {
        List<String> out = new ArrayList<>();
        if (h == null || h.getPortBindings() == null) {
            return out;
        }
        for (Ports.Binding[] bs : h.getPortBindings().getBindings().values()) {
            if (bs == null) {
                continue;
            }
            for (Ports.Binding b : bs) {
                String ip = b.getHostIp() == null || b.getHostIp().isBlank() ? "0.0.0.0" : b.getHostIp();
                out.add(ip + ":" + b.getHostPortSpec());
            }
        }
        return out;
    }

    /** The image's id (sha256:...), or empty when the engine has no such image. */
    public Optional<String> imageId(String ref) {
        try {
            return Optional.ofNullable(client.inspectImageCmd(ref).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw EngineException.of("inspect image " + ref, e);
        }
    }

    /**
     * Creates (does not start) {@code newName} like container {@code from}: host config (ports, mounts,
     * restart policy, network mode), networks with their aliases, env, labels, command, user and working dir,
     * but with {@code image}. What the old container only inherited from its image (env, labels, command,
     * health check) is left out, so that the new image's own values apply (e.g. its APP_VERSION).
     */
    public String createLike(String from, String newName, String image) {
        return createLike(from, newName, image, true, UnaryOperator.identity());
    }

    /**
     * Like {@link #createLike(String, String, String)}; without {@code hostPorts} the new container publishes
     * nothing on the host (a blue-green deploy starts it beside the old one, which still holds the ports;
     * traffic reaches it through the proxy on the stack network). The labels are made by {@code relabel} from the
     * old container's (compose's, so that a later docker-compose up -d does not re-create it).
     */
    public String createLike(String from, String newName, String image, boolean hostPorts,
                             UnaryOperator<Map<String, String>> relabel) {
        try {
            InspectContainerResponse old = client.inspectContainerCmd(from).exec();
            ContainerConfig oc = old.getConfig();
            ContainerConfig oldImage = imageConfig(old.getImageId());
            HostConfig host = old.getHostConfig();
            if (!hostPorts && host != null) {
                host.withPortBindings(new Ports()).withPublishAllPorts(false);
            }
            CreateContainerCmd cmd = client.createContainerCmd(image).withName(newName).withHostConfig(host);
            cmd.withEnv(minus(oc.getEnv(), oldImage == null ? null : oldImage.getEnv()));
            Map<String, String> labels = new LinkedHashMap<>(oc.getLabels() == null ? Map.of() : oc.getLabels());
            if (oldImage != null && oldImage.getLabels() != null) {
                oldImage.getLabels().forEach((k, v) -> labels.remove(k, v));
            }
            cmd.withLabels(relabel.apply(labels));
            if (oldImage == null || !Arrays.equals(oc.getCmd(), oldImage.getCmd())) {
                cmd.withCmd(oc.getCmd());
            }
            if (oldImage == null || !Arrays.equals(oc.getEntrypoint(), oldImage.getEntrypoint())) {
                cmd.withEntrypoint(oc.getEntrypoint());
            }
            if (oc.getHealthcheck() != null && (oldImage == null || !Objects.equals(oc.getHealthcheck(), oldImage.getHealthcheck()))) {
                cmd.withHealthcheck(oc.getHealthcheck());
            }
            if (oc.getExposedPorts() != null) {
                cmd.withExposedPorts(oc.getExposedPorts());
            }
            if (oc.getHostName() != null && !old.getId().startsWith(oc.getHostName())) {
                cmd.withHostName(oc.getHostName());
            }
            if (oc.getUser() != null && !oc.getUser().isBlank() && (oldImage == null || !oc.getUser().equals(oldImage.getUser()))) {
                cmd.withUser(oc.getUser());
            }
            if (oc.getWorkingDir() != null && !oc.getWorkingDir().isBlank()
                    && (oldImage == null || !oc.getWorkingDir().equals(oldImage.getWorkingDir()))) {
                cmd.withWorkingDir(oc.getWorkingDir());
            }
            Map<String, ContainerNetwork> nets = old.getNetworkSettings() == null || old.getNetworkSettings().getNetworks() == null
                    ? Map.of() : old.getNetworkSettings().getNetworks();
            String mode = old.getHostConfig() == null ? null : old.getHostConfig().getNetworkMode();
            ContainerNetwork primary = mode == null ? null : nets.get(mode);
            if (primary != null) {
                cmd.withAliases(aliases(primary, old.getId()));
            }
            String id = cmd.exec().getId();
            for (Map.Entry<String, ContainerNetwork> n : nets.entrySet()) {
                if (n.getKey().equals(mode)) {
                    continue;
                }
                client.connectToNetworkCmd().withNetworkId(n.getKey()).withContainerId(id)
                        .withContainerNetwork(new ContainerNetwork().withAliases(aliases(n.getValue(), old.getId()))).exec();
            }
            return id;
        } catch (EngineException e) {
            throw e;
        } catch (Exception e) {
            throw EngineException.of("create " + newName + " from " + image, e);
        }
    }

    private ContainerConfig imageConfig(String imageId) {
        try {
            InspectImageResponse i = client.inspectImageCmd(imageId).exec();
            return i.getConfig();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The old container's own aliases; Docker adds its short id, which must not follow to the new one. */
    private static List<String> aliases(ContainerNetwork n, String oldId) {
        List<String> out = new ArrayList<>();
        if (n.getAliases() != null) {
            for (String a : n.getAliases()) {
                if (!oldId.startsWith(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static String[] minus(String[] all, String[] inherited) {
        if (all == null) {
            return new String[0];
        }
        Set<String> drop = inherited == null ? Set.of() : Set.of(inherited);
        return Arrays.stream(all).filter(e -> !drop.contains(e)).toArray(String[]::new);
    }

    /**
     * Gives a stopped container other labels (the engine cannot change labels): a copy with the labels of
     * {@code relabel} replaces it under the same name. Nothing happens when the labels stay the same.
     */
    public void relabelStopped(String name, UnaryOperator<Map<String, String>> relabel) {
        InspectContainerResponse c;
        try {
            c = client.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return;
        } catch (Exception e) {
            throw EngineException.of("inspect " + name, e);
        }
        Map<String, String> labels = c.getConfig() == null || c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels();
        if (relabel.apply(new LinkedHashMap<>(labels)).equals(labels)) {
            return;
        }
        String copy = createLike(c.getId(), name + "-relabelled", c.getImageId(), true, relabel);
        remove(c.getId());
        rename(copy, name);
    }

    public void rename(String id, String newName) {
        try {
            client.renameContainerCmd(id).withName(newName).exec();
        } catch (Exception e) {
            throw EngineException.of("rename " + id + " to " + newName, e);
        }
    }

    public void remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone: that is what was asked
        } catch (Exception e) {
            throw EngineException.of("remove " + id, e);
        }
    }

    /** Last lines of the container's output (stdout and stderr), for failure reports. */
    public List<String> logTail(String id, int lines) {
        List<String> out = new ArrayList<>();
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame f) {
                            out.add(new String(f.getPayload(), StandardCharsets.UTF_8).stripTrailing());
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            out.add("(logs unavailable: " + EngineException.reason(e) + ")");
        }
        return out;
    }

    /** Builds {@code tag} from a context dir with its Dockerfile, streaming the build output line by line. */
    public String build(File context, String tag, Consumer<String> output) {
        try {
            return streams.buildImageCmd(context).withTags(Set.of(tag)).withPull(false)
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null && !item.getStream().isBlank()) {
                                output.accept(item.getStream().stripTrailing());
                            }
                            if (item.getErrorDetail() != null) {
                                output.accept(item.getErrorDetail().getMessage());
                            }
                            super.onNext(item);
                        }
                    }).awaitImageId(30, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw EngineException.of("build " + tag, e);
        }
    }
}
