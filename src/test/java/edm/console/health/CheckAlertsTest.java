package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled check's alerts: a problem fires once, not every 5 minutes; it resolves when it clears; each goes to the webhook. */
class CheckAlertsTest {
    @TempDir
    Path dir;

    private static ProbeResult probe(String id, ProbeStatus s, Instant at) {
        return new ProbeResult(id, "http", "https://tkmail.fun/api/health", s, s == ProbeStatus.OK ? "200" : "down", Duration.ZERO, at,
                s == ProbeStatus.OK ? "" : "connection refused", Map.of());
    }

    @Test
    void aProblemFiresOnceAndResolvesWhenItClears() throws Exception {
        CheckAlerts alerts = new CheckAlerts(dir.resolve("state/alerts.tsv"));
        Instant t0 = Instant.parse("2026-12-01T21:00:00Z");
        List<Alert> first = alerts.changes(List.of(probe("http:api", ProbeStatus.CRITICAL, t0), probe("disk:/", ProbeStatus.OK, t0)), t0);
        assertEquals(1, first.size());
        assertEquals(AlertState.FIRING, first.get(0).state());
        assertEquals("connection refused", first.get(0).message());
        Instant t1 = t0.plusSeconds(300);
        assertEquals(List.of(), new CheckAlerts(dir.resolve("state/alerts.tsv")).changes(List.of(probe("http:api", ProbeStatus.CRITICAL, t1)), t1),
                "the same problem five minutes later is no new alert");
        Instant t2 = t1.plusSeconds(300);
        List<Alert> cleared = alerts.changes(List.of(probe("http:api", ProbeStatus.OK, t2)), t2);
        assertEquals(1, cleared.size());
        assertEquals(AlertState.RESOLVED, cleared.get(0).state());
        assertEquals(t0, cleared.get(0).since(), "since when the problem held, across the runs");
        assertEquals(t2, cleared.get(0).resolvedAt());
    }

    @Test
    void anAlertIsPostedToTheWebhookAsJson() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            Instant t0 = Instant.parse("2026-12-01T21:00:00Z");
            Alert a = new CheckAlerts(dir.resolve("a.tsv")).changes(List.of(probe("http:api", ProbeStatus.CRITICAL, t0)), t0).get(0);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            assertNull(CheckAlerts.post(url, a, Duration.ofSeconds(5)));
            assertEquals(1, bodies.size());
            assertTrue(bodies.get(0).contains("\"check.http:api\"") && bodies.get(0).contains("\"state\":\"firing\""), bodies.get(0));
            String failed = CheckAlerts.post("http://127.0.0.1:" + server.getAddress().getPort() + "/missing", a, Duration.ofSeconds(5));
            assertEquals("HTTP 404", failed);
        } finally {
            server.stop(0);
        }
    }
}
