package edm.console.sandbox;

import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import java.util.List;

/**
 * One row of {@code sandbox status}: a sandbox service and its container, if it exists.
 *
 * @param lastHealthOutput output of the most recent health check, empty when none (shown when unhealthy)
 */
public record SandboxContainerState(String service, String name, boolean exists, String image, ContainerStatus status,
                                    HealthStatus health, List<PortMapping> ports, String lastHealthOutput) {
    public SandboxContainerState {
        ports = List.copyOf(ports);
    }

    static SandboxContainerState missing(SandboxService s) {
        return new SandboxContainerState(s.name(), s.containerName(), false, "", ContainerStatus.UNKNOWN, HealthStatus.NONE,
                List.of(), "");
    }

    public boolean healthy() {
        return exists && status == ContainerStatus.RUNNING && (health == HealthStatus.HEALTHY || health == HealthStatus.NONE);
    }
}
