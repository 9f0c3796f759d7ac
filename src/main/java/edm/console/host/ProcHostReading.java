package edm.console.host;

import edm.console.core.Clock;
import edm.console.core.HostSnapshot;
import edm.console.core.HostSnapshot.FileSystemUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import oshi.hardware.CentralProcessor.TickType;

/**
 * One reading of the host for the one-shot commands ({@code check}, {@code status}), straight from
 * /proc: the figures {@link HostMetrics} shows (it parses /proc with these methods too), without loading OSHI and JNA (a third of a
 * second of CPU in a cron job that runs every 5 minutes). No network rates: one reading has none.
 *
 * <p>The CPU figure spans the time from construction to {@link #sample()} (the command's own work in
 * between), by the same rule as the Resources panel's first reading ({@link CpuLoadTracker}): the
 * average since boot when that span is too short to mean anything.
 */
public final class ProcHostReading {
    static final Path STAT = Path.of("/proc/stat");
    static final Path MEMINFO = Path.of("/proc/meminfo");
    static final Path LOADAVG = Path.of("/proc/loadavg");
    static final Path UPTIME = Path.of("/proc/uptime");
    static final Path NET_DEV = Path.of("/proc/net/dev");

    private final Path projectDir;
    private final Clock clock;
    private final CpuLoadTracker cpu;

    /** Takes the first CPU reading. */
    public ProcHostReading(Path projectDir, Clock clock) throws IOException {
        this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cpu = new CpuLoadTracker(cpuTicks(Files.readAllLines(STAT)));
    }

    public HostSnapshot sample() throws IOException {
        CpuLoadTracker.CpuLoad load = cpu.update(cpuTicks(Files.readAllLines(STAT)));
        Memory m = memory(Files.readAllLines(MEMINFO));
        return new HostSnapshot(clock.now(), load.totalPercent(), load.perCorePercent(), loadAverage(Files.readString(LOADAVG)),
                m.total(), m.used(), m.swapTotal(), m.swapUsed(), fileSystems(projectDir), List.of(),
                uptimeSeconds(Files.readString(UPTIME)));
    }

    /**
     * The byte counters of the interfaces the filter shows, from /proc/net/dev: one read for every
     * interface, where OSHI read several /sys files per interface and listed them all again through JNA
     * (at 300 containers, 300 veth pairs). Lines are {@code name: rx_bytes rx_packets ... (8 receive
     * fields) tx_bytes ...}; the two header lines and anything malformed are skipped.
     */
    static List<NetworkRateTracker.InterfaceCounters> networkCounters(List<String> netDev, NetworkInterfaceFilter filter) {
        List<NetworkRateTracker.InterfaceCounters> out = new ArrayList<>();
        for (String line : netDev) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            if (name.isEmpty() || name.indexOf('|') >= 0 || !filter.shows(name)) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 9) {
                continue;
            }
            try {
                out.add(new NetworkRateTracker.InterfaceCounters(name, Long.parseLong(f[0]), Long.parseLong(f[8])));
            } catch (NumberFormatException e) {
                // Not a counter line.
            }
        }
        return out;
    }

    /** Whole seconds since boot from /proc/uptime. */
    static long uptimeSeconds(String uptime) {
        return (long) firstNumber(uptime);
    }

    /**
     * The per-CPU tick counters of /proc/stat ({@code cpuN} lines, not the machine-wide {@code cpu} line),
     * indexed by {@link TickType} like OSHI's: user nice system idle iowait irq softirq steal.
     */
    static long[][] cpuTicks(List<String> stat) {
        List<long[]> cpus = new ArrayList<>();
        int kinds = TickType.values().length;
        for (String line : stat) {
            if (line.length() > 3 && line.startsWith("cpu") && Character.isDigit(line.charAt(3))) {
                String[] f = line.trim().split("\\s+");
                long[] ticks = new long[kinds];
                for (int i = 0; i < kinds && i + 1 < f.length; i++) {
                    ticks[i] = Long.parseLong(f[i + 1]);
                }
                cpus.add(ticks);
            }
        }
        return cpus.toArray(long[][]::new);
    }

    record Memory(long total, long used, long swapTotal, long swapUsed) {
    }

    /** Used = total - available (MemAvailable; on kernels without it, free + buffers + page cache), as OSHI. */
    static Memory memory(List<String> meminfo) {
        long total = 0;
        long available = -1;
        long free = 0;
        long buffers = 0;
        long cached = 0;
        long swapTotal = 0;
        long swapFree = 0;
        for (String line : meminfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            long bytes;
            try {
                String[] v = line.substring(colon + 1).trim().split("\\s+");
                bytes = Long.parseLong(v[0]) * (v.length > 1 && v[1].equalsIgnoreCase("kB") ? 1024 : 1);
            } catch (NumberFormatException e) {
                continue;
            }
            switch (key) {
                case "MemTotal" -> total = bytes;
                case "MemAvailable" -> available = bytes;
                case "MemFree" -> free = bytes;
                case "Buffers" -> buffers = bytes;
                case "Cached" -> cached = bytes;
                case "SwapTotal" -> swapTotal = bytes;
                case "SwapFree" -> swapFree = bytes;
                default -> {
                }
            }
        }
        if (available < 0) {
            available = free + buffers + cached;
        }
        return new Memory(total, Math.max(0, total - available), swapTotal, Math.max(0, swapTotal - swapFree));
    }

    /** The 1, 5 and 15 minute load averages; -1 for any the file does not give. */
    static double[] loadAverage(String loadavg) {
        String[] f = loadavg.trim().split("\\s+");
        double[] out = {-1, -1, -1};
        for (int i = 0; i < out.length && i < f.length; i++) {
            try {
                out[i] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                break;
            }
        }
        return out;
    }

    private static double firstNumber(String s) {
        String[] f = s.trim().split("\\s+");
        try {
            return Double.parseDouble(f[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The filesystems the Resources panel shows (statvfs only for those); {@link HostMetrics} reads them here too. */
    static List<FileSystemUsage> fileSystems(Path projectDir) {
        List<MountEntry> all;
        try {
            all = MountTable.read();
        } catch (IOException e) {
            return List.of();
        }
        Path project = ProjectDirectory.nearestExisting(projectDir);
        MountEntry holder = project == null ? null : FileSystemSelection.holdingMount(all, project).orElse(null);
        List<MountEntry> mounts = new ArrayList<>(all.size());
        for (MountEntry m : all) {
            mounts.add(m == holder || FileSystemSelection.isReal(m) ? MountTable.withSpace(m) : m);
        }
        return FileSystemSelection.select(mounts, project);
    }
}
