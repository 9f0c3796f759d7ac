package edm.console.schedule;

import edm.console.config.ScheduleSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the schedule goes: systemd timers or cron, and the paths under the configured root. systemd is
 * running when /run/systemd/system exists (sd_booted(3)), read under the root so a test can be either.
 * systemctl is asked only when the root is the real one.
 */
public record ScheduleTarget(Backend backend, Path root, Path unitDir, Path cronFile) {
    public enum Backend { SYSTEMD, CRON }

    public static ScheduleTarget of(ScheduleSettings s) {
        Path root = Path.of(s.root);
        Backend b = switch (s.mode) {
            case "systemd" -> Backend.SYSTEMD;
            case "cron" -> Backend.CRON;
            default -> Files.isDirectory(under(root, "/run/systemd/system")) ? Backend.SYSTEMD : Backend.CRON;
        };
        return new ScheduleTarget(b, root, under(root, s.unitDir), under(root, s.cronFile));
    }

    /** An absolute path of the host, under {@code root}. */
    static Path under(Path root, String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }

    /** Whether the files are the live system's, so that systemctl must hear about them. */
    public boolean live() {
        return root.equals(Path.of("/"));
    }

    public Path unit(String fileName) {
        return unitDir.resolve(fileName);
    }
}
