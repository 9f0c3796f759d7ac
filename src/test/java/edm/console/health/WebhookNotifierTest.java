package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.Severity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook against a small HTTP server on 127.0.0.1: the JSON body, retries with back-off, no blocking. */
class WebhookNotifierTest {
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int code = failFirst.getAndDecrement() > 0 ? 503 : 204;
            if (code == 204) {
                bodies.add(body);
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static Alert firing() {
        Instant t = Instant.parse("2026-11-29T03:00:00Z");
        return new Alert(SpecRules.SERVICE_DOWN, "postgresql://edm:hunter2@db:5432/edm", Severity.CRITICAL, AlertState.FIRING,
                "postgresql://edm:hunter2@db:5432/edm is unavailable", t, t.plusSeconds(61), null, null, null, null);
    }

    private void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void postsTheAlertAsJsonWithSecretsMasked() throws Exception {
        try (WebhookNotifier n = new WebhookNotifier(url(), Duration.ofSeconds(2), Duration.ofMillis(20), m -> { })) {
            n.send(firing());
            await(() -> !bodies.isEmpty());
        }
        JsonNode j = new ObjectMapper().readTree(bodies.get(0));
        assertEquals("service-down", j.get("rule").asText());
        assertEquals("firing", j.get("state").asText());
        assertEquals("critical", j.get("severity").asText());
        assertEquals("2026-11-29T03:01:01Z", j.get("firedAt").asText());
        assertTrue(!bodies.get(0).contains("hunter2"), bodies.get(0));
        assertTrue(j.get("subject").asText().contains("******"));
    }

    @Test
    void retriesWithBackOffUntilTheServerAccepts() throws Exception {
        failFirst.set(3);
        try (WebhookNotifier n = new WebhookNotifier(url(), Duration.ofSeconds(2), Duration.ofMillis(20), m -> { })) {
            n.send(firing());
            await(() -> !bodies.isEmpty());
        }
        assertEquals(1, bodies.size(), "delivered once, after three refusals");
    }

    @Test
    void sendDoesNotWaitForTheServer() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
        server.createContext("/slow", ex -> {
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answered.set(true);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        String slow = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
        try (WebhookNotifier n = new WebhookNotifier(slow, Duration.ofSeconds(2), Duration.ofMillis(10), m -> { })) {
            n.send(firing());
            assertTrue(!answered.get(), "send returned while the server was still holding the request");
            release.countDown();
        }
    }

    @Test
    void givesUpAfterMaxAttemptsAndSaysSo() throws Exception {
        failFirst.set(1000);
        List<String> failures = new CopyOnWriteArrayList<>();
        try (WebhookNotifier n = new WebhookNotifier(url(), Duration.ofSeconds(2), Duration.ofMillis(10), failures::add)) {
            n.send(firing());
            await(() -> !failures.isEmpty());
        }
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("after 5 attempts") && failures.get(0).contains("HTTP 503"), failures.get(0));
        assertEquals(1000 - WebhookNotifier.MAX_ATTEMPTS, failFirst.get());
    }
}
