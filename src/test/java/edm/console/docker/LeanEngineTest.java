package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.EngineEvent;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lean client against a scripted engine: errors, bounds, streams split anywhere, closing a stream. */
class LeanEngineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** In a script: stop here and keep the connection open without another byte (a quiet stream). */
    private static final byte[] HOLD = new byte[0];

    @TempDir
    Path dir;

    /** Answers each request with the byte pieces the script gives for its request line, written one by one. */
    private final class FakeEngine implements AutoCloseable {
        final ServerSocketChannel server;
        final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        final List<SocketChannel> open = new CopyOnWriteArrayList<>();

        FakeEngine(Function<String, List<byte[]>> script) throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(dir.resolve("engine.sock")));
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        SocketChannel c = server.accept();
                        open.add(c);
                        Thread conn = new Thread(() -> serve(c, script));
                        conn.setDaemon(true);
                        conn.start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
        }

        private void serve(SocketChannel c, Function<String, List<byte[]>> script) {
            try {
                ByteBuffer in = ByteBuffer.allocate(8192);
                String request = "";
                while (!request.contains("\r\n\r\n") && c.read(in) >= 0) {
                    request = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
                }
                String line = request.lines().findFirst().orElse("");
                requests.add(line);
                List<byte[]> pieces = script.apply(line);
                if (pieces == null) {
                    return; // keep the connection open, silent
                }
                for (byte[] p : pieces) {
                    if (p == HOLD) {
                        return;
                    }
                    c.write(ByteBuffer.wrap(p));
                    Thread.sleep(20); // separate reads on the client side
                }
                c.close();
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        LeanEngine client() {
            return LeanEngine.forEndpoint("unix://" + dir.resolve("engine.sock"), TIMEOUT).orElseThrow();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (SocketChannel c : open) {
                c.close();
            }
            java.nio.file.Files.deleteIfExists(dir.resolve("engine.sock"));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> ok(String... body) {
        List<byte[]> out = new java.util.ArrayList<>();
        out.add(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"));
        for (String b : body) {
            out.add(ascii(b));
        }
        return out;
    }

    @Test
    void aMissingContainerIsNotFoundWithTheEnginesMessage() throws Exception {
        try (FakeEngine engine = new FakeEngine(line -> List.of(ascii(
                "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{\"message\":\"No such container: nope\"}\n")))) {
            LeanEngine lean = engine.client();
            EngineException e = assertThrows(EngineException.class, () -> lean.inspect("nope"));
            assertEquals("inspect nope: No such container: nope", e.getMessage());
            assertTrue(lean.findByName("nope").isEmpty());
            assertEquals("GET /containers/nope/json HTTP/1.0", engine.requests.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void plainTcpIsServedAndTlsIsLeftToDockerJava() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
            Thread t = new Thread(() -> {
                try (SocketChannel c = server.accept()) {
                    c.read(ByteBuffer.allocate(8192));
                    c.write(ByteBuffer.wrap(ascii("HTTP/1.1 200 OK\r\n\r\n{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\"}")));
                } catch (IOException e) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
            EngineHttp http = EngineHttp.forEndpoint("tcp://127.0.0.1:" + port, Map.of()).orElseThrow();
            assertEquals(new ContainerGateway.EngineVersion("1.41", "20.10.24"), new LeanEngine(http, TIMEOUT).version());
        }
        assertTrue(EngineHttp.forEndpoint("tcp://127.0.0.1:2376", Map.of("DOCKER_TLS_VERIFY", "1")).isEmpty());
        assertTrue(EngineHttp.forEndpoint("tcp://127.0.0.1:2376", Map.of("DOCKER_CERT_PATH", "/certs")).isEmpty());
        assertTrue(EngineHttp.forEndpoint("npipe:////./pipe/docker_engine", Map.of()).isEmpty());
        assertTrue(EngineHttp.forEndpoint("unix:///var/run/docker.sock", Map.of("DOCKER_TLS_VERIFY", "1")).isPresent());
    }

    @Test
    void anErrorWithoutJsonSaysTheStatusLine() throws Exception {
        try (FakeEngine engine = new FakeEngine(line -> List.of(ascii("HTTP/1.1 500 Internal Server Error\r\n\r\noops")))) {
            EngineException e = assertThrows(EngineException.class, () -> engine.client().version());
            assertEquals("version: HTTP/1.1 500 Internal Server Error", e.getMessage());
        }
    }

    @Test
    void anAnswerLargerThanItsBoundIsRefused(@TempDir Path other) throws Exception {
        try (FakeEngine engine = new FakeEngine(line -> ok("[" + "1,".repeat(40_000) + "1]"))) {
            EngineHttp http = EngineHttp.forEndpoint("unix://" + dir.resolve("engine.sock"), Map.of()).orElseThrow();
            IOException e = assertThrows(IOException.class, () -> http.get("/containers/json", TIMEOUT, 64 << 10));
            assertTrue(e.getMessage().contains("larger than 64 KiB"), e.getMessage());
        }
    }

    @Test
    void chunkedAnswersAreRefusedRatherThanMisread() throws Exception {
        try (FakeEngine engine = new FakeEngine(line -> List.of(ascii(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\n")))) {
            EngineException e = assertThrows(EngineException.class, () -> engine.client().listContainers());
            assertTrue(e.getMessage().contains("unexpected transfer encoding"), e.getMessage());
        }
    }

    @Test
    void eventsSplitAnywhereArriveWholeAndOnlyContainerOnes() throws Exception {
        String start = "{\"status\":\"start\",\"id\":\"c1\",\"from\":\"busybox\",\"Type\":\"container\",\"Action\":\"start\","
                + "\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"image\":\"busybox\",\"name\":\"peer-1\"}},\"scope\":\"local\","
                + "\"time\":1796128540,\"timeNano\":1796128540123456789}\n";
        String network = "{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"n1\",\"Attributes\":{}},\"time\":1}\n";
        String die = "{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"name\":\"peer-1\"}},"
                + "\"time\":1796128541}\n";
        try (FakeEngine engine = new FakeEngine(line -> ok(start.substring(0, 40), start.substring(40) + network.substring(0, 10),
                network.substring(10) + die))) {
            List<EngineEvent> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            try (Closeable stream = engine.client().subscribeEvents(java.time.Instant.ofEpochSecond(1796128000), seen::add,
                    ended::complete)) {
                Throwable why = ended.get(10, TimeUnit.SECONDS);
                assertTrue(why.getMessage().contains("closed by the engine"), why.toString());
            }
            assertEquals(List.of(
                    new EngineEvent(java.time.Instant.ofEpochSecond(1796128540, 123456789), "c1", "peer-1", "start"),
                    new EngineEvent(java.time.Instant.ofEpochSecond(1796128541), "c1", "peer-1", "die")), seen);
            String asked = engine.requests.poll(5, TimeUnit.SECONDS);
            assertTrue(asked.startsWith("GET /events?filters=" + URLEncoder.encode(
                    "{\"type\":[\"container\"],\"event\":[\"create\",\"start\",\"restart\",\"stop\",\"die\",\"kill\",\"oom\","
                            + "\"pause\",\"unpause\",\"rename\",\"update\",\"destroy\",\"health_status\"]}",
                    StandardCharsets.UTF_8) + "&since=1796128000 "), asked);
        }
    }

    @Test
    void logFramesSplitAnywhereKeepStdoutAndStderrApart() throws Exception {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frame(frames, 1, "2026-12-01T10:00:00.000000001Z out one\n");
        frame(frames, 2, "2026-12-01T10:00:00.000000002Z err one\n");
        String big = "x".repeat(100_000) + "\n";
        frame(frames, 1, big);
        byte[] all = frames.toByteArray();
        String inspect = "{\"Id\":\"c1\",\"Config\":{\"Tty\":false}}";
        try (FakeEngine engine = new FakeEngine(line -> line.startsWith("GET /containers/c1/json") ? ok(inspect)
                : List.of(ascii("HTTP/1.1 200 OK\r\n\r\n"), java.util.Arrays.copyOfRange(all, 0, 5),
                        java.util.Arrays.copyOfRange(all, 5, 70), java.util.Arrays.copyOfRange(all, 70, all.length)))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            engine.client().logs("c1", java.time.Instant.ofEpochSecond(5), 10, false, sink(out, err, ended));
            assertNull(ended.get(10, TimeUnit.SECONDS));
            assertEquals("2026-12-01T10:00:00.000000001Z out one\n" + big, out.toString(StandardCharsets.UTF_8));
            assertEquals("2026-12-01T10:00:00.000000002Z err one\n", err.toString(StandardCharsets.UTF_8));
            engine.requests.poll(5, TimeUnit.SECONDS);
            assertEquals("GET /containers/c1/logs?stdout=1&stderr=1&timestamps=1&follow=0&since=5&tail=10 HTTP/1.0",
                    engine.requests.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aStreamSilentAfterItsHeadersStaysOpenUntilClosed() throws Exception {
        String inspect = "{\"Id\":\"c1\",\"Config\":{\"Tty\":true}}";
        try (FakeEngine engine = new FakeEngine(line -> line.startsWith("GET /containers/c1/json") ? ok(inspect) : null)) {
            // null: the engine never answers the logs request; the headers' deadline ends it as not answering
            LeanEngine lean = LeanEngine.forEndpoint("unix://" + dir.resolve("engine.sock"), Duration.ofMillis(500)).orElseThrow();
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            lean.logs("c1", null, -1, true, sink(new ByteArrayOutputStream(), new ByteArrayOutputStream(), ended));
            Throwable why = ended.get(10, TimeUnit.SECONDS);
            assertTrue(EngineException.notAnswering(why) != null, String.valueOf(why));
        }
        try (FakeEngine engine = new FakeEngine(line -> line.startsWith("GET /containers/c1/json") ? ok(inspect)
                : List.of(ascii("HTTP/1.1 200 OK\r\n\r\nraw terminal bytes"), HOLD))) {
            LeanEngine lean = LeanEngine.forEndpoint("unix://" + dir.resolve("engine.sock"), Duration.ofMillis(300)).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            CompletableFuture<Void> got = new CompletableFuture<>();
            Closeable stream = lean.logs("c1", null, -1, true, new ContainerGateway.LogChunks() {
                @Override
                public synchronized void chunk(boolean stderr, byte[] data, int offset, int length) {
                    assertFalse(stderr, "a terminal's stream is one stream");
                    out.write(data, offset, length);
                    got.complete(null);
                }

                @Override
                public void end(Throwable error) {
                    ended.complete(error);
                }
            });
            got.get(10, TimeUnit.SECONDS);
            Thread.sleep(1000); // well past the 300 ms the headers had: silence after them is not an error
            assertFalse(ended.isDone(), "silent after its headers: still open");
            stream.close();
            assertNull(ended.get(10, TimeUnit.SECONDS), "closed by its owner: a clean end");
            assertEquals("raw terminal bytes", out.toString(StandardCharsets.UTF_8));
        }
    }

    private static ContainerGateway.LogChunks sink(ByteArrayOutputStream out, ByteArrayOutputStream err,
                                                   CompletableFuture<Throwable> ended) {
        return new ContainerGateway.LogChunks() {
            @Override
            public synchronized void chunk(boolean stderr, byte[] data, int offset, int length) {
                (stderr ? err : out).write(data, offset, length);
            }

            @Override
            public void end(Throwable error) {
                ended.complete(error);
            }
        };
    }

    private static void frame(ByteArrayOutputStream to, int stream, String payload) {
        byte[] p = ascii(payload);
        to.write(stream);
        to.write(0);
        to.write(0);
        to.write(0);
        to.write(p.length >>> 24);
        to.write(p.length >>> 16);
        to.write(p.length >>> 8);
        to.write(p.length);
        to.write(p, 0, p.length);
    }
}
