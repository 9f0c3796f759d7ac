package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.HealthStatus;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstListTest {
    /** An engine's answer with what the mapping cares about: names, IPv4 + IPv6 bindings, labels, health, nulls. */
    static final String LIST = """
            [{"Id":"aaa111","Names":["/edm-backend-prod"],"Image":"edm-backend:v1.2","ImageID":"sha256:1",
              "Command":"x","Created":1796128540,
              "Ports":[{"IP":"0.0.0.0","PrivatePort":8080,"PublicPort":18080,"Type":"tcp"},
                       {"IP":"::","PrivatePort":8080,"PublicPort":18080,"Type":"tcp"},
                       {"PrivatePort":9090,"Type":"udp"}],
              "Labels":{"com.docker.compose.project":"edm","b":""},"State":"running","Status":"Up 3 minutes (healthy)",
              "HostConfig":{"NetworkMode":"default"},"NetworkSettings":{"Networks":{}},"Mounts":[],"Extra":{"nested":[1,2.5,true,null]}},
             {"Id":"bbb222","Names":["/peer-1"],"Image":"sha256:abcdef","State":"exited","Status":"Exited (0) 2 hours ago",
              "Ports":[],"Labels":null,"Created":1},
             {"Id":"ccc333","Names":[],"Image":null,"State":"created","Status":"Created"}]
            """;

    @Test
    void rowsAreTheOnesDockerJavasModelGives() throws IOException {
        Container[] model = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(LIST, Container[].class);
        List<ContainerInfo> expected = new ArrayList<>();
        for (Container c : model) {
            expected.add(ContainerMapper.fromList(c));
        }
        List<ContainerInfo> rows = JsonContainers.containers(EngineJson.parse(LIST.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, rows);
        // The premise, so the comparison means something: the rows carry what the screen shows.
        assertEquals("edm-backend-prod", rows.get(0).name());
        assertEquals(HealthStatus.HEALTHY, rows.get(0).health());
        assertEquals(2, rows.get(0).ports().size(), "the IPv6 twin of a binding is one row: " + rows.get(0).ports());
        assertEquals("ccc333", rows.get(2).name(), "no name: the id");
    }

    @Test
    void anotherEndpointIsLeftToTheMonitor() {
        assertEquals(Optional.empty(), FirstList.read("tcp://127.0.0.1:2375", Duration.ofSeconds(1), List.of(), Clock.SYSTEM));
    }

    @Test
    void aSocketThatAcceptsButNeverAnswersEndsAtTheDeadline(@TempDir Path dir) throws IOException {
        Path sock = dir.resolve("hung.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            List<SocketChannel> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept()); // and never answers
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> FirstList.read("unix://" + sock, Duration.ofMillis(300), List.of(), Clock.SYSTEM));
            assertNotNull(EngineException.notAnswering(e), "a silent engine is 'not answering': " + e);
        }
    }

    @Test
    void anEngineThatAnswersGivesTheSnapshotWithItsVersion(@TempDir Path dir) throws IOException {
        Path sock = dir.resolve("engine.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread engine = new Thread(() -> {
                try {
                    for (int i = 0; i < 2; i++) {
                        try (SocketChannel c = server.accept()) {
                            ByteBuffer in = ByteBuffer.allocate(4096);
                            c.read(in);
                            String request = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
                            String body = request.startsWith("GET /version ") ? "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\"}"
                                    : request.startsWith("GET /containers/json?all=1 HTTP/1.0") ? LIST : "";
                            c.write(ByteBuffer.wrap(("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + body)
                                    .getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            engine.setDaemon(true);
            engine.start();
            var snapshot = FirstList.read("unix://" + sock, Duration.ofSeconds(10), List.of("peer-1"), Clock.SYSTEM).orElseThrow();
            assertTrue(snapshot.engine().connected());
            assertEquals("1.41", snapshot.engine().apiVersion());
            assertEquals("20.10.24", snapshot.engine().engineVersion());
            assertNotNull(snapshot.listedAt());
            assertEquals("peer-1", snapshot.containers().get(0).name(), "in display order: the preferred names first");
            assertEquals(3, snapshot.containers().size());
        } finally {
            Files.deleteIfExists(sock);
        }
    }
}
