package edm.console.sandbox;

import com.github.dockerjava.api.DockerClient;
import edm.console.docker.ContainerGateway;
import edm.console.docker.DockerClients;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code edm-console sandbox up|down|status}: a complete EDM-shaped stack on the local engine, for trying
 * the console safely. Every method reports through {@code out} (translated lines) and returns a result
 * with an exit code; none throws for expected failures.
 */
public final class Sandbox {

    /**
     * @param projectDir     the sandbox project dir ({@link SandboxProject#defaultDir})
     * @param endpoint       engine endpoint, empty for $DOCKER_HOST or the local socket
     * @param requestTimeout timeout of every ordinary engine request
     * @param healthTimeout  how long {@code up} waits for all containers to become healthy
     * @param rebuild        rebuild every image even when its tag exists
     */
    public record Options(Path projectDir, String endpoint, Duration requestTimeout, Duration healthTimeout, boolean rebuild) {
        public static Options defaults() {
            return new Options(SandboxProject.fromEnvironment().dir(), "", Duration.ofSeconds(30), Duration.ofMinutes(3), false);
        }

        public Options withProjectDir(Path dir) {
            return new Options(dir, endpoint, requestTimeout, healthTimeout, rebuild);
        }

        public Options withRebuild(boolean r) {
            return new Options(projectDir, endpoint, requestTimeout, healthTimeout, r);
        }
    }

    private final Options options;
    private final SandboxProject project;
    private final String endpoint;

    public Sandbox(Options options) {
        this.options = options;
        this.project = new SandboxProject(options.projectDir());
        this.endpoint = DockerClients.resolveEndpoint(options.endpoint());
    }

    public SandboxProject project() {
        return project;
    }

    /**
     * Builds missing images, prepares the project dir, creates/starts what is missing, waits for health,
     * then seeds the database unless it holds the current seed ({@link SandboxSeed}). Idempotent.
     */
    public SandboxResult up(Consumer<String> out) {
        return run(out, client -> {
            Set<String> imageIds;
            try (DockerClient buildClient = DockerClients.requests(endpoint, SandboxImages.BUILD_TIMEOUT)) {
                SandboxImages images = new SandboxImages(client, buildClient, out).withEndpoint(endpoint);
                images.ensure(options.rebuild());
                imageIds = images.currentIds();
            }
            SandboxCredentials creds = project.prepare();
            out.accept(Messages.t("sandbox.progress.projectDir", project.dir()));
            SandboxStack stack = new SandboxStack(client, project, out);
            boolean changed = stack.ensureNetwork();
            for (SandboxService s : SandboxSpec.SERVICES) {
                boolean nginx = "nginx".equals(s.name());
                if (nginx) {
                    repairUpstreams(stack, out);
                }
                boolean made = stack.ensureContainer(s, creds, imageIds);
                if (nginx && !made && project.nginxConfigChanged()) {
                    changed |= reloadNginx(stack, s.containerName(), out);
                }
                changed |= made;
            }
            if (!changed) {
                out.accept(Messages.t("sandbox.progress.unchanged"));
            }
            SandboxResult health = waitHealthy(stack, out);
            if (health != SandboxResult.OK) {
                return health;
            }
            try (ContainerGateway gateway = new ContainerGateway(endpoint, options.requestTimeout())) {
                new SandboxSeed(gateway, out).ensure();
            }
            out.accept(Messages.t("sandbox.progress.healthy", SandboxSpec.SERVICES.size(),
                    "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/", project.configFile()));
            return SandboxResult.OK;
        });
    }

    /**
     * An upstream include that names a container which does not run (gone with {@code down}, or a deploy's
     * temporary container) would keep nginx from starting: it is pointed back at the service's container.
     */
    private void repairUpstreams(SandboxStack stack, Consumer<String> out) throws IOException {
        for (String service : SandboxNginx.PROXIED) {
            String canonical = SandboxSpec.require(service).containerName();
            String host = SandboxNginx.upstreamHost(project.dir(), service).orElse("");
            if (!host.equals(canonical) && (host.isEmpty() || !stack.running(host))) {
                project.resetUpstream(service);
                out.accept(Messages.t("sandbox.progress.upstreamReset", SandboxNginx.upstreamFile(service),
                        host.isEmpty() ? "-" : host, canonical));
            }
        }
    }

    /** A running nginx reads changed files only on reload: test first, as a deploy does; a failing test reloads nothing. */
    private boolean reloadNginx(SandboxStack stack, String container, Consumer<String> out) throws InterruptedException {
        SandboxStack.ExecResult test = stack.exec(container, "nginx", "-t");
        if (!test.ok()) {
            throw new SandboxException("sandbox.error.nginxTest", container, firstLine(test.output()));
        }
        SandboxStack.ExecResult reload = stack.exec(container, "nginx", "-s", "reload");
        if (!reload.ok()) {
            throw new SandboxException("sandbox.error.nginxReload", container, firstLine(reload.output()));
        }
        out.accept(Messages.t("sandbox.progress.nginxReloaded", container));
        return true;
    }

