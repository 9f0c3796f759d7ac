package edm.console.compose;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a text file the way an operator's file must be replaced: the previous content kept as
 * {@code NAME.previous} beside it, the new one written to a temp file with the same mode, fsynced, then
 * renamed over the old one (a crash leaves the old or the new file, never half of one). A symlink (a
 * {@code .env} pointing at {@code .env.production}) is followed, so the link stays a link.
 */
final class AtomicText {
    static final String PREVIOUS_SUFFIX = ".previous";
    /** A new env file holds secrets: owner only. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-------");

    private AtomicText() {
    }

    /** The file actually written: the target of a symlink, else the path itself. */
    static Path real(Path file) throws IOException {
        return Files.exists(file) ? file.toRealPath() : file.toAbsolutePath().normalize();
    }

    /** @return the copy of the previous content, or null when the file did not exist */
    static Path replace(Path file, String text) throws IOException {
        Path target = real(file);
        Path dir = target.getParent();
        boolean existed = Files.exists(target);
        Set<PosixFilePermission> mode = existed ? Files.getPosixFilePermissions(target) : NEW_FILE;
        Path previous = null;
        if (existed) {
            previous = target.resolveSibling(target.getFileName() + PREVIOUS_SUFFIX);
            writeAtomically(previous, Files.readAllBytes(target), mode);
        }
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8), mode);
        return previous;
    }

    private static void writeAtomically(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, mode);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDir(target.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every file system lets a directory be opened; the rename is done either way
        }
    }
}
