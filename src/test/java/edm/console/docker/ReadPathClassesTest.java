package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.app.Main;
import edm.console.core.ContainerInfo;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read the watching console makes (ping, version, list with image names, inspect, find by name, stats,
 * events, logs), run through {@link ContainerGateway} in a JVM of its own, loads no class of docker-java,
 * httpclient5, guava or Jackson databind: the JVM's own class-load log says so. Nor do {@code check} and
 * {@code status} (and their {@code --json}) as cron and scripts run them, with a config file and a compose
 * file, which also load no picocli (their command line is read without it); nor does {@code check --format prometheus}.
 */
class ReadPathClassesTest {
    private static final List<String> HEAVY = List.of("com.github.dockerjava.", "org.apache.hc.", "com.google.common.",
            "com.fasterxml.jackson.databind.");

    @Test
    void theReadsLoadNoneOfDockerJava(@TempDir Path dir) throws Exception {
        List<String> loaded = classesLoaded(dir, "reads done", Reads.class.getName(), dir.resolve("engine.sock").toString());
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" edm.console.docker.LeanEngine ")), "the premise: the log lists classes");
        assertEquals(List.of(), heavy(loaded, HEAVY));
    }

    @Test
    void checkAndStatusAndTheirJsonWithAConfigAndAComposeFileLoadNoDatabindNorPicocli(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("engine.sock");
        Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  backend:
                    image: edm-backend:${BACKEND_TAG:-v1.0}
                    container_name: edm-backend-prod
                    ports:
                      - "127.0.0.1:18002:8002"
                    networks: [edm-network]
                  nginx:
                    image: edm-nginx:v1.0
                    container_name: edm-nginx-prod
                networks:
                  edm-network: {}
                """);
        Files.writeString(dir.resolve(".env.production"), "BACKEND_TAG=v1.2\n");
        Path config = Files.writeString(dir.resolve("edm-console.yml"), "projectDir: " + dir + "\ndocker:\n  endpoint: unix://" + sock
                + "\n  timeoutSeconds: 5\nhealth:\n  urls:\n  - name: api\n    url: http://127.0.0.1:9/api/health\n"
                + "thresholds:\n  diskPercent: 99.5\n");
        List<String> heavyAndPicocli = new ArrayList<>(HEAVY);
        heavyAndPicocli.add("picocli.");
        for (List<String> command : List.of(List.of("check"), List.of("check", "--json"), List.of("status"), List.of("status", "--json"),
                List.of("check", "--format", "prometheus"))) {
            Path run = Files.createDirectories(dir.resolve(String.join("", command)));
            List<String> args = new ArrayList<>(List.of(Command.class.getName(), sock.toString(), "--config", config.toString()));
            args.addAll(command);
            List<String> loaded = classesLoaded(run, "exit ", args.toArray(String[]::new));
            String out = Files.readString(run.resolve("out.txt"));
            // The premises: the config and the compose file were read, the engine was asked.
            assertTrue(out.contains("edm-backend-prod") && out.contains("compose"), out);
            assertTrue(loaded.stream().anyMatch(l -> l.contains(" edm.console.compose.ComposeReader ")), "compose file read");
            assertTrue(loaded.stream().anyMatch(l -> l.contains(" edm.console.config.ConfigBinder ")), "config file read");
            assertEquals(List.of(), heavy(loaded, heavyAndPicocli), command.toString());
        }
    }

    /** Runs {@code main} in a JVM of its own; the classes it loaded, after checking that it ended well (its output holds {@code done}). */
    private static List<String> classesLoaded(Path dir, String done, String... main) throws Exception {
        Path log = dir.resolve("classes.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:off", "-Xlog:class+load:file=" + log, "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(main));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child finished");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(done), out);
        return Files.readAllLines(log);
    }

    private static List<String> heavy(List<String> loaded, List<String> prefixes) {
        return loaded.stream().filter(l -> prefixes.stream().anyMatch(l::contains)).toList();
    }

    /** The child JVM for a command: the scripted engine on a unix socket, and the console's Main with the rest of the arguments. */
    public static final class Command {
        public static void main(String[] args) throws Exception {
            // The engine of the run before (the socket file outlives its JVM).
            Files.deleteIfExists(Path.of(args[0]));
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(Path.of(args[0])));
            Thread engine = new Thread(() -> Reads.serve(server));
            engine.setDaemon(true);
            engine.start();
            int code = Main.run(Arrays.copyOfRange(args, 1, args.length));
            System.out.println("exit " + code);
        }
    }

    /** The child JVM: a scripted engine on a unix socket, and every read through the gateway. */
    public static final class Reads {
        public static void main(String[] args) throws Exception {
            Path sock = Path.of(args[0]);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread engine = new Thread(() -> serve(server));
            engine.setDaemon(true);
            engine.start();
            try (ContainerGateway gw = new ContainerGateway(EngineEndpoint.resolve("unix://" + sock), Duration.ofSeconds(10))) {
                gw.ping();
                gw.version();
                List<ContainerInfo> all = gw.listContainers();
                gw.enrich(all.get(0));
                gw.inspect("c1");
                gw.nameOf("c1");
                gw.findByName("missing");
                gw.stats("c1");
                CompletableFuture<Object> event = new CompletableFuture<>();
                try (Closeable events = gw.subscribeEvents(null, event::complete, event::complete)) {
                    event.get(30, TimeUnit.SECONDS);
                }
                CompletableFuture<Throwable> ended = new CompletableFuture<>();
                try (Closeable logs = gw.logs("c1", null, 10, false, new ContainerGateway.LogChunks() {
                    @Override
                    public void chunk(boolean stderr, byte[] data, int offset, int length) {
                    }

                    @Override
                    public void end(Throwable error) {
                        ended.complete(error);
                    }
                })) {
                    ended.get(30, TimeUnit.SECONDS);
                }
            }
            System.out.println("reads done");
        }

        static void serve(ServerSocketChannel server) {
            try {
                while (true) {
                    SocketChannel c = server.accept();
                    Thread t = new Thread(() -> answer(c));
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                // the child is done
            }
        }

        private static void answer(SocketChannel c) {
            try (c) {
                ByteBuffer in = ByteBuffer.allocate(8192);
                String request = "";
                while (!request.contains("\r\n\r\n") && c.read(in) >= 0) {
                    request = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
                }
                String path = request.split(" ")[1];
                String ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n";
                String inspect = "{\"Id\":\"c1\",\"Name\":\"/c1\",\"Image\":\"sha256:1\",\"State\":{\"Status\":\"running\",\"Running\":true,"
                        + "\"Pid\":1,\"Health\":{\"Status\":\"healthy\",\"Log\":[]}},\"Config\":{\"Image\":\"sha256:1\",\"Tty\":false},"
                        + "\"NetworkSettings\":{\"Ports\":{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"}]}}}";
                String answer;
                if (path.startsWith("/_ping")) {
                    answer = ok + "OK";
                } else if (path.startsWith("/version")) {
                    answer = ok + "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\"}";
                } else if (path.startsWith("/containers/json")) {
                    answer = ok + FirstListTest.LIST;
                } else if (path.startsWith("/images/")) {
                    answer = ok + "{\"RepoTags\":[\"busybox:1\"]}";
                } else if (path.startsWith("/containers/missing/")) {
                    answer = "HTTP/1.1 404 Not Found\r\n\r\n{\"message\":\"No such container: missing\"}";
                } else if (path.contains("/stats")) {
                    answer = ok + "{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":5},\"system_cpu_usage\":9,\"online_cpus\":2},"
                            + "\"memory_stats\":{\"usage\":100,\"limit\":1000,\"stats\":{\"total_inactive_file\":10}}}";
                } else if (path.startsWith("/events")) {
                    answer = ok + "{\"Type\":\"container\",\"Action\":\"start\",\"id\":\"c1\",\"Actor\":{\"ID\":\"c1\","
                            + "\"Attributes\":{\"name\":\"c1\"}},\"time\":1}\n";
                } else if (path.contains("/logs")) {
                    answer = ok + "\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0003hi\n";
                } else {
                    answer = ok + inspect;
                }
                c.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // the client went away
            }
        }
    }
}
