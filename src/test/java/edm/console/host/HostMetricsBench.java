package edm.console.host;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.function.Supplier;

import edm.console.core.HostSnapshot;
import oshi.SystemInfo;
import oshi.hardware.NetworkIF;

/**
 * Not a test: prints what one {@link HostMetrics#sample()} costs on this machine (wall and CPU time), and
 * the OSHI calls it is made of, so the sampling period can be judged. Run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(deps) edm.console.host.HostMetricsBench [runs]}.
 */
public final class HostMetricsBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        HostMetrics metrics = new HostMetrics(Path.of("/opt/edm"));
        System.out.printf("construction: %.1f ms wall, %.1f ms CPU%n",
                (System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);

        measure("sample()", runs, metrics::sample);
        // OSHI memoizes /proc readings for 300 ms, so a tight loop flatters sample(); in the console the
        // calls are seconds apart and every reading is fresh. Measure that case too.
        measureSpaced("sample(), 400 ms apart", 20, 400, metrics::sample);
        HostSnapshot s = metrics.sample();
        System.out.println(s);

        SystemInfo si = new SystemInfo();
        var hal = si.getHardware();
        var fs = si.getOperatingSystem().getFileSystem();
        measure("getProcessorCpuLoadTicks", runs, hal.getProcessor()::getProcessorCpuLoadTicks);
        measure("getSystemCpuLoadTicks", runs, hal.getProcessor()::getSystemCpuLoadTicks);
        measure("getSystemLoadAverage", runs, () -> hal.getProcessor().getSystemLoadAverage(3));
        measure("memory total+available", runs, () -> hal.getMemory().getTotal() + hal.getMemory().getAvailable());
        measure("swap total+used", runs, () -> hal.getMemory().getVirtualMemory().getSwapUsed());
        measure("getFileStores(false)", runs, () -> fs.getFileStores(false));
        measure("getFileStores(true)", runs, () -> fs.getFileStores(true));
        measure("getNetworkIFs(false)", runs, () -> hal.getNetworkIFs(false));
        measure("getNetworkIFs(true)", runs, () -> hal.getNetworkIFs(true));
        var nics = hal.getNetworkIFs(false);
        measure("updateAttributes x" + nics.size(), runs, () -> nics.stream().map(NetworkIF::updateAttributes).toList());
        measure("uptime", runs, si.getOperatingSystem()::getSystemUptime);
        measure("sample() again, warm", runs, metrics::sample);
    }

    private static void measureSpaced(String what, int runs, long pauseMillis, Supplier<?> call) {
        long wall = 0;
        long cpu = 0;
        for (int i = 0; i < runs; i++) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long w = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            call.get();
            wall += System.nanoTime() - w;
            cpu += THREADS.getCurrentThreadCpuTime() - c;
        }
        System.out.printf("%-28s %8.3f ms wall %8.3f ms CPU per call%n", what, wall / 1e6 / runs, cpu / 1e6 / runs);
    }

    private static void measure(String what, int runs, Supplier<?> call) {
        call.get(); // warm up class loading and JNA
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            call.get();
        }
        System.out.printf("%-28s %8.3f ms wall %8.3f ms CPU per call%n", what,
                (System.nanoTime() - wall) / 1e6 / runs, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / runs);
    }
}
