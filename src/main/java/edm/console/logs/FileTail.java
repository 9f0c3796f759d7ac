package edm.console.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * {@code tail -F} for one path, polled. It keeps the file open and remembers which file it is (device
 * and inode): when the path comes to name another file (logrotate's rename-and-create) it first reads
 * the old file to its end, then continues on the new one from its start; when the file got shorter
 * than what was read ({@code copytruncate}) it starts again from the beginning. A line still being
 * written (no line end yet) waits in the sanitiser until it is complete, so it is never split in two.
 *
 * <p>Known limit, shared with {@code tail -F}: a copytruncate followed, before the next poll, by more
 * new bytes than were read before cannot be told from growth.
 */
final class FileTail implements AutoCloseable {
    private final Path path;
    private final LogSanitizer sanitizer;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private FileChannel channel;
    private Object fileKey;
    private long position;

    FileTail(Path path, int maxLineChars, LogSanitizer.LineHandler lines) {
        this.path = path;
        this.sanitizer = new LogSanitizer(maxLineChars, lines);
    }

    Path path() {
        return path;
    }

    /** Opens the file and sets where reading starts; false when it does not exist (yet). */
    boolean open(long start) throws IOException {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        fileKey = keyOf(path);
        position = Math.max(0, Math.min(start, channel.size()));
        return true;
    }

    /** Where the last {@code lines} lines start, for the first window of an existing file. */
    long startOfLastLines(int lines) throws IOException {
        return channel == null ? 0 : LastLines.start(channel, lines);
    }

    /** Moves the read position (only before the first poll). */
    void seek(long pos) throws IOException {
        position = Math.max(0, Math.min(pos, channel == null ? 0 : channel.size()));
    }

    long position() {
        return position;
    }

    /** Reads what was added since the last poll and follows rotation. */
    void poll() throws IOException {
        if (channel == null) {
            if (!Files.exists(path) || !open(0)) {
                return;
            }
        }
        readToEnd();
        Object now;
        try {
            now = keyOf(path);
        } catch (NoSuchFileException e) {
            return; // renamed away and not re-created yet: keep reading the old file meanwhile
        }
        if (!Objects.equals(now, fileKey)) {
            readToEnd();
            sanitizer.flush(); // the old file's last line is complete as far as anyone will ever know
            channel.close();
            channel = null;
            if (open(0)) {
                readToEnd();
            }
        } else if (channel.size() < position) {
            sanitizer.flush();
            position = 0;
            readToEnd();
        }
    }

    /** Reads to the current end; for one-off reads, also delivers a last unterminated line. */
    void drain(boolean finish) throws IOException {
        if (channel != null) {
            readToEnd();
        }
        if (finish) {
            sanitizer.flush();
        }
    }

    /**
     * Reads up to the size the file had when called, not "until EOF": a writer faster than the reader
     * would otherwise keep this loop (and the rotation checks and the first window) from ever ending.
     */
    private void readToEnd() throws IOException {
        long end = channel.size();
        while (position < end) {
            buf.clear();
            if (end - position < buf.capacity()) {
                buf.limit((int) (end - position));
            }
            int n = channel.read(buf, position);
            if (n <= 0) {
                return;
            }
            position += n;
            sanitizer.feed(buf.array(), 0, n);
        }
    }

    private static Object keyOf(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing a read-only handle; nothing to recover.
        }
        channel = null;
    }
}
