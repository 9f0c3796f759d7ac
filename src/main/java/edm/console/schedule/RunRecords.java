package edm.console.schedule;

import edm.console.core.RecordTail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's own record of scheduled runs: one file per job in {@code STATE/schedule/JOB.log}, one line
 * per run, tab-separated (started, ended, result, exit code, one-line message). One file per job so the
 * weekly drill's last line is not buried under a week of health checks; read from the tail, rotated at
 * {@link #MAX_BYTES} (the previous file kept as .1), read without a JSON mapper (check runs every 5 minutes).
 */
public final class RunRecords {
    public enum Result { OK, WARNING, CRITICAL, FAILED, SKIPPED, CANCELLED }

    public record Run(ScheduledJob job, Instant started, Instant ended, Result result, int exitCode, String message) {
        public Duration duration() {
            return Duration.between(started, ended);
        }
    }

    static final long MAX_BYTES = 1 << 20;
    private static final int TAIL_BYTES = 16 * 1024;

    private final Path dir;

    public RunRecords(Path stateDir) {
        this.dir = stateDir.resolve("schedule");
    }

    public Path file(ScheduledJob job) {
        return dir.resolve(job.id() + ".log");
    }

    public void append(Run r) throws IOException {
        Files.createDirectories(dir);
        Path f = file(r.job());
        if (Files.isRegularFile(f) && Files.size(f) > MAX_BYTES) {
            Files.move(f, f.resolveSibling(f.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        String line = r.started() + "\t" + r.ended() + "\t" + r.result().name().toLowerCase(Locale.ROOT) + "\t"
                + r.exitCode() + "\t" + oneLine(r.message()) + "\n";
        Files.writeString(f, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The job's newest run; empty when it never ran. A torn or unreadable line is skipped. */
    public Optional<Run> last(ScheduledJob job) {
        Path f = file(job);
        try {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            List<String> lines = RecordTail.lines(f, TAIL_BYTES);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<Run> r = parse(job, lines.get(i));
                if (r.isPresent()) {
                    return r;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<Run> parse(ScheduledJob job, String line) {
        String[] f = line.split("\t", 5);
        if (f.length < 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Run(job, Instant.parse(f[0]), Instant.parse(f[1]), Result.valueOf(f[2].toUpperCase(Locale.ROOT)),
                    Integer.parseInt(f[3]), f[4]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }


    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
