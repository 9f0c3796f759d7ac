package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edm.console.core.Clock;
import edm.console.core.HostSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;

class ProcHostReadingTest {
    @Test
    void perCpuTicksInOshisOrderWithoutTheMachineWideLine() {
        long[][] t = ProcHostReading.cpuTicks(List.of(
                "cpu  30 2 20 400 5 1 1 0 0 0",
                "cpu0 10 1 10 200 2 1 0 0 7 0",
                "cpu1 20 1 10 200 3 0 1 0 0 0",
                "intr 12345 1 2",
                "ctxt 999"));
        assertEquals(2, t.length);
        assertArrayEquals(new long[] {10, 1, 10, 200, 2, 1, 0, 0}, t[0]);
        assertArrayEquals(new long[] {20, 1, 10, 200, 3, 0, 1, 0}, t[1]);
    }

    @Test
    void networkCountersFromProcNetDevForTheInterfacesTheFilterShows() {
        List<NetworkRateTracker.InterfaceCounters> c = ProcHostReading.networkCounters(List.of(
                "Inter-|   Receive                                                |  Transmit",
                " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
                "    lo: 4322240383  299774    0    0    0     0          0         0 4322240383  299774    0    0    0     0       0          0",
                "  eth0: 345358456   14807    0    0    0     0          0         0   985452   12983    0    0    0     0       0          0",
                "docker0:       0       0    0    0    0     0          0         0    34794     319    0   19    0     0       0          0",
                "vetha521010:   0       0    0    0    0     0          0         0     1296      16    0    0    0     0       0          0",
                "  ens5:18446744073709551 2 0 0 0 0 0 0 77 3 0 0 0 0 0 0",
                "  bad0: 12 nonsense",
                ""), NetworkInterfaceFilter.DEFAULT);
        assertEquals(List.of(new NetworkRateTracker.InterfaceCounters("eth0", 345358456L, 985452L),
                new NetworkRateTracker.InterfaceCounters("ens5", 18446744073709551L, 77L)), c,
                "loopback, docker's bridge and veths filtered; a counter glued to the colon (old kernels) still read");
    }

    @Test
    void networkCountersOfThisHostAreTheInterfacesOshiLists() throws java.io.IOException {
        assumeTrue(Files.isReadable(ProcHostReading.NET_DEV), "no /proc/net/dev here");
        List<String> ours = ProcHostReading.networkCounters(Files.readAllLines(ProcHostReading.NET_DEV),
                NetworkInterfaceFilter.ALL_BUT_LOOPBACK).stream().map(NetworkRateTracker.InterfaceCounters::name).sorted().toList();
        List<String> oshis = new SystemInfo().getHardware().getNetworkIFs(true).stream().map(n -> n.getName())
                .filter(NetworkInterfaceFilter.ALL_BUT_LOOPBACK::shows).sorted().toList();
        // A veth may come or go between the two readings (containers start and stop on a shared engine).
        assertTrue(ours.containsAll(oshis.stream().filter(n -> !n.startsWith("veth")).toList()), () -> ours + " vs OSHI's " + oshis);
    }

    @Test
    void memoryUsedIsTotalLessAvailable() {
        ProcHostReading.Memory m = ProcHostReading.memory(List.of("MemTotal:       1000 kB", "MemFree:         100 kB",
                "MemAvailable:    400 kB", "Buffers:          50 kB", "Cached:          200 kB", "SwapTotal:       300 kB",
                "SwapFree:        100 kB"));
        assertEquals(new ProcHostReading.Memory(1000 * 1024, 600 * 1024, 300 * 1024, 200 * 1024), m);
        ProcHostReading.Memory old = ProcHostReading.memory(List.of("MemTotal: 1000 kB", "MemFree: 100 kB", "Buffers: 50 kB",
                "Cached: 200 kB"));
        assertEquals(650 * 1024, old.used(), "without MemAvailable: free + buffers + page cache count as available");
    }

    @Test
    void loadAveragesAndMissingOnes() {
        assertArrayEquals(new double[] {0.5, 1.25, 2.0}, ProcHostReading.loadAverage("0.50 1.25 2.00 1/234 5678\n"));
        assertArrayEquals(new double[] {0.5, -1, -1}, ProcHostReading.loadAverage("0.50"));
    }

    @Test
    void theSameFiguresAsOshiOnThisHost() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "needs Linux /proc");
        HostSnapshot h = new ProcHostReading(Path.of("/"), Clock.SYSTEM).sample();
        SystemInfo si = new SystemInfo();
        GlobalMemory mem = si.getHardware().getMemory();
        assertEquals(mem.getTotal(), h.memoryTotalBytes());
        assertEquals(si.getHardware().getProcessor().getProcessorCpuLoadTicks().length, h.cpuPerCore().size());
        assertEquals(mem.getVirtualMemory().getSwapTotal(), h.swapTotalBytes());
        assertTrue(h.loadAverage()[0] >= 0 && h.cpuPercent() >= 0 && h.cpuPercent() <= 100, h.toString());
        assertTrue(h.fileSystems().stream().anyMatch(HostSnapshot.FileSystemUsage::holdsProjectDir), h.fileSystems().toString());
    }
}
