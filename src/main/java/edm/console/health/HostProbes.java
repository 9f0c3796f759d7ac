package edm.console.health;

import edm.console.config.ConsoleConfig;
import edm.console.core.HostSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Host resources as probes: every filesystem against the disk threshold (SPEC-006: 85 %), memory
 * (90 %), swap (warning above 80 %) and load (warning above thresholds.loadPerCpu runnable tasks per CPU). Within five
 * points of a threshold is a warning, past it critical. And the project directory, which must exist.
 */
public final class HostProbes {
    /** Id and kind of the project directory probe. */
    public static final String PROJECT_DIR = "project";

    private HostProbes() {
    }

    public static List<ProbeResult> evaluate(HostSnapshot h, ConsoleConfig.Thresholds t) {
        List<ProbeResult> out = new ArrayList<>();
        for (HostSnapshot.FileSystemUsage fs : h.fileSystems()) {
            double p = fs.usedPercent();
            out.add(new ProbeResult("disk:" + fs.mount(), "disk", fs.mount(), level(p, t.diskPercent),
                    HealthText.t("health.host.diskValue", pct(p), HealthText.bytes(fs.totalBytes() - fs.usedBytes())),
                    Duration.ZERO, h.sampledAt(), p > t.diskPercent ? HealthText.t("health.host.over", pct(p), pct(t.diskPercent)) : "",
                    Map.of("usedPercent", p)));
        }
        double mem = h.memoryPercent();
        out.add(new ProbeResult("memory", "memory", "memory", level(mem, t.memoryPercent),
                HealthText.t("health.host.memValue", pct(mem), HealthText.bytes(h.memoryTotalBytes())), Duration.ZERO,
                h.sampledAt(), mem > t.memoryPercent ? HealthText.t("health.host.over", pct(mem), pct(t.memoryPercent)) : "",
                Map.of("usedPercent", mem)));
        if (h.swapTotalBytes() > 0) {
            double swap = h.swapPercent();
            out.add(new ProbeResult("swap", "swap", "swap", swap > 80 ? ProbeStatus.WARNING : ProbeStatus.OK,
                    pct(swap), Duration.ZERO, h.sampledAt(), "", Map.of("usedPercent", swap)));
        }
        double load1 = h.loadAverage().length > 0 ? h.loadAverage()[0] : -1;
        if (load1 >= 0) {
            int cpus = Math.max(1, h.cpuPerCore().size());
            double perCpu = load1 / cpus;
            boolean high = perCpu > t.loadPerCpu;
            out.add(new ProbeResult("load", "load", "load", high ? ProbeStatus.WARNING : ProbeStatus.OK,
                    HealthText.t("health.host.loadValue", String.format("%.2f", load1), cpus), Duration.ZERO, h.sampledAt(),
                    high ? HealthText.t("health.host.loadHigh", String.format("%.1f", t.loadPerCpu)) : "",
                    Map.of("loadPerCpu", perCpu)));
        }
        return out;
    }

    /**
     * The project directory exists (and is a directory): everything the console reads and writes lives
     * there, so a missing one is CRITICAL, named with the fix, not a quietly empty project.
     */
    public static ProbeResult projectDir(Path dir, Instant now) {
        String error = "";
        if (!Files.exists(dir)) {
            error = HealthText.t("health.project.missing");
        } else if (!Files.isDirectory(dir)) {
            error = HealthText.t("health.project.notDirectory");
        }
        boolean ok = error.isEmpty();
        return new ProbeResult(PROJECT_DIR, PROJECT_DIR, dir.toString(), ok ? ProbeStatus.OK : ProbeStatus.CRITICAL,
                ok ? HealthText.t("health.project.present") : "", Duration.ZERO, now, error,
                Map.of("exists", ok ? 1.0 : 0.0));
    }

    static ProbeStatus level(double value, double threshold) {
        if (value > threshold) {
            return ProbeStatus.CRITICAL;
        }
        return value > threshold - 5 ? ProbeStatus.WARNING : ProbeStatus.OK;
    }

    private static String pct(double p) {
        return String.format("%.1f%%", p);
    }
}
