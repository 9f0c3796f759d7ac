package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.EngineSummary;
import edm.console.core.HealthSnapshot;
import edm.console.core.HealthStatus;
import edm.console.live.HostsPoller;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts of every engine in one list: the other engines' container alerts from the poller, tagged with their engine. */
class AllEngineAlertsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    private static EngineLink link(String name, Path dir) {
        ConsoleConfig c = new ConsoleConfig();
        c.projectDir = dir.toString();
        c.thresholds.serviceDownSeconds = 0; // fires at the first breach
        return new EngineLink(name, "unix:///x", "unix:///x", "", new LoadedConfig(c, Optional.empty(), List.of(), List.of()), null,
                true, () -> { });
    }

    private static HostsPoller.Poll poll(String engine, ContainerStatus backend) {
        ContainerInfo c = new ContainerInfo("id1", "edm-backend-prod", "edm-backend:v1", backend, HealthStatus.NONE, NOW, null, 0,
                List.of(), Map.of());
        EngineSummary row = new EngineSummary(engine, "unix:///x", EngineSummary.Reach.UP, "", 0, 1, 0, 0, null, NOW);
        return new HostsPoller.Poll(row, new ContainersSnapshot(EngineStatus.up("unix:///x", "", "", NOW), List.of(c), Map.of(), NOW),
                Set.of());
    }

    private static Alert backend(HealthSnapshot h) {
        return h.alerts().stream().filter(a -> a.subject().equals("edm-backend-prod")).findFirst().orElseThrow();
    }

    @Test
    void anotherEnginesDownContainerFiresTaggedAndCountsOnTheStatusBar(@TempDir Path dir) {
        AtomicReference<HealthSnapshot> shown = new AtomicReference<>();
        AllEngineAlerts all = new AllEngineAlerts(true, "local", () -> NOW, p -> { }, shown::set);
        all.of(link("local", dir));
        all.of(link("staging", dir));
        all.polled(poll("staging", ContainerStatus.EXITED));
        all.polled(poll("staging", ContainerStatus.EXITED));
        // The stack's other four containers do not exist on it: they are down too.
        assertEquals(5, shown.get().alerts().size(), shown.get().alerts().toString());
        Alert alert = backend(shown.get());
        assertEquals("staging", alert.host());
        assertEquals(AlertState.FIRING, alert.state());
        assertEquals(5, shown.get().needingAttention());
        assertEquals(5, all.firing("staging"));
        assertEquals(0, all.firing("local"));
        // The current engine's own monitor does its alerts: a poll of it is not evaluated twice.
        all.polled(poll("local", ContainerStatus.EXITED));
        all.polled(poll("local", ContainerStatus.EXITED));
        assertEquals(5, shown.get().alerts().size());
        // The current engine's snapshot comes with the others' alerts.
        all.current(HealthSnapshot.empty());
        assertEquals(5, shown.get().alerts().size());
        assertTrue(all.acknowledge(alert.key(), "li.wei", "on it"), "acknowledged on the engine that has it");
        all.current(HealthSnapshot.empty());
        assertEquals(4, shown.get().needingAttention());
        all.polled(poll("staging", ContainerStatus.RUNNING));
        assertEquals(AlertState.RESOLVED, backend(shown.get()).state());
        assertTrue(all.snooze("nope", Duration.ofHours(1)) == false);
    }

    @Test
    void afterASwitchTheOldCurrentEngineIsPolledForItsContainers(@TempDir Path dir) {
        AtomicReference<HealthSnapshot> shown = new AtomicReference<>();
        AllEngineAlerts all = new AllEngineAlerts(true, "local", () -> NOW, p -> { }, shown::set);
        all.of(link("local", dir));
        all.of(link("staging", dir));
        all.switched("staging");
        all.polled(poll("local", ContainerStatus.EXITED));
        all.polled(poll("local", ContainerStatus.EXITED));
        assertEquals("local", backend(shown.get()).host());
        assertEquals(5, all.firing("local"));
        assertEquals(0, all.firing("staging"), "the current engine's count is its monitor's (none published yet)");
    }
}
