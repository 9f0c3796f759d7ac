package edm.console.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import edm.console.core.Clock;
import edm.console.core.HostSnapshot;
import edm.console.core.HostSnapshot.FileSystemUsage;
import edm.console.core.HostSnapshot.NetworkRate;
import oshi.SystemInfo;
import oshi.hardware.NetworkIF;

/**
 * Samples the host's resources for the Resources panel. Meant to be called periodically from one
 * background thread (not thread-safe): CPU and network figures are rates between successive calls.
 *
 * <p>CPU, memory, swap, load and uptime come straight from /proc/stat, /proc/meminfo, /proc/loadavg and
 * /proc/uptime, parsed by {@link ProcHostReading} (the same figures as {@code check} and {@code status},
 * without OSHI's object layers on every sample); OSHI is kept for the network interfaces (names,
 * counters). Construction takes the first CPU and network readings, so the first {@link #sample()}
 * already has a real interval to report on (or the since-boot CPU average if it comes within ~100 ms).
 * Every 10 s also the mount table with one statvfs per real filesystem.
 */
public final class HostMetrics {

    /** NICs come and go rarely (docker's veths are filtered out anyway): list them again every so often. */
    static final long NIC_REDISCOVERY_NANOS = 30_000_000_000L;
    /**
     * Space on disk changes slowly, and the mount table plus one statvfs per filesystem is the dearest part
     * of a sample: read every 10 s, while CPU, memory and network are read every sample.
     */
    static final long FILESYSTEMS_EVERY_NANOS = 10_000_000_000L;

    private final Path projectDir;
    private final Clock clock;
    private final NetworkInterfaceFilter nicFilter;

    private final SystemInfo systemInfo;

    private final CpuLoadTracker cpu;
    private final NetworkRateTracker network = new NetworkRateTracker();
    private List<NetworkIF> nics = List.of();
    private long nicsListedAt;
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
        this.systemInfo = new SystemInfo();
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
        long now = System.nanoTime();
        boolean fresh = false;
        if (nics.isEmpty() || now - nicsListedAt >= NIC_REDISCOVERY_NANOS) {
            // getNetworkIFs reads the counters as it builds each NIF, so no update is needed right after it.
            // All interfaces (true), then our filter decides: OSHI's "local" test would also drop VPN tunnels (no MAC).
            nics = systemInfo.getHardware().getNetworkIFs(true).stream()
                    .filter(n -> nicFilter.shows(n.getName()))
                    .toList();
            nicsListedAt = now;
            fresh = true;
        }
        List<NetworkRateTracker.InterfaceCounters> counters = new ArrayList<>(nics.size());
        for (NetworkIF nic : nics) {
            if (fresh || nic.updateAttributes()) {
                counters.add(new NetworkRateTracker.InterfaceCounters(nic.getName(), nic.getBytesRecv(), nic.getBytesSent()));
            }
        }
        return counters;
    }
}
