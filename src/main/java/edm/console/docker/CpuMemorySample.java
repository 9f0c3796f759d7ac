package edm.console.docker;

import edm.console.core.ContainerStats;
import java.time.Instant;

/**
 * Raw cumulative counters of one stats sample. CPU % needs two samples; the engine's own
 * "precpu" pair is used when present, else the previous sample we kept.
 */
public record CpuMemorySample(long containerCpuNanos, long systemCpuNanos, int onlineCpus,
                              long preContainerCpuNanos, long preSystemCpuNanos,
                              long memoryUsed, long memoryLimit, Instant read) {

    /** CPU % of one core between previous and this sample, as `docker stats` computes it. */
    public ContainerStats toStats(CpuMemorySample previous) {
        long dCpu;
        long dSys;
        if (preSystemCpuNanos > 0 && systemCpuNanos > preSystemCpuNanos) {
            dCpu = containerCpuNanos - preContainerCpuNanos;
            dSys = systemCpuNanos - preSystemCpuNanos;
        } else if (previous != null) {
            dCpu = containerCpuNanos - previous.containerCpuNanos;
            dSys = systemCpuNanos - previous.systemCpuNanos;
        } else {
            dCpu = 0;
            dSys = 0;
        }
        double cpuPercent = dSys > 0 && dCpu > 0 ? (double) dCpu / dSys * onlineCpus * 100.0 : 0.0;
        return new ContainerStats(cpuPercent, memoryUsed, memoryLimit, read);
    }
}
