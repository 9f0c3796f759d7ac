package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one HTTP probe reports against real local servers: status, redirects, timeouts, bad URLs, and no TLS unless a handshake. */
class HttpProbeTest {
    private HttpServer server;
    private final AtomicReference<String> lastUserAgent = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", x -> {
            lastUserAgent.set(x.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/broken");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/broken", x -> {
            x.sendResponseHeaders(503, -1);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static HttpProbe probe(Duration timeout) {
        return new HttpProbe(timeout, 5, Clock.SYSTEM);
    }

    @Test
    void upWithStatusAndLatencyAndNoTlsForPlainHttp() {
        HttpProbe p = probe(Duration.ofSeconds(5));
        ProbeResult r = p.check("api", url("/ok"));
        assertEquals(ProbeStatus.OK, r.status(), r.toString());
        assertEquals(200.0, r.metrics().get("statusCode"));
        assertEquals(1.0, r.metrics().get("up"));
        assertTrue(r.value().startsWith("200 "), r.value());
        assertEquals("edm-console health probe", lastUserAgent.get());
        assertFalse(p.tlsBuilt(), "an http:// probe needs no TLS context");
    }

    @Test
    void aRedirectIsNotFollowed() {
        ProbeResult r = probe(Duration.ofSeconds(5)).check("api", url("/moved"));
        assertEquals(ProbeStatus.OK, r.status(), "3xx is up, and its target (503) is not fetched: " + r);
        assertEquals(302.0, r.metrics().get("statusCode"));
    }

    @Test
    void aServerErrorIsCritical() {
        ProbeResult r = probe(Duration.ofSeconds(5)).check("api", url("/broken"));
        assertEquals(ProbeStatus.CRITICAL, r.status());
        assertEquals(503.0, r.metrics().get("statusCode"));
        assertEquals(HealthText.t("health.http.badStatus", 503), r.error());
    }

    @Test
    void aRefusedHttpsConnectionIsDownWithoutBuildingTls() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HttpProbe p = probe(Duration.ofSeconds(5));
        ProbeResult r = p.check("api", "https://127.0.0.1:" + closed + "/health");
        assertEquals(ProbeStatus.CRITICAL, r.status());
        assertEquals(HealthText.t("health.refused"), r.error());
        assertFalse(p.tlsBuilt(), "nothing to shake hands with: no TLS context");
        assertFalse(LazyTls.jdkDefaultBuilt(), "nor the JDK's default one (its whole trust store)");
    }

    @Test
    void notAUrlIsUnknownAndSaysWhatToFix() {
        for (String bad : new String[] {"localhost:8080/health", "ftp://127.0.0.1/x", "http://", "http://exa mple/"}) {
            ProbeResult r = probe(Duration.ofSeconds(1)).check("api", bad);
            assertEquals(ProbeStatus.UNKNOWN, r.status(), bad + ": " + r);
            assertEquals(HealthText.t("health.http.badUrl", bad), r.error());
        }
    }

    /**
     * A server that answers a byte every 100 ms never lets a single read time out; the probe's timeout
     * is the whole exchange's, so it still ends as "no answer" and is not taken for a healthy 200.
     */
    @Test
    void theTimeoutHoldsAgainstAServerThatAnswersAByteAtATime() throws Exception {
        try (ServerSocket trickle = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = trickle.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    for (byte b : "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the probe hung up: what it should do
                }
            }, "trickle-server");
            t.setDaemon(true);
            t.start();
            ProbeResult r = probe(Duration.ofMillis(1500)).check("api", "http://127.0.0.1:" + trickle.getLocalPort() + "/health");
            assertEquals(ProbeStatus.CRITICAL, r.status(), r.toString());
            assertEquals(HealthText.t("health.http.timeout", 1L), r.error());
        }
    }
}
