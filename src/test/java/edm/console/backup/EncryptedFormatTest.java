package edm.console.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedFormatTest {
    private static final int CHUNK = 1024;
    private static BackupKeys.Recipient recipient;
    private static BackupKeys.Identity identity;
    private static BackupKeys.Identity otherIdentity;

    @BeforeAll
    static void keys(@TempDir Path dir) {
        KeyPair pair = BackupKeys.generate();
        Path[] files = BackupKeys.writePair(pair, dir, "k");
        recipient = BackupKeys.readPublic(files[0]);
        identity = BackupKeys.readPrivate(files[1]);
        Path[] other = BackupKeys.writePair(BackupKeys.generate(), dir, "other");
        otherIdentity = BackupKeys.readPrivate(other[1]);
    }

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static byte[] encrypt(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EncryptingOutputStream enc = new EncryptingOutputStream(out, recipient, CHUNK)) {
            // Odd write sizes: chunking must not depend on how the producer writes.
            for (int off = 0; off < plain.length; off += 333) {
                enc.write(plain, off, Math.min(333, plain.length - off));
            }
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] sealed, BackupKeys.Identity id) throws IOException {
        try (DecryptingInputStream in = new DecryptingInputStream(new ByteArrayInputStream(sealed), id)) {
            return in.readAllBytes();
        }
    }

    private static int headerLength(byte[] sealed) {
        return 8 + 4 + 32 + 7 + 2 + (((sealed[51] & 0xFF) << 8) | (sealed[52] & 0xFF));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 10_000})
    void roundTripsAnySize(int size) throws IOException {
        byte[] plain = data(size);
        assertArrayEquals(plain, decrypt(encrypt(plain), identity));
    }

    @Test
    void keyFingerprintIsRecordedAndMatchesThePrivateKey() throws IOException {
        byte[] sealed = encrypt(data(10));
        try (DecryptingInputStream in = new DecryptingInputStream(new ByteArrayInputStream(sealed), identity)) {
            assertEquals(recipient.fingerprint(), in.fingerprint());
        }
        assertEquals(recipient.fingerprint(), identity.fingerprint());
    }

    @Test
    void everyFlippedByteFailsWithAClearMessage() throws IOException {
        byte[] sealed = encrypt(data(2 * CHUNK + 100));
        for (int i = 0; i < sealed.length; i += 7) {
            byte[] bad = sealed.clone();
            bad[i] ^= 0x01;
            BackupException e = assertThrows(BackupException.class, () -> decrypt(bad, identity), "byte " + i);
            assertTrue(Arrays.asList("backup.crypto.tampered", "backup.crypto.wrongKey", "backup.crypto.notEncrypted",
                    "backup.crypto.badHeader", "backup.crypto.truncated").contains(e.key()), e.key());
        }
        byte[] body = sealed.clone();
        body[headerLength(sealed) + CHUNK + 20] ^= 0x40;
        BackupException e = assertThrows(BackupException.class, () -> decrypt(body, identity));
        assertEquals("backup.crypto.tampered", e.key());
        assertTrue(e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void truncationAnywhereIsDetectedIncludingAtAChunkBoundary() throws IOException {
        byte[] sealed = encrypt(data(3 * CHUNK));
        int h = headerLength(sealed);
        int sealedChunk = CHUNK + 16;
        for (int cut : new int[] {10, h - 1, h, h + 5, h + sealedChunk, h + 2 * sealedChunk, sealed.length - 1}) {
            byte[] cutFile = Arrays.copyOf(sealed, cut);
            BackupException e = assertThrows(BackupException.class, () -> decrypt(cutFile, identity), "cut at " + cut);
            assertTrue(e.key().equals("backup.crypto.truncated") || e.key().equals("backup.crypto.tampered"), e.key());
        }
        BackupException boundary = assertThrows(BackupException.class,
                () -> decrypt(Arrays.copyOf(sealed, h + 2 * sealedChunk), identity));
        assertEquals("backup.crypto.truncated", boundary.key());
    }

    @Test
    void reorderedChunksFail() throws IOException {
        byte[] sealed = encrypt(data(3 * CHUNK + 10));
        int h = headerLength(sealed);
        int c = CHUNK + 16;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, h, swapped, h + c, c);
        System.arraycopy(sealed, h + c, swapped, h, c);
        assertEquals("backup.crypto.tampered", assertThrows(BackupException.class, () -> decrypt(swapped, identity)).key());
    }

    @Test
    void appendedDataFails() throws IOException {
        byte[] sealed = encrypt(data(CHUNK + 10));
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 40);
        assertThrows(BackupException.class, () -> decrypt(longer, identity));
    }

    @Test
    void wrongKeyFailsBeforeDecryptingAndNamesBothKeys() throws IOException {
        byte[] sealed = encrypt(data(100));
        BackupException e = assertThrows(BackupException.class, () -> decrypt(sealed, otherIdentity));
        assertEquals("backup.crypto.wrongKey", e.key());
        assertTrue(e.getMessage().contains(BackupKeys.shortFingerprint(recipient.fingerprint())), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void plainFileIsNotMistakenForAnEncryptedOne() {
        BackupException e = assertThrows(BackupException.class, () -> decrypt("PGDMP plain dump".getBytes(), identity));
        assertEquals("backup.crypto.notEncrypted", e.key());
    }

    @Test
    void privateKeyFileIsOwnerOnlyAndKeygenRefusesToOverwrite(@TempDir Path dir) throws IOException {
        Path[] files = BackupKeys.writePair(BackupKeys.generate(), dir, "backup");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(files[1]));
        assertEquals("backup.keys.exists",
                assertThrows(BackupException.class, () -> BackupKeys.writePair(BackupKeys.generate(), dir, "backup")).key());
    }
}
