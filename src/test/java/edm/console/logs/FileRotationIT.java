package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log file followed while logrotate-style rotations happen under it: rename-and-create and
 * copytruncate. Every line written is read exactly once, in order. (Real files and polling, hence IT.)
 */
class FileRotationIT {
    @TempDir
    Path project;

    private List<Integer> numbers(LogSession s) {
        List<Integer> out = new ArrayList<>();
        for (LogLine l : s.buffer().snapshot()) {
            if (l.text().startsWith("n ")) {
                out.add(Integer.parseInt(l.text().substring(2)));
            }
        }
        return out;
    }

    private void awaitLast(LogSession s, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Integer> got = numbers(s);
            if (!got.isEmpty() && got.get(got.size() - 1) == n) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static void write(OutputStream out, int from, int to) throws IOException, InterruptedException {
        for (int i = from; i <= to; i++) {
            out.write(("n " + i + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (i % 20 == 0) {
                Thread.sleep(2);
            }
        }
    }

    @Test
    void renameAndCreateThenCopytruncateLoseNothingAndRepeatNothing() throws Exception {
        Path dir = Files.createDirectories(project.resolve("logs/app"));
        Path log = dir.resolve("app.log");
        LogSessions sessions = new LogSessions(null, project, List.of("logs/app/*.log"), 100, 100_000, 64 << 20, Instant::now);
        OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        write(out, 1, 150); // before the tail starts: only the last 100 are in the first window
        try (LogSession s = sessions.open(List.of(LogSourceSpec.files("logs/app/*.log")), () -> { })) {
            awaitLast(s, 150);
            write(out, 151, 1000);
            // logrotate "create": rename, new file; the writer keeps writing to the old file until it reopens.
            Files.move(log, dir.resolve("app.log.1"));
            write(out, 1001, 1050);
            out.close();
            out = Files.newOutputStream(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
            write(out, 1051, 2000);
            awaitLast(s, 2000);
            // logrotate "copytruncate": copy, truncate in place; the writer (O_APPEND) carries on.
            Files.copy(log, dir.resolve("app.log.2"), StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            write(out, 2001, 2100);
            // A partial line at a read boundary completes later, not as two lines.
            out.write("n 21".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300);
            out.write("01\n".getBytes(StandardCharsets.UTF_8));
            out.close();
            // A new file matching the glob is picked up from its first line.
            Files.writeString(dir.resolve("other.log"), "n 2102\n");
            awaitLast(s, 2102);
            List<Integer> expected = new ArrayList<>();
            for (int i = 51; i <= 2102; i++) {
                expected.add(i);
            }
            assertEquals(expected, numbers(s));
        } finally {
            out.close();
        }
    }

    @Test
    void lookingBackReadsRotatedAndGzippedFilesInOrder() throws Exception {
        Path dir = Files.createDirectories(project.resolve("logs/nginx"));
        Instant now = Instant.now();
        String old = "2020-01-01T00:00:00Z n 0\n";
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("access.log.2.gz")))) {
            gz.write((old + stamp(now.minusSeconds(300)) + " n 1\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(dir.resolve("access.log.2.gz"), java.nio.file.attribute.FileTime.from(now.minusSeconds(290)));
        Files.writeString(dir.resolve("access.log.1"), stamp(now.minusSeconds(200)) + " n 2\n");
        Files.setLastModifiedTime(dir.resolve("access.log.1"), java.nio.file.attribute.FileTime.from(now.minusSeconds(190)));
        Files.writeString(dir.resolve("access.log"), stamp(now.minusSeconds(100)) + " n 3\n");
        List<String> got = new ArrayList<>();
        FileGlobSource src = new FileGlobSource("logs/nginx/*.log", project, new LogWindow(now.minusSeconds(600), 0, false),
                null, Instant::now, 1000);
        new MergedRead(List.of(src), LogFilter.NONE, l -> got.add(l.text().substring(l.text().indexOf(" n ") + 1)), l -> { }).run();
        assertEquals(List.of("n 1", "n 2", "n 3"), got, "the line older than --since is left out");
    }

    private static String stamp(Instant t) {
        return t.toString();
    }
}
