package edm.console.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import edm.console.core.Clock;
import edm.console.core.HostSnapshot;
import edm.console.core.HostSnapshot.FileSystemUsage;
import edm.console.core.HostSnapshot.NetworkRate;

/**
 * Samples the host's resources for the Resources panel. Meant to be called periodically from one
 * background thread (not thread-safe): CPU and network figures are rates between successive calls.
 *
 * <p>CPU, memory, swap, load, uptime and the network counters come straight from /proc/stat, /proc/meminfo,
 * /proc/loadavg, /proc/uptime and /proc/net/dev, parsed by {@link ProcHostReading} (the same figures as
 * {@code check} and {@code status}): no OSHI or JNA in the running console, and one read per sample for
 * every interface, however many veth pairs the containers add. Construction takes the first CPU and
 * network readings, so the first {@link #sample()}
 * already has a real interval to report on (or the since-boot CPU average if it comes within ~100 ms).
 * Every 10 s also the mount table with one statvfs per real filesystem.
 */
public final class HostMetrics {

    /**
     * Space on disk changes slowly, and the mount table plus one statvfs per filesystem is the dearest part
     * of a sample: read every 10 s, while CPU, memory and network are read every sample.
     */
    static final long FILESYSTEMS_EVERY_NANOS = 10_000_000_000L;

    private final Path projectDir;
    private final Clock clock;
    private final NetworkInterfaceFilter nicFilter;

    private final CpuLoadTracker cpu;
    private final NetworkRateTracker network = new NetworkRateTracker();
    private List<FileSystemUsage> fileSystems;
    private long fileSystemsReadAt;

    /** Samples with the system clock and the {@link NetworkInterfaceFilter#DEFAULT default} NIC filter. */
    public HostMetrics(Path projectDir) {
        this(projectDir, Clock.SYSTEM, NetworkInterfaceFilter.DEFAULT);
    }

    /**
     * @param projectDir the configured project directory (ConsoleConfig.projectPath()); its filesystem is
     *                   marked. It need not exist: its nearest existing parent decides.
     * @param clock      stamps {@link HostSnapshot#sampledAt()}; rates always use System.nanoTime
     * @param nicFilter  which interfaces get a network rate
     */
    public HostMetrics(Path projectDir, Clock clock, NetworkInterfaceFilter nicFilter) {
        this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nicFilter = Objects.requireNonNull(nicFilter, "nicFilter");
        this.cpu = new CpuLoadTracker(ProcHostReading.cpuTicks(lines(ProcHostReading.STAT)));
        network.update(readNicCounters(), System.nanoTime());
    }

    /** One reading of everything; takes a few milliseconds, never waits for an interval to pass. */
    public HostSnapshot sample() {
        CpuLoadTracker.CpuLoad load = cpu.update(ProcHostReading.cpuTicks(lines(ProcHostReading.STAT)));
        List<NetworkRate> rates = network.update(readNicCounters(), System.nanoTime());
        ProcHostReading.Memory m = ProcHostReading.memory(lines(ProcHostReading.MEMINFO));
        return new HostSnapshot(
                clock.now(),
                load.totalPercent(),
                load.perCorePercent(),
                ProcHostReading.loadAverage(text(ProcHostReading.LOADAVG)),
                m.total(),
                m.used(),
                m.swapTotal(),
                m.swapUsed(),
                fileSystemsEvery(FILESYSTEMS_EVERY_NANOS),
                rates,
                ProcHostReading.uptimeSeconds(text(ProcHostReading.UPTIME)));
    }

    private List<FileSystemUsage> fileSystemsEvery(long intervalNanos) {
        long now = System.nanoTime();
        if (fileSystems == null || now - fileSystemsReadAt >= intervalNanos) {
            fileSystems = ProcHostReading.fileSystems(projectDir);
            fileSystemsReadAt = now;
        }
        return fileSystems;
    }

    /** A /proc file that cannot be read fails the sample with its reason (the panel shows it). */
    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + e.getMessage(), e);
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + e.getMessage(), e);
        }
    }

    private List<NetworkRateTracker.InterfaceCounters> readNicCounters() {
        return ProcHostReading.networkCounters(lines(ProcHostReading.NET_DEV), nicFilter);
    }
}
