package edm.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code status --all-hosts} and {@code check --all-hosts} with the installed launcher over real engines: the shared
 * one, a private dockerd of this test's own on its socket, the same private engine again as {@code ssh://} through a
 * local sshd on 127.0.0.1 (generated host and client keys; the tunnel's ssh_config names the key and the known hosts
 * file), an engine with nothing listening, and an ssh:// engine whose port is closed. A container runs in the shared
 * and in the private engine. Skipped with the reason when sshd, ssh or a private dockerd is not possible here, failed
 * instead under EDM_REQUIRE_DOCKER=1.
 */
class AllHostsE2EIT {
    private static Installation installation;
    private static PrivateDockerd engine;
    private static final DockerFixture shared = new DockerFixture();
    private static Process sshd;
    private static Path work;
    private static Path sshConfig;
    private static Path config;
    private static int sshPort;
    private static int closedPort;
    private static final String SHARED_CONTAINER = "edm-hosts-it-shared-" + ProcessHandle.current().pid();
    private static final String PRIVATE_CONTAINER = "edm-hosts-it-private";

    @BeforeAll
    static void setUp() throws Exception {
        boolean required = "1".equals(System.getenv("EDM_REQUIRE_DOCKER"));
        String missing = DockerFixture.unavailableReason();
        if (missing == null) {
            missing = PrivateDockerd.unavailableReason();
        }
        if (missing == null && !Files.isExecutable(Path.of("/usr/sbin/sshd"))) {
            missing = "no /usr/sbin/sshd (apt-get install -y openssh-server)";
        }
        if (missing == null && (!Command.run("sh", "-c", "command -v ssh && command -v ssh-keygen").ok())) {
            missing = "no ssh client (apt-get install -y openssh-client)";
        }
        if (missing != null) {
            if (required) {
                throw new AssertionError("EDM_REQUIRE_DOCKER=1 but " + missing);
            }
            Assumptions.abort(missing);
        }
        installation = Installation.get();
        work = Files.createTempDirectory(Path.of("/tmp"), "edm-hosts-it-");
        if (!shared.prepareImage(work)) {
            throw new AssertionError(shared.imageProblem);
        }
        shared.runContainer(SHARED_CONTAINER);
        engine = PrivateDockerd.start();
        engine.runContainer(PRIVATE_CONTAINER);
        sshPort = freePort();
        closedPort = freePort();
        sshd = startSshd();
        config = work.resolve("edm-console.yml");
        Files.createDirectories(work.resolve("project"));
        Files.writeString(config, """
                projectDir: %s
                docker:
                  endpoint: unix:///var/run/docker.sock
                  timeoutSeconds: 5
                health:
                  urls: []
                  databaseUrl: ""
                services:
                  - name: backend
                    container: %s
                engines:
                  - name: private
                    endpoint: %s
                  - name: tunnel
                    endpoint: ssh://root@127.0.0.1:%d
                    socket: %s
                    sshConfig: %s
                  - name: nothing
                    endpoint: unix://%s
                  - name: closed
                    endpoint: ssh://root@127.0.0.1:%d
                    sshConfig: %s
                """.formatted(work.resolve("project"), SHARED_CONTAINER, engine.endpoint(), sshPort,
                engine.endpoint().substring("unix://".length()), sshConfig, work.resolve("nothing.sock"), closedPort, sshConfig));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** sshd on 127.0.0.1 with its own config, host key and authorized key; the client's ssh_config to reach it. */
    private static Process startSshd() throws IOException, InterruptedException {
        Path keys = Files.createDirectories(work.resolve("ssh"));
        Command.run(keys, Map.of(), 60, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "host_key").orThrow("ssh-keygen host");
        Command.run(keys, Map.of(), 60, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "id_ed25519").orThrow("ssh-keygen client");
        Files.copy(keys.resolve("id_ed25519.pub"), keys.resolve("authorized_keys"));
        Files.writeString(keys.resolve("known_hosts"), "[127.0.0.1]:" + sshPort + " " + Files.readString(keys.resolve("host_key.pub")));
        Path sshdConfig = keys.resolve("sshd_config");
        Files.writeString(sshdConfig, """
                ListenAddress 127.0.0.1
                HostKey %s
                AuthorizedKeysFile %s
                PidFile none
                StrictModes no
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                AllowStreamLocalForwarding yes
                AllowTcpForwarding local
                X11Forwarding no
                PrintMotd no
                LogLevel VERBOSE
                """.formatted(keys.resolve("host_key"), keys.resolve("authorized_keys")));
        sshConfig = keys.resolve("ssh_config");
        Files.writeString(sshConfig, """
                Host *
                  IdentityFile %s
                  IdentitiesOnly yes
                  UserKnownHostsFile %s
                  GlobalKnownHostsFile /dev/null
                  StrictHostKeyChecking yes
                """.formatted(keys.resolve("id_ed25519"), keys.resolve("known_hosts")));
        // sshd's privilege separation directory; Debian's package makes it at boot, not at install.
        Files.createDirectories(Path.of("/run/sshd"));
        Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", sshdConfig.toString(), "-p", Integer.toString(sshPort))
                .redirectErrorStream(true).redirectOutput(keys.resolve("sshd.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", sshPort)) {
                return p;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IOException("sshd did not start: " + Files.readString(keys.resolve("sshd.log")));
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException("sshd did not listen on 127.0.0.1:" + sshPort + ": " + Files.readString(keys.resolve("sshd.log")));
    }

    @AfterAll
    static void tearDown() throws IOException {
        shared.removeAll();
        if (sshd != null) {
            sshd.destroy();
        }
        if (engine != null) {
            engine.close();
        }
        if (work != null) {
            Command.run("rm", "-rf", work.toString());
        }
    }

    private static Command launcher(String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "-u", "DOCKER_HOST", "-u", "DOCKER_CONTEXT", installation.launcher.toString()));
        argv.addAll(List.of(args));
        return Command.run(work, Map.of(), 120, argv.toArray(String[]::new));
    }

