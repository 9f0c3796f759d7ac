package edm.console.testsupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import edm.console.config.ConsoleConfig;
import edm.console.sandbox.Sandbox;
import edm.console.sandbox.SandboxCredentials;
import edm.console.sandbox.SandboxResult;
import edm.console.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The sandbox shared by all integration tests of one run, in an isolated project dir under
 * {@code target/edm-sandbox}. {@link #up()} is cheap after the first call (sandbox up is idempotent), so
 * every test class calls it and gets the stack back even if an earlier test stopped or removed parts.
 *
 * <p>Only one test run per machine may own the sandbox (fixed names and ports): a lock file serialises
 * runs from several worktrees. When the run ends the sandbox is taken down (images stay cached) unless
 * EDM_SANDBOX_KEEP=1. A sandbox left by another project dir (e.g. a developer's own) is taken down first.
 */
public final class SandboxFixture implements BeforeAllCallback {
    public static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "edm-console-sandbox.lock");
    public static final Duration LOCK_WAIT = Duration.ofMinutes(30);

    /** What a test needs to talk to the running sandbox. */
    public record RunningSandbox(Path projectDir, Path configFile, ConsoleConfig config, SandboxCredentials credentials) {
        public String hostUrl(int port, String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    private static FileLock lock;
    private static boolean teardownRegistered;

    /** The isolated project dir of the test sandbox: target/edm-sandbox of the module. */
    public static Path projectDir() {
        String root = System.getenv("EDM_PROJECT_ROOT");
        Path base = root == null || root.isBlank() ? Path.of(System.getProperty("user.dir")) : Path.of(root);
        return base.resolve("target").resolve("edm-sandbox").toAbsolutePath();
    }

    public static Sandbox sandbox() {
        return new Sandbox(Sandbox.Options.defaults().withProjectDir(projectDir()));
    }

    /** Brings the shared sandbox up (first call: builds missing images, may take minutes) and waits until healthy. */
    public static synchronized RunningSandbox up() {
        DockerEngine.assumeReachable();
        acquireLock();
        takeDownForeignSandbox();
        registerTeardown();
        List<String> output = new ArrayList<>();
        SandboxResult result = sandbox().up(line -> {
            output.add(line);
            System.out.println("[sandbox] " + line);
        });
        if (result != SandboxResult.OK) {
            Assertions.fail("sandbox up failed (" + result + "):\n  " + String.join("\n  ", output));
        }
        Path config = projectDir().resolve("edm-console.yml");
        return new RunningSandbox(projectDir(), config, loadConfig(config), sandbox().project().credentials());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        up();
    }

    static ConsoleConfig loadConfig(Path file) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return yaml.readerForUpdating(new ConsoleConfig()).readValue(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void acquireLock() {
        if (lock != null) {
            return;
        }
        try {
            FileChannel ch = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
            boolean told = false;
            while ((lock = ch.tryLock()) == null) {
                if (System.nanoTime() > deadline) {
                    Assumptions.abort("another test run has held the sandbox lock " + LOCK_FILE + " for " + LOCK_WAIT.toMinutes() + " min");
                }
                if (!told) {
                    System.out.println("[sandbox] waiting for another test run to release " + LOCK_FILE);
                    told = true;
                }
                Thread.sleep(2000);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + LOCK_FILE + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + LOCK_FILE, e);
        }
    }

    /** Sandbox containers created for another project dir would make up fail; they are disposable. */
    private static void takeDownForeignSandbox() {
        String ours = projectDir().toString();
        boolean foreign = DockerEngine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxSpec.LABEL, "true")).exec().stream()
                .filter(c -> c.getNames() != null && c.getNames().length > 0 && SandboxSpec.isSandboxContainerName(c.getNames()[0]))
                .anyMatch(c -> !ours.equals(c.getLabels().get(SandboxSpec.LABEL_DIR)));
        if (foreign) {
            System.out.println("[sandbox] removing a sandbox that belongs to another project dir");
            sandbox().down(false, line -> System.out.println("[sandbox] " + line));
        }
    }

    private static void registerTeardown() {
        if (teardownRegistered || "1".equals(System.getenv("EDM_SANDBOX_KEEP"))) {
            return;
        }
        teardownRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                sandbox().down(false, line -> System.out.println("[sandbox] " + line)), "sandbox-teardown"));
    }

    /** For tests that must see the real file: the sandbox's .env.production. */
    public static String envFile() throws IOException {
        return Files.readString(projectDir().resolve(".env.production"));
    }
}
