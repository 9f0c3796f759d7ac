package edm.console.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test containers, through the docker CLI: a tiny image (FROM scratch with the host's static
 * busybox, built once), falling back to an image the sandbox already built; every container it
 * starts carries a label and is removed by {@link #removeAll()}.
 */
final class DockerFixture {
    static final String TINY_IMAGE = "edm-e2e-busybox:1";
    private static final List<String> FALLBACK_IMAGES = List.of("edm-frontend:v1.0", "edm-backend:v1.0", "edm-nginx:v1.0");
    private static final String LABEL = "edm-e2e=" + ProcessHandle.current().pid();

    private final List<String> started = new ArrayList<>();
    private String image;
    private boolean useDefaultCommand;

    /** Null when the engine answers, else why not. */
    static String unavailableReason() {
        Command v = Command.run("docker", "version", "--format", "{{.Server.APIVersion}}");
        return v.ok() ? null : "the Docker engine is not reachable through the docker CLI: " + v.output().trim();
    }

    /** Picks or builds the image; null when none is possible (with the reason in {@link #imageProblem}). */
    String imageProblem;

    boolean prepareImage(Path workDir) throws java.io.IOException {
        if (Command.run("docker", "image", "inspect", TINY_IMAGE).ok()) {
            image = TINY_IMAGE;
            return true;
        }
        Path busybox = staticBusybox();
        if (busybox != null) {
            Path ctx = Files.createDirectories(workDir.resolve("image"));
            Files.copy(busybox, ctx.resolve("busybox"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(ctx.resolve("Dockerfile"),
                    "FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT [\"/bin/busybox\"]\nCMD [\"sleep\", \"86400\"]\n");
            Command b = Command.run(null, Map.of(), 300, "docker", "build", "-q", "-t", TINY_IMAGE, ctx.toString());
            if (b.ok()) {
                image = TINY_IMAGE;
                return true;
            }
            imageProblem = "building " + TINY_IMAGE + " failed: " + b.output().trim();
        }
        for (String candidate : FALLBACK_IMAGES) {
            if (Command.run("docker", "image", "inspect", candidate).ok()) {
                image = candidate;
                useDefaultCommand = true;
                return true;
            }
        }
        if (imageProblem == null) {
            imageProblem = "no local image to run: install busybox-static (apt-get install -y busybox-static) or run edm-console sandbox up";
        }
        return false;
    }

    /** Starts a long-running container with this name and returns its id. */
    String runContainer(String name) {
        List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--label", LABEL, "--name", name, image));
        if (!useDefaultCommand) {
            argv.addAll(List.of("sleep", "86400"));
        }
        started.add(name);
        return Command.run(null, Map.of(), 120, argv.toArray(String[]::new)).orThrow("docker run " + name).output().trim();
    }

    void removeAll() {
        for (String name : started) {
            Command.run("docker", "rm", "-f", name);
        }
        started.clear();
    }

    static Path staticBusybox() {
        for (String p : List.of("/bin/busybox", "/usr/bin/busybox")) {
            Path path = Path.of(p);
            // A FROM scratch image can only run a statically linked busybox (ldd says so by failing).
            if (Files.isExecutable(path) && !Command.run("ldd", p).ok()) {
                return path;
            }
        }
        return null;
    }
}
