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

    /**
     * A mounted filesystem; holdsProjectDir marks the one the project directory lives on.
     * availableBytes is what unprivileged users can still write: it excludes the blocks reserved for root
     * (ext4 keeps 5 %), so used + available can be less than total.
     */
    public record FileSystemUsage(String mount, String type, long totalBytes, long usedBytes, long availableBytes,
                                  boolean holdsProjectDir) {

        /** Without a separate reserve: available = total - used. */
        public FileSystemUsage(String mount, String type, long totalBytes, long usedBytes, boolean holdsProjectDir) {
            this(mount, type, totalBytes, usedBytes, Math.max(0, totalBytes - usedBytes), holdsProjectDir);
        }

        /** Like df's Use%: used / (used + available), so a disk reads 100 % when users can no longer write. */
        public double usedPercent() {
            long usable = usedBytes + availableBytes;
            return usable <= 0 ? 0 : 100.0 * usedBytes / usable;
        }
    }

    /** Bytes per second received and sent on one interface since the previous sample. */
    public record NetworkRate(String name, double receiveBytesPerSecond, double sendBytesPerSecond) {
    }
}