    /** The text of one section: from its heading to the next heading (or the summary). */
    private static String section(String out, String name) {
        int start = out.indexOf("== " + name + "  ");
        assertTrue(start >= 0, "no section " + name + " in\n" + out);
        int next = out.indexOf("\n== ", start + 3);
        int summary = out.indexOf("\nAll hosts:", start);
        int end = next >= 0 ? next : summary >= 0 ? summary : out.length();
        return out.substring(start, end);
    }

    /** Processes whose command line names this test's ssh_config: the tunnels' ssh clients. */
    private static List<Long> tunnelProcesses() throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.startsWith("ssh ") && cmd.contains(sshConfig.toString())) {
                        found.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        }
        return found;
    }

    @Test
    void statusOverEveryEngineHasASectionEachAndTheWorstExitCode() throws IOException {
        Command c = launcher("status", "--all-hosts", "--config", config.toString(), "--lang", "en");
        String out = c.output();
        assertEquals(2, c.exitCode(), out);
        assertTrue(section(out, "local").contains(SHARED_CONTAINER), out);
        assertTrue(section(out, "private").startsWith("== private  " + engine.endpoint() + " =="), out);
        assertTrue(section(out, "private").contains(PRIVATE_CONTAINER), out);
        String tunnel = section(out, "tunnel");
        assertTrue(tunnel.startsWith("== tunnel  ssh://root@127.0.0.1:" + sshPort + " =="), out);
        assertTrue(tunnel.contains(PRIVATE_CONTAINER), "the private engine through ssh:\n" + out);
        assertTrue(tunnel.contains("Another server"), "host readings of this machine are not that server's:\n" + out);
        assertTrue(section(out, "private").contains("On this machine, with the same config"), out);
        assertTrue(section(out, "nothing").contains("(unreachable)"), out);
        String closed = section(out, "closed");
        assertTrue(closed.contains("(unreachable)") && closed.contains("Connection refused"), "ssh's own words:\n" + out);
        assertTrue(out.contains("All hosts: CRITICAL (5 engines,"), out);
        assertTrue(out.contains(", 2 unreachable)"), out);
        assertEquals(List.of(), tunnelProcesses(), "the tunnel's ssh is gone after the command");
    }

    @Test
    void checkInChineseWithTheOptionBeforeTheCommand() throws IOException {
        Command c = launcher("--all-hosts", "--lang", "zh-CN", "check", "--config", config.toString());
        String out = c.output();
        assertEquals(2, c.exitCode(), out);
        assertTrue(out.contains("== tunnel  ssh://root@127.0.0.1:" + sshPort + " =="), out);
        assertTrue(section(out, "closed").contains("（无法连接）"), out);
        assertTrue(out.contains("所有主机："), out);
        assertEquals(List.of(), tunnelProcesses());
    }

    @Test
    void jsonIsOneObjectPerHost() throws IOException {
        Command c = launcher("check", "--json", "--config", config.toString(), "--all-hosts");
        String json = c.output().replaceAll("\\s+", "");
        assertEquals(2, c.exitCode(), c.output());
        for (String name : List.of("local", "private", "tunnel", "nothing", "closed")) {
            assertTrue(json.contains("{\"name\":\"" + name + "\""), name + ": " + json);
        }
        assertTrue(json.contains("\"name\":\"tunnel\",\"endpoint\":\"ssh://root@127.0.0.1:" + sshPort + "\",\"reachable\":true"), json);
        assertTrue(json.contains("\"name\":\"closed\",\"endpoint\":\"ssh://root@127.0.0.1:" + closedPort + "\",\"reachable\":false"), json);
    }

    @Test
    void aHungEngineIsReportedAsSilentWhileTheOthersAnswer() throws IOException {
        engine.freeze();
        try {
            Command c = launcher("status", "--all-hosts", "--config", config.toString(), "--lang", "en");
            String out = c.output();
            assertEquals(2, c.exitCode(), out);
            assertTrue(section(out, "local").contains(SHARED_CONTAINER), "the shared engine still answers:\n" + out);
            assertTrue(section(out, "private").contains("(unreachable)"), out);
            assertTrue(section(out, "private").contains("not answering"), out);
            assertTrue(section(out, "tunnel").contains("(unreachable)"), out);
        } finally {
            engine.thaw();
        }
        assertEquals(List.of(), tunnelProcesses());
    }
}
