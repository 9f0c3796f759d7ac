package edm.console.backup;

import edm.console.core.LocalProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@value AtomicFile#TEMP_SUFFIX} files of writers that are gone. A backup killed mid-write (kill -9,
 * power loss, an OOM kill) leaves its temp file behind, often 0 bytes. The file's name carries its writer,
 * {@code .<target>.<pid>@<host>.<random>.partial}, so the next backup into that dir and prune remove it at
 * once, and never touch a partial whose writer still runs (a backup in progress in another console). A
 * partial naming no writer (older consoles) or another host's is left to prune's age rule.
 */
final class StalePartials {
    /** Whether a writer on this host still runs, given when its file was last written (to see through pid reuse). */
    @FunctionalInterface
    interface Liveness {
        boolean alive(long pid, Instant lastWrite);
    }

    /** What is known about a partial's writer. */
    enum Writer { GONE, RUNNING, UNKNOWN }

    static final Liveness PROCESSES = LocalProcess::alive;
    private static final Pattern NAME = Pattern.compile("\\.(\\d+)@([A-Za-z0-9_-]+)\\.\\d+" + Pattern.quote(AtomicFile.TEMP_SUFFIX) + "$");

    private StalePartials() {
    }

    /** This process as a partial file names it: {@code pid@host}, the host reduced to file-name-safe characters. */
    static String writerTag() {
        return LocalProcess.pid() + "@" + hostTag(LocalProcess.hostName());
    }

    static String hostTag(String host) {
        String h = host.replaceAll("[^A-Za-z0-9_-]", "-");
        return h.length() > 40 ? h.substring(0, 40) : h;
    }

    static Writer writer(Path file, Instant lastWrite, Liveness liveness) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.find() || !hostTag(LocalProcess.hostName()).equals(m.group(2))) {
            return Writer.UNKNOWN;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Writer.UNKNOWN;
        }
        return liveness.alive(pid, lastWrite) ? Writer.RUNNING : Writer.GONE;
    }

    /** Removes the partials of gone writers in {@code dir} (missing dir: nothing); returns the removed files. */
    static List<Path> remove(Path dir, Liveness liveness) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> partials;
        try (Stream<Path> s = Files.list(dir)) {
            partials = s.filter(f -> f.getFileName().toString().endsWith(AtomicFile.TEMP_SUFFIX)).toList();
        } catch (IOException e) {
            return removed; // the backup itself reports an unusable dir
        }
        for (Path f : partials) {
            try {
                if (writer(f, Files.getLastModifiedTime(f).toInstant(), liveness) == Writer.GONE && Files.deleteIfExists(f)) {
                    removed.add(f);
                }
            } catch (IOException ignored) {
                // vanished meanwhile, or not ours to delete: prune reports what it cannot remove
            }
        }
        return removed;
    }

    /** For the catalogue's leftovers: the writer named in the file, if any. */
    static Optional<Writer> known(Path file, Instant lastWrite, Liveness liveness) {
        Writer w = writer(file, lastWrite, liveness);
        return w == Writer.UNKNOWN ? Optional.empty() : Optional.of(w);
    }
}
