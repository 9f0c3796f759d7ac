package edm.console.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The console installed by install.sh into target/e2e-prefix, once per test run. It installs the
 * jar Maven already built (--no-build): integration tests run after `package`, and a Maven build
 * inside a Maven build would only repeat it.
 */
final class Installation {
    private static Installation current;

    final Path projectRoot;
    final Path prefix;
    final Path launcher;

    private Installation(Path projectRoot, Path prefix) {
        this.projectRoot = projectRoot;
        this.prefix = prefix;
        this.launcher = prefix.resolve("bin").resolve("edm-console");
    }

    static Path projectRoot() {
        String env = System.getenv("EDM_PROJECT_ROOT");
        return Path.of(env != null && !env.isBlank() ? env : System.getProperty("user.dir")).toAbsolutePath();
    }

    static synchronized Installation get() {
        if (current == null) {
            Path root = projectRoot();
            current = new Installation(root, root.resolve("target").resolve("e2e-prefix"));
            current.install("--no-build", "--prefix", current.prefix.toString());
        }
        return current;
    }

    /** Runs install.sh with these arguments; fails with its output when it does not exit 0. */
    Command install(String... args) {
        return runInstaller(args).orThrow("install.sh " + String.join(" ", args));
    }

    Command runInstaller(String... args) {
        return runInstaller(Map.of(), args);
    }

    /** Runs install.sh with these extra environment variables (e.g. JAVA_HOME). */
    Command runInstaller(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("LANG", "C.UTF-8");
        String[] argv = new String[args.length + 1];
        argv[0] = projectRoot.resolve("install.sh").toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        return Command.run(projectRoot, env, 300, argv);
    }

    /** A config whose only stack member is the given container, so it is listed first. */
    Path writeConfig(Path dir, String containerName) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("e2e.yml"), String.join("\n",
                "project: e2e",
                "environment: test",
                "projectDir: " + dir,
                "services:",
                "  - name: probe",
                "    container: " + containerName,
                ""));
    }
}
