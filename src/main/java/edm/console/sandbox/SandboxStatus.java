package edm.console.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What {@code sandbox status} shows: the sandbox containers in service order, whether the network exists,
 * and which images are present (image -> exists, in build order).
 */
public record SandboxStatus(List<SandboxContainerState> containers, boolean networkExists, Map<String, Boolean> images) {
    public SandboxStatus {
        containers = List.copyOf(containers);
        images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
    }

    public boolean allHealthy() {
        return containers.stream().allMatch(SandboxContainerState::healthy);
    }

    public List<String> missingImages() {
        return images.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }
}
