package edm.console.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The attempt log of a backup dir ({@value BackupCatalogue#ATTEMPTS_LOG}, JSON lines): every backup run
 * ends with one line, so the status can show the last failure even though a failed backup leaves no file.
 */
public final class BackupAttempts {
    public enum Result { OK, FAILED, CANCELLED }

    /** One run. The message is the one-line reason (secrets masked) for failures. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(Instant time, BackupKind kind, String id, Result result, String message, long durationMillis) {
    }

    private BackupAttempts() {
    }

    public static void record(Path dir, Attempt a) {
        try {
            AtomicFile.appendLine(dir.resolve(BackupCatalogue.ATTEMPTS_LOG), BackupJson.line(a));
        } catch (IOException e) {
            // The backup itself is what matters; a lost log line only dims the status.
        }
    }

    /** The newest attempt in the dir's log, if any; unreadable lines are skipped. */
    public static Optional<Attempt> last(Path dir) {
        Path log = dir.resolve(BackupCatalogue.ATTEMPTS_LOG);
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                try {
                    return Optional.of(BackupJson.MAPPER.readValue(lines.get(i), Attempt.class));
                } catch (IOException skip) {
                    // a torn last line from a crash; look further back
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
