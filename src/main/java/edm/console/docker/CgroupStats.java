package edm.console.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a local container's CPU and memory counters straight from its cgroup (v1 or v2), found
 * through /proc/PID/cgroup of its main process. This costs the Docker engine nothing, unlike the
 * stats API, which makes the engine sample every container itself; used when the engine is local.
 */
public final class CgroupStats {
    /** Unlimited memory in cgroup v1 is reported as a number near 2^63. */
    private static final long UNLIMITED = 1L << 60;

    private final Path procRoot;
    private final Path cgroupRoot;

    public CgroupStats() {
        this(Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    }

    CgroupStats(Path procRoot, Path cgroupRoot) {
        this.procRoot = procRoot;
        this.cgroupRoot = cgroupRoot;
    }

    /** Cumulative CPU nanoseconds and memory of the process's cgroup; empty when unreadable. */
    public Optional<Counters> read(int pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(procRoot.resolve(Integer.toString(pid)).resolve("cgroup"));
            CgroupPaths paths = CgroupPaths.parse(lines);
            if (paths.unified() != null && paths.cpuacct() == null) {
                return Optional.of(readV2(cgroupRoot.resolve(strip(paths.unified()))));
            }
            if (paths.cpuacct() != null && paths.memory() != null) {
                return Optional.of(readV1(paths));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Counters readV1(CgroupPaths p) throws IOException {
        Path cpuDir = firstExisting(List.of(cgroupRoot.resolve("cpuacct"), cgroupRoot.resolve("cpu,cpuacct"),
                cgroupRoot.resolve("cpuacct,cpu"))).resolve(strip(p.cpuacct()));
        Path memDir = cgroupRoot.resolve("memory").resolve(strip(p.memory()));
        long cpu = Long.parseLong(Files.readString(cpuDir.resolve("cpuacct.usage")).trim());
        long usage = Long.parseLong(Files.readString(memDir.resolve("memory.usage_in_bytes")).trim());
        long limit = Long.parseLong(Files.readString(memDir.resolve("memory.limit_in_bytes")).trim());
        long inactive = statValue(Files.readAllLines(memDir.resolve("memory.stat")), "total_inactive_file");
        return new Counters(cpu, Math.max(0, usage - Math.max(0, inactive)), limit >= UNLIMITED ? 0 : limit);
    }

    private Counters readV2(Path dir) throws IOException {
        long usec = statValue(Files.readAllLines(dir.resolve("cpu.stat")), "usage_usec");
        long usage = Long.parseLong(Files.readString(dir.resolve("memory.current")).trim());
        String max = Files.readString(dir.resolve("memory.max")).trim();
        long inactive = statValue(Files.readAllLines(dir.resolve("memory.stat")), "inactive_file");
        long limit = "max".equals(max) ? 0 : Long.parseLong(max);
        return new Counters(usec * 1000, Math.max(0, usage - Math.max(0, inactive)), limit);
    }

    static long statValue(List<String> lines, String key) {
        for (String l : lines) {
            int sp = l.indexOf(' ');
            if (sp > 0 && l.substring(0, sp).equals(key)) {
                return Long.parseLong(l.substring(sp + 1).trim());
            }
        }
        return 0;
    }

    private static Path firstExisting(List<Path> candidates) {
        for (Path p : candidates) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return candidates.get(0);
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** memoryLimit 0 means no limit set. */
    public record Counters(long cpuNanos, long memoryUsed, long memoryLimit) {
    }

    /** The cgroup paths of one process, per controller. */
    record CgroupPaths(String cpuacct, String memory, String unified) {
        static CgroupPaths parse(List<String> procCgroupLines) {
            String cpuacct = null;
            String memory = null;
            String unified = null;
            for (String line : procCgroupLines) {
                String[] parts = line.split(":", 3);
                if (parts.length < 3) {
                    continue;
                }
                if (parts[1].isEmpty() && "0".equals(parts[0])) {
                    unified = parts[2];
                }
                for (String controller : parts[1].split(",")) {
                    if ("cpuacct".equals(controller)) {
                        cpuacct = parts[2];
                    } else if ("memory".equals(controller)) {
                        memory = parts[2];
                    }
                }
            }
            return new CgroupPaths(cpuacct, memory, unified);
        }
    }
}
