package edm.console.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The last lines of an append-only record file (audit log, run records), read from its last bytes only. */
public final class RecordTail {
    private RecordTail() {
    }

    /** The whole lines among the file's last {@code maxBytes} bytes. */
    public static List<String> lines(Path file, int maxBytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, raf.length() - maxBytes);
            byte[] b = new byte[(int) (raf.length() - from)];
            raf.seek(from);
            raf.readFully(b);
            List<String> lines = List.of(new String(b, StandardCharsets.UTF_8).split("\n"));
            // The first line of a tail that starts mid-file is partial.
            return from > 0 && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
        }
    }
}
