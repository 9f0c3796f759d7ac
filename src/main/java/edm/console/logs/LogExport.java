package edm.console.logs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a view's lines to a file, as shown (sanitised, filtered), for incident records: to a temp
 * file first, then renamed into place, so a half-written export never looks complete.
 */
public final class LogExport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LogExport() {
    }

    /** {@code DIR/edm-logs-YYYYMMDD-HHMMSS.log}. */
    public static Path defaultTarget(Path dir, Instant now, ZoneId zone) {
        return dir.resolve("edm-logs-" + STAMP.format(now.atZone(zone)) + ".log");
    }

    public static Path write(List<LogLine> lines, Path target, ZoneId zone) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".edm-logs-", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (LogLine l : lines) {
                    w.write(LogFormat.plain(l, true, zone));
                    w.write('\n');
                }
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
