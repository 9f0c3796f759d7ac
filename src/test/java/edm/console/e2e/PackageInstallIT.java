package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.docker.DockerClients;
import edm.console.sandbox.SandboxImages;
import edm.console.sandbox.SandboxSpec;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages `mvn package` made, installed as an operator would on a server without Java: the .deb with
 * apt into a container of the sandbox's Debian base image (debootstrap, no Java in it), the tar.gz
 * unpacked there; each runs --version, --help and config check, and removing the .deb leaves the
 * operator's config and state alone. Also: the runtime holds every module jdeps finds the console needs.
 */
@RequiresDocker
class PackageInstallIT {
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static Path target;
    private static Path deb;
    private static Path tarGz;
    private static String version;

    @BeforeAll
    static void packagesAndBaseImage() throws IOException {
        String root = System.getenv("EDM_PROJECT_ROOT");
        target = Path.of(root == null || root.isBlank() ? System.getProperty("user.dir") : root, "target");
        version = Files.readString(target.resolve("maven-archiver/pom.properties")).lines()
                .filter(l -> l.startsWith("version=")).findFirst().orElseThrow().substring("version=".length());
        deb = target.resolve("edm-console_" + version + "_amd64.deb");
        tarGz = target.resolve("edm-console-" + version + "-linux-x64.tar.gz");
        assertTrue(Files.isRegularFile(deb) && Files.isRegularFile(tarGz), "mvn package made " + deb + " and " + tarGz);
        try (var client = DockerClients.requests(DockerEngine.endpoint(), Duration.ofSeconds(30));
             var build = DockerClients.requests(DockerEngine.endpoint(), Duration.ofMinutes(30))) {
            new SandboxImages(client, build, line -> System.out.println("[base image] " + line)).ensureBase(DockerEngine.endpoint());
        }
    }

