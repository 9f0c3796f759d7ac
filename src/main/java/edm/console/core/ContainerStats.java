package edm.console.core;

import java.time.Instant;

/** One resource sample of a running container. cpuPercent is of one core (200 % = two cores busy). */
public record ContainerStats(double cpuPercent, long memoryUsedBytes, long memoryLimitBytes, Instant sampledAt) {
    public double memoryPercent() {
        return memoryLimitBytes <= 0 ? 0 : 100.0 * memoryUsedBytes / memoryLimitBytes;
    }
}
