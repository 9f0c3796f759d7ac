package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.core.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T03:00:00Z"));
    private final List<Alert> changes = new ArrayList<>();
    private final AlertEngine engine = new AlertEngine(SpecRules.from(new ConsoleConfig()), now::get, changes::add);

    private void advance(long seconds) {
        now.set(now.get().plusSeconds(seconds));
    }

    private ProbeResult http(boolean up, double latency) {
        return new ProbeResult("http:api", "http", "https://tkmail.fun/api/health", up ? ProbeStatus.OK : ProbeStatus.CRITICAL,
                "", Duration.ZERO, now.get(), up ? "" : "connection refused",
                Map.of("up", up ? 1.0 : 0.0, "latencySeconds", latency));
    }

    private ProbeResult disk(double pct) {
        return new ProbeResult("disk:/", "disk", "/", ProbeStatus.OK, "", Duration.ZERO, now.get(), "", Map.of("usedPercent", pct));
    }

    private Alert only() {
        assertEquals(1, engine.list().size(), engine.list().toString());
        return engine.list().get(0);
    }

    @Test
    void serviceDownFiresOnlyAfterHoldingOneMinute() {
        engine.evaluate(List.of(http(false, 0)), true);
        assertEquals(AlertState.PENDING, only().state());
        advance(59);
        engine.evaluate(List.of(http(false, 0)), true);
        assertEquals(AlertState.PENDING, only().state(), "59 s: still pending");
        assertTrue(changes.isEmpty());
        advance(2);
        engine.evaluate(List.of(http(false, 0)), true);
        Alert a = only();
        assertEquals(AlertState.FIRING, a.state(), "61 s: firing");
        assertEquals(Severity.CRITICAL, a.severity());
        assertTrue(a.message().contains("https://tkmail.fun/api/health") && a.message().contains("connection refused"), a.message());
        assertEquals(List.of(AlertState.FIRING), changes.stream().map(Alert::state).toList());
        assertEquals(1, engine.needingAttention());
    }

    @Test
    void aBlipShorterThanTheHoldTimeLeavesNoTrace() {
        engine.evaluate(List.of(http(false, 0)), true);
        advance(30);
        engine.evaluate(List.of(http(true, 0.1)), true);
        assertTrue(engine.list().isEmpty());
        assertTrue(changes.isEmpty());
    }

    @Test
    void firingThenRecoveringResolvesAndIsRecorded() {
        engine.evaluate(List.of(http(false, 0)), true);
        advance(61);
        engine.evaluate(List.of(http(false, 0)), true);
        advance(10);
        engine.evaluate(List.of(http(true, 0.2)), true);
        Alert a = only();
        assertEquals(AlertState.RESOLVED, a.state());
        assertEquals(now.get(), a.resolvedAt());
        assertEquals(List.of(AlertState.FIRING, AlertState.RESOLVED), changes.stream().map(Alert::state).toList());
        assertEquals(0, engine.needingAttention());
        advance(31 * 60);
        engine.evaluate(List.of(http(true, 0.2)), true);
        assertTrue(engine.list().isEmpty(), "resolved alerts age out");
    }

    @Test
    void aSubjectNotReportedThisRoundKeepsItsStateUnlessComplete() {
        engine.evaluate(List.of(disk(90)), true);
        advance(61);
        engine.evaluate(List.of(disk(90)), true);
        assertEquals(AlertState.FIRING, only().state());
        engine.evaluate(List.of(http(true, 0.1)), false);
        assertEquals(AlertState.FIRING, only().state(), "only HTTP results arrived: the disk alert stands");
        engine.evaluate(List.of(disk(80)), false);
        assertEquals(AlertState.RESOLVED, only().state());
    }

    @Test
    void slowApiIsAWarningWithTheMeasuredValue() {
        engine.evaluate(List.of(http(true, 6.2)), true);
        advance(60);
        engine.evaluate(List.of(http(true, 6.2)), true);
        Alert a = only();
        assertEquals(AlertState.FIRING, a.state());
        assertEquals(Severity.WARNING, a.severity());
        assertTrue(a.message().contains("6.2 s") && a.message().contains("threshold 5 s"), a.message());
    }

    @Test
    void acknowledgeAndSnooze() {
        engine.evaluate(List.of(http(false, 0)), true);
        advance(61);
        engine.evaluate(List.of(http(false, 0)), true);
        String key = only().key();
        assertTrue(engine.acknowledge(key, "ops", "looking into it"));
        assertEquals(0, engine.needingAttention(), "acknowledged: no longer counted");
        assertEquals("looking into it", only().ackNote());
        assertEquals(AlertState.FIRING, only().state(), "still firing while the condition holds");

        engine.evaluate(List.of(disk(95)), false);
        advance(61);
        engine.evaluate(List.of(disk(95)), false);
        Alert diskAlert = engine.list().stream().filter(x -> x.ruleId().equals(SpecRules.DISK)).findFirst().orElseThrow();
        assertTrue(engine.snooze(diskAlert.key(), Duration.ofMinutes(15)));
        assertEquals(0, engine.needingAttention());
        int before = changes.size();
        advance(5);
        engine.evaluate(List.of(disk(80)), false);
        assertEquals(before, changes.size(), "a snoozed alert resolves without notifying");
        assertFalse(engine.acknowledge("nope|x", "ops", ""));
    }

    @Test
    void configuredHoldTimesAndThresholdsApply() {
        ConsoleConfig c = new ConsoleConfig();
        c.thresholds.serviceDownSeconds = 5;
        c.thresholds.diskPercent = 70;
        AlertEngine fast = new AlertEngine(SpecRules.from(c), now::get, changes::add);
        fast.evaluate(List.of(http(false, 0), disk(75)), true);
        advance(6);
        List<Alert> l = fast.evaluate(List.of(http(false, 0), disk(75)), true);
        assertEquals(AlertState.FIRING, l.stream().filter(a -> a.ruleId().equals(SpecRules.SERVICE_DOWN)).findFirst().orElseThrow().state());
        assertEquals(AlertState.PENDING, l.stream().filter(a -> a.ruleId().equals(SpecRules.DISK)).findFirst().orElseThrow().state());
    }
}
