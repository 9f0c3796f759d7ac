package edm.console.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import edm.console.core.HostSnapshot;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;
import edm.console.core.HostSnapshot.FileSystemUsage;
import edm.console.core.HostSnapshot.NetworkRate;

/** Samples this machine and checks that the figures are sane and the ones OSHI reports. */
class HostMetricsTest {

    private static final Instant STAMP = Instant.parse("2030-01-02T03:04:05Z");

    private static HostSnapshot first;
    private static HostSnapshot second;

    @BeforeAll
    static void sampleTwice() throws InterruptedException {
        // A project dir that does not exist directly under /: its nearest existing parent is / itself.
        var metrics = new HostMetrics(Path.of("/edm-console-test-missing/opt/edm"), () -> STAMP,
                NetworkInterfaceFilter.DEFAULT);
        first = metrics.sample();
        Thread.sleep(300);
        second = metrics.sample();
    }

    @Test
    void stampedByTheGivenClock() {
        assertEquals(STAMP, second.sampledAt());
    }

    @Test
    void cpuPercentagesWithinRangeOneEntryPerLogicalCpu() {
        for (HostSnapshot s : List.of(first, second)) {
            assertInPercentRange(s.cpuPercent());
            assertFalse(s.cpuPerCore().isEmpty());
            s.cpuPerCore().forEach(HostMetricsTest::assertInPercentRange);
        }
        assertEquals(first.cpuPerCore().size(), second.cpuPerCore().size());
    }

    @Test
    void memoryAndSwapAreConsistent() {
        assertTrue(second.memoryTotalBytes() > 0);
        assertTrue(second.memoryUsedBytes() > 0 && second.memoryUsedBytes() <= second.memoryTotalBytes());
        assertTrue(second.swapTotalBytes() >= 0 && second.swapUsedBytes() <= second.swapTotalBytes());
        assertInPercentRange(second.memoryPercent());
    }

    @Test
    void loadAverageHasThreeValuesAndUptimeIsPositive() {
        assertEquals(3, second.loadAverage().length);
        for (double load : second.loadAverage()) {
            assertTrue(load >= 0, "Linux always reports load averages");
        }
        assertTrue(second.uptimeSeconds() > 0);
    }

    @Test
    void rootFilesystemIsPresentAndHoldsTheProjectDir() {
        List<FileSystemUsage> marked = second.fileSystems().stream().filter(FileSystemUsage::holdsProjectDir).toList();
        assertEquals(1, marked.size(), () -> "exactly one filesystem marked in " + second.fileSystems());
        assertEquals("/", marked.get(0).mount());
        for (FileSystemUsage fs : second.fileSystems()) {
            assertTrue(fs.totalBytes() > 0, fs::toString);
            assertInPercentRange(fs.usedPercent());
            assertFalse(FileSystemSelection.PSEUDO_TYPES.contains(fs.type()) && !fs.holdsProjectDir(), fs::toString);
        }
    }

    @Test
    void networkRatesAreNonNegativeAndSkipLoopback() {
        for (NetworkRate rate : second.networks()) {
            assertTrue(NetworkInterfaceFilter.DEFAULT.shows(rate.name()), rate::toString);
            assertTrue(rate.receiveBytesPerSecond() >= 0 && rate.sendBytesPerSecond() >= 0, rate::toString);
        }
    }

    @Test
    void theResourcesPanelShowsTheFiguresOshiReportsOnThisHost() {
        SystemInfo si = new SystemInfo();
        GlobalMemory mem = si.getHardware().getMemory();
        assertEquals(mem.getTotal(), second.memoryTotalBytes());
        assertEquals(mem.getVirtualMemory().getSwapTotal(), second.swapTotalBytes());
        assertEquals(si.getHardware().getProcessor().getLogicalProcessorCount(), second.cpuPerCore().size());
        // Moving figures: the same within what changes between the two readings.
        long usedByOshi = mem.getTotal() - mem.getAvailable();
        assertTrue(Math.abs(usedByOshi - second.memoryUsedBytes()) < mem.getTotal() / 20,
                () -> "used " + second.memoryUsedBytes() + " vs OSHI's " + usedByOshi);
        assertTrue(Math.abs(si.getOperatingSystem().getSystemUptime() - second.uptimeSeconds()) <= 5,
                () -> "uptime " + second.uptimeSeconds() + " vs OSHI's " + si.getOperatingSystem().getSystemUptime());
        double[] oshiLoad = si.getHardware().getProcessor().getSystemLoadAverage(3);
        assertEquals(oshiLoad[2], second.loadAverage()[2], 0.5, "15-minute load average");
    }

    @Test
    void theSameFileSystemsAsCheckAndStatus() {
        Path project = Path.of("/edm-console-test-missing/opt/edm");
        assertEquals(ProcHostReading.fileSystems(project).stream().map(FileSystemUsage::mount).toList(),
                second.fileSystems().stream().map(FileSystemUsage::mount).toList());
    }

    private static void assertInPercentRange(double percent) {
        assertTrue(percent >= 0 && percent <= 100, () -> percent + " is not a percentage");
    }
}
