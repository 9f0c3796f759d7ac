package edm.console.docker;

import com.github.dockerjava.api.model.Statistics;
import edm.console.core.ContainerStats;
import java.time.Instant;

/**
 * Raw cumulative counters of one stats sample. CPU % needs two samples; the engine's own
 * "precpu" pair is used when present, else the previous sample we kept.
 */
public record CpuMemorySample(long containerCpuNanos, long systemCpuNanos, int onlineCpus,
                              long preContainerCpuNanos, long preSystemCpuNanos,
                              long memoryUsed, long memoryLimit, Instant read) {

    static CpuMemorySample from(Statistics s) {
        long cpu = 0;
        long sys = 0;
        int cpus = 1;
        if (s.getCpuStats() != null) {
            if (s.getCpuStats().getCpuUsage() != null && s.getCpuStats().getCpuUsage().getTotalUsage() != null) {
                cpu = s.getCpuStats().getCpuUsage().getTotalUsage();
            }
            if (s.getCpuStats().getSystemCpuUsage() != null) {
                sys = s.getCpuStats().getSystemCpuUsage();
            }
            if (s.getCpuStats().getOnlineCpus() != null) {
                cpus = s.getCpuStats().getOnlineCpus().intValue();
            }
        }
        long preCpu = 0;
        long preSys = 0;
        if (s.getPreCpuStats() != null) {
            if (s.getPreCpuStats().getCpuUsage() != null && s.getPreCpuStats().getCpuUsage().getTotalUsage() != null) {
                preCpu = s.getPreCpuStats().getCpuUsage().getTotalUsage();
            }
            if (s.getPreCpuStats().getSystemCpuUsage() != null) {
                preSys = s.getPreCpuStats().getSystemCpuUsage();
            }
        }
        long used = 0;
        long limit = 0;
        if (s.getMemoryStats() != null) {
            used = s.getMemoryStats().getUsage() == null ? 0 : s.getMemoryStats().getUsage();
            // Like `docker stats`: page cache is not "used" memory.
            if (s.getMemoryStats().getStats() != null) {
                Long cache = s.getMemoryStats().getStats().getTotalInactiveFile();
                if (cache == null) {
                    cache = s.getMemoryStats().getStats().getInactiveFile();
                }
                if (cache != null && cache < used) {
                    used -= cache;
                }
            }
            limit = s.getMemoryStats().getLimit() == null ? 0 : s.getMemoryStats().getLimit();
        }
        return new CpuMemorySample(cpu, sys, Math.max(1, cpus), preCpu, preSys, used, limit, Instant.now());
    }

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
