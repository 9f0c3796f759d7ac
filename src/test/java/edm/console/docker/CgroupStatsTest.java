package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupStatsTest {
    private static void write(Path p, String s) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }

    @Test
    void cgroupV1WithCgroupfsDriver(@TempDir Path root) throws Exception {
        Path proc = root.resolve("proc");
        Path cg = root.resolve("cg");
        write(proc.resolve("42/cgroup"), "4:memory:/docker/abc\n2:cpuacct:/docker/abc\n1:cpu:/docker/abc\n0::/docker/abc\n");
        write(cg.resolve("cpuacct/docker/abc/cpuacct.usage"), "123456789\n");
        write(cg.resolve("memory/docker/abc/memory.usage_in_bytes"), "1000000\n");
        write(cg.resolve("memory/docker/abc/memory.limit_in_bytes"), "9223372036854771712\n");
        write(cg.resolve("memory/docker/abc/memory.stat"), "cache 5\ntotal_inactive_file 200000\n");
        Optional<CgroupStats.Counters> c = new CgroupStats(proc, cg).read(42);
        assertEquals(Optional.of(new CgroupStats.Counters(123456789, 800000, 0)), c, "page cache excluded, no limit");
    }

    @Test
    void cgroupV1WithSystemdDriverAndCombinedController(@TempDir Path root) throws Exception {
        Path proc = root.resolve("proc");
        Path cg = root.resolve("cg");
        String path = "/system.slice/docker-abc.scope";
        write(proc.resolve("7/cgroup"), "9:memory:" + path + "\n3:cpu,cpuacct:" + path + "\n");
        write(cg.resolve("cpu,cpuacct" + path + "/cpuacct.usage"), "5\n");
        write(cg.resolve("memory" + path + "/memory.usage_in_bytes"), "100\n");
        write(cg.resolve("memory" + path + "/memory.limit_in_bytes"), "1048576\n");
        write(cg.resolve("memory" + path + "/memory.stat"), "total_inactive_file 0\n");
        assertEquals(Optional.of(new CgroupStats.Counters(5, 100, 1048576)), new CgroupStats(proc, cg).read(7));
    }

    @Test
    void cgroupV2(@TempDir Path root) throws Exception {
        Path proc = root.resolve("proc");
        Path cg = root.resolve("cg");
        write(proc.resolve("9/cgroup"), "0::/system.slice/docker-abc.scope\n");
        Path dir = cg.resolve("system.slice/docker-abc.scope");
        write(dir.resolve("cpu.stat"), "usage_usec 2500\nuser_usec 2000\n");
        write(dir.resolve("memory.current"), "4096\n");
        write(dir.resolve("memory.max"), "max\n");
        write(dir.resolve("memory.stat"), "anon 1\ninactive_file 1024\n");
        assertEquals(Optional.of(new CgroupStats.Counters(2_500_000, 3072, 0)), new CgroupStats(proc, cg).read(9));
    }

    @Test
    void unreadableOrMissingGivesEmptyNotAnError(@TempDir Path root) {
        assertTrue(new CgroupStats(root, root).read(12345).isEmpty());
        assertTrue(new CgroupStats(root, root).read(0).isEmpty());
    }
}
