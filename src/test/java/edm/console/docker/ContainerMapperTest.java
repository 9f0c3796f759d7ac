package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import edm.console.core.HealthStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContainerMapperTest {
    @Test
    void healthFromDockerPsStatusText() {
        assertEquals(HealthStatus.HEALTHY, ContainerMapper.healthFromStatusText("Up 5 minutes (healthy)"));
        assertEquals(HealthStatus.UNHEALTHY, ContainerMapper.healthFromStatusText("Up 5 minutes (unhealthy)"));
        assertEquals(HealthStatus.STARTING, ContainerMapper.healthFromStatusText("Up 2 seconds (health: starting)"));
        assertEquals(HealthStatus.NONE, ContainerMapper.healthFromStatusText("Exited (0) 3 hours ago"));
        assertEquals(HealthStatus.NONE, ContainerMapper.healthFromStatusText(null));
    }

    @Test
    void dockerZeroTimeMeansNever() {
        assertNull(ContainerMapper.parseTime("0001-01-01T00:00:00Z"));
        assertNull(ContainerMapper.parseTime(""));
        assertNull(ContainerMapper.parseTime("garbage"));
        assertEquals(Instant.parse("2026-11-29T10:00:00.123456789Z"), ContainerMapper.parseTime("2026-11-29T10:00:00.123456789Z"));
    }

    @Test
    void engineExceptionKeepsTheEngineMessageOnOneLine() {
        EngineException e = EngineException.of("inspect x",
                new RuntimeException("Status 404: {\"message\":\"No such container: x\"}\n"));
        assertEquals("inspect x: No such container: x", e.getMessage());
    }
}
