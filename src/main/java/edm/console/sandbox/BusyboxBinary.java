package edm.console.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the statically linked busybox that the FROM-scratch app images are made of. A dynamically
 * linked busybox (Debian's "busybox" package) would build fine and then fail to start in the container,
 * so it is refused up front.
 */
final class BusyboxBinary {
    static final Path DEFAULT = Path.of("/bin/busybox");
    private static final int PT_INTERP = 3;

    private BusyboxBinary() {
    }

    static Path require() {
        Path p = DEFAULT;
        if (!Files.isRegularFile(p)) {
            throw new SandboxException(SandboxResult.MISSING_PREREQUISITE, "sandbox.error.busyboxMissing", p);
        }
        try {
            if (!isStaticElf(p)) {
                throw new SandboxException(SandboxResult.MISSING_PREREQUISITE, "sandbox.error.busyboxDynamic", p);
            }
        } catch (IOException e) {
            throw new SandboxException(SandboxResult.MISSING_PREREQUISITE, "sandbox.error.busyboxMissing", p);
        }
        return p;
    }

    /** A 64-bit little-endian ELF without a PT_INTERP program header (no dynamic loader) is static. */
    static boolean isStaticElf(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer h = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(h, 0);
            if (h.get(0) != 0x7f || h.get(1) != 'E' || h.get(2) != 'L' || h.get(3) != 'F' || h.get(4) != 2) {
                return false;
            }
            long phoff = h.getLong(0x20);
            int phentsize = Short.toUnsignedInt(h.getShort(0x36));
            int phnum = Short.toUnsignedInt(h.getShort(0x38));
            ByteBuffer ph = ByteBuffer.allocate(phentsize * phnum).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(ph, phoff);
            for (int i = 0; i < phnum; i++) {
                if (ph.getInt(i * phentsize) == PT_INTERP) {
                    return false;
                }
            }
            return true;
        }
    }
}
