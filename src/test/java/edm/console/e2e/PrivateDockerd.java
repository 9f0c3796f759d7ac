package edm.console.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dockerd of the test's own (its own socket, data and exec roots, its own bridge, no iptables), so that
 * it can be SIGSTOPed without touching the engine everyone else uses. Not {@code --bridge=none}: a
 * dockerd started so deletes the host's docker0 (libnetwork's removeDefaultBridgeInterface), which
 * is the shared engine's default bridge. It holds one tiny image (FROM
 * scratch with the static busybox) and the containers the test runs in it with --network none.
 * {@link #close()} resumes it, removes the containers and stops it.
 */
public final class PrivateDockerd implements AutoCloseable {
    public static final String IMAGE = "edm-hung-busybox:1";

    private final Path dir;
    private final String bridge;
    private final Process process;
    private boolean stopped;

    private PrivateDockerd(Path dir, String bridge, Process process) {
        this.dir = dir;
        this.bridge = bridge;
        this.process = process;
    }

    /** Null when a private dockerd can be started here, else why not. */
    public static String unavailableReason() {
        if (!Command.run("id", "-u").output().trim().equals("0")) {
            return "a private dockerd needs root";
        }
        if (!Command.run("sh", "-c", "command -v dockerd").ok() || !Command.run("docker", "--version").ok()) {
            return "dockerd or the docker CLI is not installed";
        }
        if (!Command.run("ip", "link", "show").ok()) {
            return "the ip command (iproute2) is not installed";
        }
        return DockerFixture.staticBusybox() == null ? "no static busybox (apt-get install -y busybox-static)" : null;
    }

    /** Starts the daemon (in a short /tmp path: unix socket paths are limited to 108 bytes) and waits for it. */
    public static PrivateDockerd start() throws IOException {
        return start(List.of());
    }

    /** With more daemon options (another --host, TLS). */
    public static PrivateDockerd start(List<String> extraOptions) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "edm-hung-");
        long pid = ProcessHandle.current().pid();
        // Interface names have at most 15 bytes; the address is from a benchmarking range (RFC 2544).
        String bridge = "edmh" + pid % 100_000;
        Command.run("ip", "link", "add", bridge, "type", "bridge").orThrow("ip link add " + bridge);
        Command.run("ip", "addr", "add", "198.18." + pid % 250 + ".1/24", "dev", bridge).orThrow("ip addr add");
        List<String> argv = new ArrayList<>(List.of("dockerd", "--host", "unix://" + dir.resolve("docker.sock"),
                "--data-root", dir.resolve("root").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("docker.pid").toString(), "--bridge=" + bridge, "--iptables=false",
                "--ip6tables=false"));
        argv.addAll(extraOptions);
        Process p = new ProcessBuilder(argv)
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        PrivateDockerd d = new PrivateDockerd(dir, bridge, p);
        long end = System.nanoTime() + 60_000_000_000L;
        while (!d.docker("version").ok()) {
            if (!p.isAlive() || System.nanoTime() > end) {
                String log = Files.exists(dir.resolve("dockerd.log")) ? Files.readString(dir.resolve("dockerd.log")) : "";
                d.close();
                throw new IOException("the private dockerd did not come up:\n" + log);
            }
            sleep(200);
        }
        return d;
    }

    public String endpoint() {
        return "unix://" + dir.resolve("docker.sock");
    }

    public Command docker(String... args) {
        String[] argv = new String[args.length + 3];
        argv[0] = "docker";
        argv[1] = "-H";
        argv[2] = endpoint();
        System.arraycopy(args, 0, argv, 3, args.length);
        return Command.run(null, Map.of(), 120, argv);
    }

    /**
     * Copies an image of the shared engine into this one ({@code docker save | docker load}): the tests
     * have no registry to pull from.
     */
    public void loadImage(String image) {
        Command.run(null, Map.of(), 180, "sh", "-c", "docker save " + image + " | docker -H " + endpoint() + " load")
                .orThrow("copying " + image + " into the private engine");
    }

    /**
     * Makes this engine a single-node swarm manager on 127.0.0.1 ({@code listenPort}: the swarm's own port,
     * one per private engine so two can be managers at once); {@link #close()} leaves it again.
     */
    public void swarmInit(int listenPort) {
        docker("swarm", "init", "--advertise-addr", "127.0.0.1", "--listen-addr", "127.0.0.1:" + listenPort)
                .orThrow("docker swarm init in the private engine");
    }

    /** Builds the tiny image and runs one container of it under this name, without a network. */
    public void runContainer(String name) throws IOException {
        Path ctx = Files.createDirectories(dir.resolve("image"));
        Files.copy(DockerFixture.staticBusybox(), ctx.resolve("busybox"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(ctx.resolve("Dockerfile"),
                "FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT [\"/bin/busybox\"]\nCMD [\"sleep\", \"86400\"]\n");
        docker("build", "-q", "-t", IMAGE, ctx.toString()).orThrow("docker build in the private engine");
        docker("run", "-d", "--network", "none", "--name", name, IMAGE).orThrow("docker run in the private engine");
    }

    public long pid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("docker.pid")).trim());
    }

    /** SIGSTOP: the daemon keeps its socket (the kernel still accepts connections) and answers nothing. */
    public void freeze() throws IOException {
        Command.run("kill", "-STOP", Long.toString(pid())).orThrow("kill -STOP dockerd");
    }

    public void thaw() throws IOException {
        Command.run("kill", "-CONT", Long.toString(pid())).orThrow("kill -CONT dockerd");
    }

    @Override
    public void close() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            thaw();
        } catch (IOException | RuntimeException e) {
            // not started far enough to have a pid
        }
        if (process.isAlive()) {
            docker("swarm", "leave", "--force");
            Command ps = docker("ps", "-aq");
            for (String id : ps.output().split("\\s+")) {
                if (!id.isBlank()) {
                    docker("rm", "-f", id);
                }
            }
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Command.run("ip", "link", "delete", bridge);
        // The data root may hold read-only layers; what cannot go stays under /tmp.
        Command.run("rm", "-rf", dir.toString());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
