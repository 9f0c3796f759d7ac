package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import edm.console.core.HealthStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContainerRowsTest {
    @Test
    void healthFromDockerPsStatusText() {
        assertEquals(HealthStatus.HEALTHY, ContainerRows.healthFromStatusText("Up 5 minutes (healthy)"));
        assertEquals(HealthStatus.UNHEALTHY, ContainerRows.healthFromStatusText("Up 5 minutes (unhealthy)"));
        assertEquals(HealthStatus.STARTING, ContainerRows.healthFromStatusText("Up 2 seconds (health: starting)"));
        assertEquals(HealthStatus.NONE, ContainerRows.healthFromStatusText("Exited (0) 3 hours ago"));
        assertEquals(HealthStatus.NONE, ContainerRows.healthFromStatusText(null));
    }

    @Test
    void dockerZeroTimeMeansNever() {
        assertNull(ContainerRows.parseTime("0001-01-01T00:00:00Z"));
        assertNull(ContainerRows.parseTime(""));
        assertNull(ContainerRows.parseTime("garbage"));
        assertEquals(Instant.parse("2026-11-29T10:00:00.123456789Z"), ContainerRows.parseTime("2026-11-29T10:00:00.123456789Z"));
    }

    @Test
    void engineExceptionKeepsTheEngineMessageOnOneLine() {
        EngineException e = EngineException.of("inspect x",
                new RuntimeException("Status 404: {\"message\":\"No such container: x\"}\n"));
        assertEquals("inspect x: No such container: x", e.getMessage());
    }
}
