package edm.console.core;

import java.time.Instant;
import java.util.List;

/**
 * Host resources at one moment. Percentages are 0..100; cpuPerCore has one entry per logical CPU;
 * loadAverage has 1, 5 and 15 minute values (negative when the OS does not report one).
 */
public record HostSnapshot(
        Instant sampledAt,
        double cpuPercent,
        List<Double> cpuPerCore,
        double[] loadAverage,
        long memoryTotalBytes,
        long memoryUsedBytes,
        long swapTotalBytes,
        long swapUsedBytes,
        List<FileSystemUsage> fileSystems,
        List<NetworkRate> networks,
        long uptimeSeconds) {

    public HostSnapshot {
        cpuPerCore = List.copyOf(cpuPerCore);
        loadAverage = loadAverage.clone();
        fileSystems = List.copyOf(fileSystems);
        networks = List.copyOf(networks);
    }

    public double memoryPercent() {
        return memoryTotalBytes <= 0 ? 0 : 100.0 * memoryUsedBytes / memoryTotalBytes;
    }

    public double swapPercent() {
        return swapTotalBytes <= 0 ? 0 : 100.0 * swapUsedBytes / swapTotalBytes;
    }

    /** A mounted filesystem; holdsProjectDir marks the one the project directory lives on. */
    public record FileSystemUsage(String mount, String type, long totalBytes, long usedBytes, boolean holdsProjectDir) {
        public double usedPercent() {
            return totalBytes <= 0 ? 0 : 100.0 * usedBytes / totalBytes;
        }
    }

    /** Bytes per second received and sent on one interface since the previous sample. */
    public record NetworkRate(String name, double receiveBytesPerSecond, double sendBytesPerSecond) {
    }
}
