package edm.console.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine tells about one container, merged from list + inspect.
 * startedAt is null when the container never ran; restartCount comes from inspect and may be -1 when unknown.
 */
public record ContainerInfo(
        String id,
        String name,
        String image,
        ContainerStatus status,
        HealthStatus health,
        Instant createdAt,
        Instant startedAt,
        int restartCount,
        List<PortMapping> ports,
        Map<String, String> labels) {

    public ContainerInfo {
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    public boolean running() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.RESTARTING;
    }

    /** Repository part of the image reference, e.g. {@code edm-frontend} for {@code edm-frontend:v1.1}. */
    public String imageRepository() {
        return ImageRef.parse(image).repository();
    }

    public String imageTag() {
        return ImageRef.parse(image).tag();
    }

    /** The same container showing another image reference (its tag rather than the id the engine listed). */
    public ContainerInfo withImage(String newImage) {
        return new ContainerInfo(id, name, newImage, status, health, createdAt, startedAt, restartCount, ports, labels);
    }

    public ContainerInfo withHealthAndRestarts(HealthStatus newHealth, Instant newStartedAt, int newRestartCount) {
        return new ContainerInfo(id, name, image, status, newHealth, createdAt, newStartedAt, newRestartCount, ports, labels);
    }
}
