package edm.console.health;

import edm.console.core.Alert;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The append-only alert log: one JSON line per firing or resolving, synced to disk, secrets masked. */
public final class AlertLog {
    private final Path file;

    public AlertLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(Alert a) throws IOException {
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