    /** Runs a shell script in a fresh container of the base image with the packages mounted at /pkg; its exit code and output. */
    private static String inBaseImage(String script) throws IOException, InterruptedException {
        String name = "edm-pkg-it-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Files.createTempFile("package-it", ".log");
        List<String> cmd = List.of("docker", "-H", DockerEngine.endpoint(), "run", "--rm", "--name", name,
                "-v", target.toAbsolutePath() + ":/pkg:ro", SandboxSpec.BASE_IMAGE, "bash", "-c", "set -u\n" + script);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timeout\n" + Files.readString(log);
            }
            return "exit " + p.exitValue() + "\n" + Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            new ProcessBuilder("docker", "-H", DockerEngine.endpoint(), "rm", "-f", name).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }

    /** The same checks for both packages: no Java but the bundled one, the three commands, their output. */
    private static final String RUN_THE_CONSOLE = """
            echo "java on PATH: $(command -v java || echo none)"
            mkdir -p /opt/edm && cp /usr/share/doc/edm-console/edm-console.example.yml /opt/edm/edm-console.yml 2>/dev/null || true
            echo "== version"; $EDM --version
            echo "== help"; $EDM --help
            echo "== config check"; $EDM --config "$CONFIG" config check; echo "config check exit $?"
            """;

    @Test
    void theDebInstallsIntoADebianWithoutJavaRunsAndLeavesTheOperatorsFilesOnRemoval() throws Exception {
        String out = inBaseImage("""
                apt-get install -y -q /pkg/%s >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; exit 9; }
                echo "installed: $(dpkg-query -W -f='${Status}' edm-console)"
                EDM=edm-console CONFIG=/usr/share/doc/edm-console/edm-console.example.yml
                %s
                echo "archive: $(test -s /usr/lib/edm-console/edm-console.jsa && echo made)"
                for f in /usr/share/man/man1/edm-console.1 /usr/share/man/man1/edm-console-deploy.1 \\
                    /usr/share/bash-completion/completions/edm-console /usr/share/zsh/vendor-completions/_edm-console; do
                  test -s "$f" && echo "file: $f"
                done
                mkdir -p /root/.local/state/edm-console /opt/edm/backups && echo keep >/root/.local/state/edm-console/history
                echo keep >/opt/edm/backups/db-1.dump
                apt-get remove -y -q edm-console >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; exit 9; }
                echo "after remove: $(ls /usr/lib/edm-console 2>&1 | head -1)"
                cat /opt/edm/edm-console.yml /root/.local/state/edm-console/history /opt/edm/backups/db-1.dump | grep -c . | sed 's/^/kept lines: /'
                apt-get purge -y -q edm-console >/dev/null 2>&1
                test -f /opt/edm/edm-console.yml && test -f /root/.local/state/edm-console/history && echo "kept after purge"
                """.formatted(deb.getFileName(), RUN_THE_CONSOLE));
        assertTrue(out.startsWith("exit 0\n"), out);
        assertTrue(out.contains("java on PATH: none"), "no Java in the image: " + out);
        assertTrue(out.contains("installed: install ok installed"), out);
        assertConsoleRan(out);
        assertTrue(out.contains("archive: made"), "postinst made the start-up archive: " + out);
        for (String f : List.of("man1/edm-console.1", "man1/edm-console-deploy.1", "completions/edm-console", "vendor-completions/_edm-console")) {
            assertTrue(out.contains(f), f + " installed: " + out);
        }
        assertTrue(out.contains("after remove: ls: cannot access"), "remove takes the console's own files: " + out);
        assertTrue(out.contains("kept after purge"), "config and state stay: " + out);
    }

    @Test
    void theTarGzUnpackedAnywhereRunsOnItsOwnRuntime() throws Exception {
        String out = inBaseImage("""
                mkdir -p /srv/tools && tar -xzf /pkg/%s -C /srv/tools
                EDM=/srv/tools/edm-console-%s/bin/edm-console CONFIG=/srv/tools/edm-console-%s/share/doc/edm-console/edm-console.example.yml
                %s
                echo "archive: $(test -s /srv/tools/edm-console-%s/edm-console.jsa && echo made)"
                """.formatted(tarGz.getFileName(), version, version, RUN_THE_CONSOLE, version));
        assertTrue(out.startsWith("exit 0\n"), out);
        assertTrue(out.contains("java on PATH: none"), out);
        assertConsoleRan(out);
        assertTrue(out.contains("edm-console: first start: making the start-up archive (once)...")
                && out.contains("archive: made"), "the first start made the start-up archive, and said so: " + out);
    }

    private static void assertConsoleRan(String out) {
        assertTrue(out.lines().anyMatch(l -> l.startsWith("edm-console " + version + " (Java ")), out);
        assertTrue(out.contains("Usage: edm-console") && out.contains("deploy") && out.contains("completion"), out);
        assertTrue(out.contains("config check exit 0"), "the example config is valid: " + out);
    }

    @Test
    void theRuntimeHoldsEveryModuleJdepsFindsTheConsoleNeeds() throws IOException {
        Path tree = target.resolve("package/edm-console-" + version);
        List<String> jars = new ArrayList<>();
        jars.add(tree.resolve("edm-console.jar").toString());
        try (var libs = Files.list(tree.resolve("lib"))) {
            libs.map(Path::toString).sorted().forEach(jars::add);
        }
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--class-path", String.join(":", jars.subList(1, jars.size()))));
        args.addAll(jars);
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                args.toArray(String[]::new));
        assertEquals(0, rc, out.toString());
        String last = out.toString().strip().lines().reduce((a, b) -> b).orElse("");
        TreeSet<String> needed = new TreeSet<>(Arrays.asList(last.split(",")));
        String release = Files.readString(tree.resolve("runtime/release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        TreeSet<String> present = new TreeSet<>(Arrays.asList(modules.substring("MODULES=\"".length(), modules.length() - 1).split(" ")));
        needed.removeAll(present);
        assertEquals(new TreeSet<>(), needed, "modules jdeps finds but the runtime lacks (add them to runtime.modules in pom.xml)");
    }
}
