package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every followed log file of every session is read by one thread, woken by the kernel's change
 * notifications: lines appended to files of different globs and sessions all arrive, and closed sessions
 * stop being read. (Real files and inotify, hence IT.)
 */
class FileFollowersIT {
    @TempDir
    Path project;

    private static boolean has(LogSession s, String text) {
        return s.buffer().snapshot().stream().anyMatch(l -> l.text().equals(text));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never happened: " + what);
    }

    private static long followerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("edm-logs-files")).count();
    }

    private static void append(Path file, String line) throws Exception {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void oneThreadFollowsEveryFileOfEverySession() throws Exception {
        Path nginx = Files.createDirectories(project.resolve("logs/nginx")).resolve("access.log");
        Path backend = Files.createDirectories(project.resolve("logs/backend")).resolve("app.log");
        append(nginx, "old nginx");
        append(backend, "old backend");
        LogSessions sessions = new LogSessions(null, project, List.of("logs/nginx/*.log", "logs/backend/*.log"), 10, 1000,
                1 << 20, Instant::now);
        try (LogSession panel = sessions.open(List.of(LogSourceSpec.files("logs/nginx/*.log"),
                LogSourceSpec.files("logs/backend/*.log")), () -> { });
             LogSession alerts = sessions.open(List.of(LogSourceSpec.files("logs/nginx/*.log")), () -> { })) {
            await("first windows", () -> has(panel, "old nginx") && has(panel, "old backend") && has(alerts, "old nginx"));
            append(nginx, "new nginx");
            append(backend, "new backend");
            await("appended lines in both sessions", () -> has(panel, "new nginx") && has(panel, "new backend")
                    && has(alerts, "new nginx"));
            assertEquals(1, followerThreads(), "one follower thread for three sources");

            // A file that starts matching later is picked up from its first line (its directory is watched).
            Path second = nginx.resolveSibling("error.log");
            append(second, "first error line");
            await("the new file", () -> has(panel, "first error line") && has(alerts, "first error line"));

            alerts.close();
            append(nginx, "after the alerts closed");
            await("still followed for the panel", () -> has(panel, "after the alerts closed"));
        }
    }
}
