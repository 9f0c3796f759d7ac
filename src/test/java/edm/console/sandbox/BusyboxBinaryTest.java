package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyboxBinaryTest {
    @TempDir
    Path tmp;

    /** A minimal ELF64 header with two program headers of the given types. */
    private Path elf(int... phTypes) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64 + 56 * phTypes.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putLong(0x20, 64);
        b.putShort(0x36, (short) 56);
        b.putShort(0x38, (short) phTypes.length);
        for (int i = 0; i < phTypes.length; i++) {
            b.putInt(64 + i * 56, phTypes[i]);
        }
        Path f = Files.createTempFile(tmp, "elf", "");
        Files.write(f, b.array());
        return f;
    }

    @Test
    void anElfWithoutInterpreterIsStatic() throws Exception {
        assertTrue(BusyboxBinary.isStaticElf(elf(1, 1)));
    }

    @Test
    void anElfWithInterpreterIsDynamic() throws Exception {
        assertFalse(BusyboxBinary.isStaticElf(elf(6, 3, 1)));
    }

    @Test
    void aScriptIsNotAnElf() throws Exception {
        Path f = tmp.resolve("busybox");
        Files.writeString(f, "#!/bin/sh\necho hi\n".repeat(10));
        assertFalse(BusyboxBinary.isStaticElf(f));
    }
}
