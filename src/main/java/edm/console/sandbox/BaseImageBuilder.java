package edm.console.sandbox;

import edm.console.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes {@link SandboxSpec#BASE_IMAGE}: a Debian bookworm minbase root filesystem with postgresql-15,
 * redis-server, nginx and curl, made by debootstrap from the Debian mirror and imported into the engine
 * (no registry). The image carries {@link #fingerprint()} as its recipe label, so that a base made from an
 * older package list is made again (once) instead of silently lacking a package.
 */
final class BaseImageBuilder {
    static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(25);
    static final String SUITE = "bookworm";
    /** Debian packages on top of minbase: the servers of the sandbox's Debian images, and curl for nginx's probes. */
    static final List<String> PACKAGES = List.of("postgresql-15", "redis-server", "nginx", "curl");
    /** Dropped from the root filesystem before import: package caches and docs, about 200 MB. */
    private static final List<String> TRIM = List.of("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc",
            "usr/share/man", "usr/share/locale", "var/lib/postgresql/15", "dev");

    static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

    /** Hash of what goes into the base image (suite, packages, trimmed paths): its recipe label. */
    static String fingerprint() {
        String recipe = "debootstrap --variant=minbase --include=" + String.join(",", PACKAGES) + " " + SUITE
                + "\ntrim " + String.join(" ", TRIM);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(recipe.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final String endpoint;
    private final Consumer<String> progress;

    /** @param endpoint the engine endpoint, passed to the docker CLI as -H */
    BaseImageBuilder(String endpoint, Consumer<String> progress) {
        this.endpoint = endpoint;
        this.progress = progress;
    }

    void build() {
        Path debootstrap = findDebootstrap();
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new SandboxException(SandboxResult.MISSING_PREREQUISITE, "sandbox.error.notRoot");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(Path.of("/var/tmp"), "edm-sandbox-rootfs");
            Path rootfs = work.resolve("rootfs");
            progress.accept(Messages.t("sandbox.progress.debootstrap", rootfs));
            runDebootstrap(debootstrap, rootfs);
            for (String t : TRIM) {
                run(List.of("rm", "-rf", "--one-file-system", rootfs.resolve(t).toString()), Duration.ofMinutes(2));
            }
            Files.createDirectories(rootfs.resolve("dev"));
            progress.accept(Messages.t("sandbox.progress.import", SandboxSpec.BASE_IMAGE));
            importRootfs(rootfs);
        } catch (IOException e) {
            throw new SandboxException("sandbox.error.baseImage", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("sandbox.error.baseImage", "interrupted");
        } finally {
            if (work != null) {
                try {
                    run(List.of("rm", "-rf", "--one-file-system", work.toString()), Duration.ofMinutes(5));
                } catch (IOException | InterruptedException e) {
                    progress.accept(Messages.t("sandbox.progress.cleanupFailed", work, e.getMessage()));
                }
            }
        }
    }

    private static Path findDebootstrap() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            Path p = Path.of(dir, "debootstrap");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new SandboxException(SandboxResult.MISSING_PREREQUISITE, "sandbox.error.debootstrapMissing");
    }

    private void runDebootstrap(Path debootstrap, Path rootfs) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(debootstrap.toString(), "--variant=minbase",
                "--include=" + String.join(",", PACKAGES), SUITE, rootfs.toString())
                .redirectErrorStream(true);
        String mirror = System.getenv("EDM_SANDBOX_MIRROR");
        if (mirror != null && !mirror.isBlank()) {
            pb.command().add(mirror);
        }
        Process p = pb.start();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> follow(p, tail), "debootstrap-output");
        reader.setDaemon(true);
        reader.start();
        // The wait, not the output, bounds the run: a stalled download prints nothing.
        if (!p.waitFor(DEBOOTSTRAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new SandboxException("sandbox.error.debootstrapTimeout", DEBOOTSTRAP_TIMEOUT.toMinutes());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        if (p.exitValue() != 0) {
            synchronized (tail) {
                throw new SandboxException("sandbox.error.debootstrapFailed", p.exitValue(), String.join(" | ", tail));
            }
        }
    }

    /** Keeps the last lines for an error message and reports progress every 15 s. */
    private void follow(Process p, Deque<String> tail) {
        long started = System.nanoTime();
        long lastReport = started;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == 15) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                long now = System.nanoTime();
                if (now - lastReport > TimeUnit.SECONDS.toNanos(15)) {
                    lastReport = now;
                    progress.accept(Messages.t("sandbox.progress.debootstrapRunning",
                            TimeUnit.NANOSECONDS.toSeconds(now - started), line.strip()));
                }
            }
        } catch (IOException e) {
            // The process ended or was killed; its exit code tells the rest.
        }
    }

    /**
     * Pipes {@code tar -c} of the root filesystem into {@code docker import}. The docker CLI (in the
     * docker.io package with the engine) rather than docker-java: docker-java's createImageCmd stream
     * upload ends with "unexpected EOF" on the engine for a root filesystem of a few hundred MB.
     */
    private void importRootfs(Path rootfs) throws IOException, InterruptedException {
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("tar", "-C", rootfs.toString(), "--numeric-owner", "-c", ".")
                        .redirectError(ProcessBuilder.Redirect.DISCARD),
                new ProcessBuilder("docker", "-H", endpoint, "import", "-m", "edm-console sandbox base (debootstrap bookworm)",
                        "-c", "LABEL " + SandboxSpec.LABEL + "=true",
                        "-c", "LABEL " + SandboxSpec.LABEL_RECIPE + "=" + fingerprint(),
                        "-", SandboxSpec.BASE_IMAGE).redirectErrorStream(true)));
        Process docker = pipeline.get(1);
        String output = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        for (Process p : pipeline) {
            if (!p.waitFor(IMPORT_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                pipeline.forEach(Process::destroyForcibly);
                throw new SandboxException("sandbox.error.baseImage", "import timed out");
            }
        }
        if (pipeline.get(0).exitValue() != 0 || docker.exitValue() != 0) {
            throw new SandboxException("sandbox.error.baseImage", "tar exit " + pipeline.get(0).exitValue()
                    + ", docker import exit " + docker.exitValue() + ": " + output.replaceAll("\\s+", " "));
        }
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out");
        }
    }
}