    private static String firstLine(String output) {
        String first = output.strip().lines().findFirst().orElse("").strip();
        return first.isEmpty() ? "-" : first;
    }

    /** Removes the sandbox containers and network (never anything without the sandbox label); purge also removes the images. */
    public SandboxResult down(boolean purge, Consumer<String> out) {
        return down(purge, false, out);
    }

    /**
     * As {@link #down(boolean, Consumer)}; refuses, removing nothing, when the sandbox containers belong to
     * another sandbox project dir, unless {@code force} (then says whose sandbox it removes).
     */
    public SandboxResult down(boolean purge, boolean force, Consumer<String> out) {
        return run(out, client -> {
            String dataDir = new SandboxStack(client, project, out).removeAll(force);
            if (purge) {
                try (DockerClient buildClient = DockerClients.requests(endpoint, options.requestTimeout())) {
                    new SandboxImages(client, buildClient, out).removeAll();
                }
            }
            out.accept(Messages.t("sandbox.progress.down", dataDir));
            return SandboxResult.OK;
        });
    }

    /** Prints the status table. */
    public SandboxResult status(Consumer<String> out) {
        return run(out, client -> {
            SandboxStatus status = inspect(client);
            SandboxStatusTable.render(status).forEach(out);
            return SandboxResult.OK;
        });
    }

    /** The status as data, for the TUI; throws {@link SandboxException} when the engine cannot be asked. */
    public SandboxStatus status() {
        try (DockerClient client = DockerClients.requests(endpoint, options.requestTimeout())) {
            ping(client);
            return inspect(client);
        } catch (IOException e) {
            throw new SandboxException("sandbox.error.docker", endpoint, e.getMessage());
        }
    }

    private SandboxStatus inspect(DockerClient client) {
        SandboxStack stack = new SandboxStack(client, project, s -> { });
        SandboxImages images = new SandboxImages(client, client, s -> { });
        Map<String, Boolean> present = new LinkedHashMap<>();
        for (String image : SandboxImages.allImages()) {
            present.put(image, images.exists(image));
        }
        return new SandboxStatus(stack.states(), stack.network().isPresent(), present);
    }

    private SandboxResult waitHealthy(SandboxStack stack, Consumer<String> out) throws InterruptedException {
        out.accept(Messages.t("sandbox.progress.waiting", options.healthTimeout().toSeconds()));
        long deadline = System.nanoTime() + options.healthTimeout().toNanos();
        List<SandboxContainerState> states = stack.states();
        while (!states.stream().allMatch(SandboxContainerState::healthy) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            states = stack.states();
        }
        List<SandboxContainerState> bad = states.stream().filter(s -> !s.healthy()).toList();
        if (bad.isEmpty()) {
            return SandboxResult.OK;
        }
        for (SandboxContainerState s : bad) {
            out.accept(Messages.t("sandbox.error.unhealthy", s.name(), s.status().name().toLowerCase(Locale.ROOT),
                    s.health().name().toLowerCase(Locale.ROOT), s.lastHealthOutput().isEmpty() ? "-" : s.lastHealthOutput()));
        }
        out.accept(Messages.t("sandbox.error.notHealthy", options.healthTimeout().toSeconds(),
                bad.stream().map(SandboxContainerState::name).collect(Collectors.joining(", "))));
        return SandboxResult.UNHEALTHY;
    }

    private interface Step {
        SandboxResult run(DockerClient client) throws Exception;
    }

    /** One client per command; every failure becomes one translated line and a result, never a stack trace. */
    private SandboxResult run(Consumer<String> out, Step step) {
        try (DockerClient client = DockerClients.requests(endpoint, options.requestTimeout())) {
            ping(client);
            return step.run(client);
        } catch (SandboxException e) {
            out.accept(e.getMessage());
            return e.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.accept(Messages.t("sandbox.error.interrupted"));
            return SandboxResult.FAILED;
        } catch (Exception e) {
            out.accept(Messages.t("sandbox.error.docker", endpoint, oneLine(e)));
            return SandboxResult.FAILED;
        }
    }

    private void ping(DockerClient client) {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new SandboxException("sandbox.error.engine", endpoint, oneLine(e));
        }
    }

    /** The innermost useful message on one line (engine errors often come as multi-line JSON). */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        msg = msg.replaceAll("\\s+", " ").strip();
        msg = msg.replaceAll("^Status \\d+: \\{\"message\":\"(.*)\"\\}$", "$1");
        return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
    }
}
