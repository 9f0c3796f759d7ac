package edm.console.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The rotated predecessors of a log file, for looking back: {@code access.log.1}, {@code access.log.2.gz},
 * {@code access.log-20261128.gz}, oldest first, those changed since a given time only (older ones
 * cannot hold a line that recent).
 */
final class RotatedFiles {
    private RotatedFiles() {
    }

    static List<Path> since(Path current, Instant since) throws IOException {
        Path dir = current.toAbsolutePath().getParent();
        String base = current.getFileName().toString();
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.length() > base.length() + 1 && n.startsWith(base)
                        && (n.charAt(base.length()) == '.' || n.charAt(base.length()) == '-') && Files.isRegularFile(p);
            }).forEach(out::add);
        }
        out.removeIf(p -> modified(p).isBefore(since));
        out.sort(Comparator.comparing(RotatedFiles::modified));
        return out;
    }

    /** Reads a rotated file whole (gunzipping {@code .gz}) through a sanitiser. */
    static void read(Path p, LogSanitizer sanitizer) throws IOException {
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = p.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                sanitizer.feed(buf, 0, n);
            }
        }
        sanitizer.flush();
    }

    private static Instant modified(Path p) {
        try {
            FileTime t = Files.getLastModifiedTime(p);
            return t.toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
