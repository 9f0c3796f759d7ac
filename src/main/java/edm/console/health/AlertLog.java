package edm.console.health;

import edm.console.core.Alert;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The append-only alert log: one JSON line per firing or resolving, synced to disk, secrets masked. */
public final class AlertLog {
    private final Path file;
    private final Path projectDir;

    public AlertLog(Path file) {
        this(file, null);
    }

    /**
     * @param projectDir the project directory, which the log creates its folders in but never creates
     *                   itself: a missing project dir is an alert of its own, which writing the log must not
     *                   silently "fix" (null: no such rule)
     */
    public AlertLog(Path file, Path projectDir) {
        this.file = file;
        this.projectDir = projectDir;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(Alert a) throws IOException {
        if (projectDir != null && file.startsWith(projectDir) && !Files.isDirectory(projectDir)) {
            throw new NoSuchFileException(projectDir.toString(), null, "the project directory does not exist");
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = (AlertJson.line(a) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
    }
}
