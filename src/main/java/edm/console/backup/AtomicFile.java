package edm.console.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file that appears complete or not at all: written to a hidden temp file in the target's dir,
 * fsynced, renamed over the target, and the dir fsynced so that the rename survives a crash. Closing
 * without {@link #commit()} deletes the temp file; a crash leaves only a {@value #TEMP_SUFFIX} file,
 * which the catalogue never lists as a backup. The temp file's name carries its writer (pid@host, see
 * {@link StalePartials}), so that the next backup and prune remove a killed writer's file, never a live one's.
 */
public final class AtomicFile implements AutoCloseable {
    public static final String TEMP_SUFFIX = ".partial";

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean finished;

    private AtomicFile(Path target) throws IOException {
        this.target = target;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = Files.createTempFile(target.toAbsolutePath().getParent(),
                "." + target.getFileName() + "." + StalePartials.writerTag() + ".", TEMP_SUFFIX);
        this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        this.out = Channels.newOutputStream(channel);
    }

    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target);
    }

    /** Where to write. Closing this stream does not commit; it must not be closed before {@link #commit()}. */
    public OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // The layers above close their end; the file itself is closed by commit or close.
            }
        };
    }

    public Path temp() {
        return temp;
    }

    public void commit() throws IOException {
        channel.force(true);
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        }
        finished = true;
        syncDir(target.toAbsolutePath().getParent());
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting it next is what matters
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // left as .partial: never listed, removed by prune
        }
    }

    /** Replaces {@code target} with {@code text} atomically (manifests, state files). */
    public static void write(Path target, String text) throws IOException {
        try (AtomicFile f = create(target)) {
            f.stream().write(text.getBytes(StandardCharsets.UTF_8));
            f.commit();
        }
    }

    /** Appends one line and fsyncs (JSON-lines logs: attempts, drills, audit). */
    public static void appendLine(Path file, String line) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }
}
