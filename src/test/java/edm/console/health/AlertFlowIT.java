package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import edm.console.cli.SnapshotCollectorAccess;
import edm.console.config.ConsoleConfig;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop the backend → its probes fail → "service unavailable" goes pending, then firing after the
 * (shortened) hold time, reaching a webhook on 127.0.0.1 and the alert log; start it → resolved.
 */
@RequiresSandbox
class AlertFlowIT {
    @Test
    void backendDownFiresThenResolves(@TempDir Path dir) throws Exception {
        var sb = SandboxFixture.up();
        ConsoleConfig config = sb.config();
        config.thresholds.serviceDownSeconds = 2;
        List<String> hooks = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            hooks.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        AlertLog log = new AlertLog(dir.resolve("alerts.log"));
        try (WebhookNotifier hook = new WebhookNotifier("http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                Duration.ofSeconds(2), Duration.ofMillis(50), m -> { })) {
            AlertEngine engine = new AlertEngine(SpecRules.from(config), Clock.SYSTEM, a -> {
                hook.send(a);
                try {
                    log.append(a);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ContainerProbes containers = new ContainerProbes();
            DockerEngine.client().stopContainerCmd("edm-backend-sandbox").withTimeout(2).exec();
            try {
                List<Alert> pending = until(engine, containers, config,
                        l -> l.stream().anyMatch(a -> a.ruleId().equals(SpecRules.SERVICE_DOWN) && a.state() == AlertState.PENDING));
                assertTrue(hooks.isEmpty(), "nothing notified while pending");
                assertTrue(pending.stream().anyMatch(a -> a.subject().equals("edm-backend-sandbox")), pending.toString());
                List<Alert> firing = until(engine, containers, config, l -> l.stream().anyMatch(a ->
                        a.subject().equals("edm-backend-sandbox") && a.state() == AlertState.FIRING));
                assertTrue(firing.get(0).message().contains("edm-backend-sandbox is unavailable"), firing.toString());
            } finally {
                DockerEngine.client().startContainerCmd("edm-backend-sandbox").exec();
            }
            until(engine, containers, config, l -> l.stream().filter(a -> a.ruleId().equals(SpecRules.SERVICE_DOWN))
                    .allMatch(a -> a.state() == AlertState.RESOLVED) && !l.isEmpty());
            long end = System.nanoTime() + 10_000_000_000L;
            while (hooks.stream().noneMatch(h -> h.contains("\"resolved\"")) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        } finally {
            server.stop(0);
            SandboxFixture.up();
        }
        assertTrue(hooks.stream().anyMatch(h -> h.contains("\"firing\"") && h.contains("edm-backend-sandbox")), hooks.toString());
        assertTrue(hooks.stream().anyMatch(h -> h.contains("\"resolved\"") && h.contains("edm-backend-sandbox")), hooks.toString());
        List<String> lines = Files.readAllLines(log.file());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"firing\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"resolved\"")), lines.toString());
        assertEquals(0, lines.stream().filter(l -> l.contains(sb.credentials().dbPassword())).count(), "no secret in the log");
    }

    /** Re-runs every probe about twice a second until the alerts satisfy the condition (or a deadline passes). */
    private static List<Alert> until(AlertEngine engine, ContainerProbes containers, ConsoleConfig config,
                                     Predicate<List<Alert>> done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Alert> last = List.of();
        while (System.nanoTime() < end) {
            List<ProbeResult> results = new ArrayList<>(containers.evaluate(
                    SnapshotCollectorAccess.listContainers(config), config.containerNames(), java.time.Instant.now()));
            results.addAll(new HealthChecker(config, Clock.SYSTEM).runNetworkProbes());
            last = engine.evaluate(results, true);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("alerts never reached the expected state; last: " + last);
    }
}
