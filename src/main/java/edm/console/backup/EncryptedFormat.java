package edm.console.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The encrypted backup file format ({@code .edmenc}), version 1. Streaming authenticated encryption
 * (the STREAM construction of Hoang et al.) with AES-256-GCM under a random per-file data key, which is
 * wrapped with the recipient's RSA public key, so that writing a backup needs no secret.
 *
 * <pre>
 * header:
 *   magic          8 bytes  "EDMBK1\r\n"
 *   chunk size     4 bytes  u32 big-endian: plaintext bytes per chunk (1 KiB .. 16 MiB)
 *   fingerprint   32 bytes  SHA-256 of the recipient public key (DER SubjectPublicKeyInfo)
 *   nonce prefix   7 bytes  random
 *   wrapped len    2 bytes  u16 big-endian
 *   wrapped key    n bytes  the 32-byte AES data key, RSA-OAEP (SHA-256, MGF1-SHA-256)
 * body: chunks i = 0, 1, 2, ...
 *   AES-256-GCM(data key, nonce = prefix || i (u32 big-endian) || final flag (1 byte, 0 or 1),
 *               associated data = the whole header), 16-byte tag appended.
 *   Every chunk but the last holds exactly chunk-size plaintext bytes and final flag 0; the last holds
 *   0 .. chunk-size bytes and final flag 1. Every file has a final chunk (empty input: one empty chunk).
 * </pre>
 * Each chunk's tag covers its index and the final flag: a changed byte, reordered or dropped chunks,
 * a file cut anywhere (even at a chunk boundary) and a swapped header all fail authentication. Memory
 * is one chunk, whatever the file size.
 */
public final class EncryptedFormat {
    static final byte[] MAGIC = "EDMBK1\r\n".getBytes(StandardCharsets.US_ASCII);
    public static final int DEFAULT_CHUNK = 256 * 1024;
    static final int MIN_CHUNK = 1024;
    static final int MAX_CHUNK = 16 * 1024 * 1024;
    static final int TAG_BYTES = 16;
    static final int PREFIX_BYTES = 7;
    static final int FINGERPRINT_BYTES = 32;
    static final int DATA_KEY_BYTES = 32;

    private EncryptedFormat() {
    }

    /** The parsed header plus its raw bytes (the associated data of every chunk). */
    record Header(int chunkSize, String fingerprint, byte[] noncePrefix, byte[] wrappedKey, byte[] raw) {
        static Header create(int chunkSize, String fingerprint, byte[] noncePrefix, byte[] wrappedKey) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(MAGIC);
                out.writeInt(chunkSize);
                out.write(HexFormat.of().parseHex(fingerprint));
                out.write(noncePrefix);
                out.writeShort(wrappedKey.length);
                out.write(wrappedKey);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new Header(chunkSize, fingerprint, noncePrefix, wrappedKey, bytes.toByteArray());
        }

        /** Reads a header; a file that is not ours or is cut inside the header fails with a clear message. */
        static Header read(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try {
                byte[] magic = readN(data, MAGIC.length, raw);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new BackupException("backup.crypto.notEncrypted");
                }
                int chunkSize = ByteBuffer.wrap(readN(data, 4, raw)).getInt();
                if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
                    throw new BackupException("backup.crypto.badHeader");
                }
                String fingerprint = HexFormat.of().formatHex(readN(data, FINGERPRINT_BYTES, raw));
                byte[] prefix = readN(data, PREFIX_BYTES, raw);
                int wrappedLen = Short.toUnsignedInt(ByteBuffer.wrap(readN(data, 2, raw)).getShort());
                byte[] wrapped = readN(data, wrappedLen, raw);
                return new Header(chunkSize, fingerprint, prefix, wrapped, raw.toByteArray());
            } catch (EOFException e) {
                throw new BackupException("backup.crypto.truncated");
            }
        }

        private static byte[] readN(DataInputStream in, int n, ByteArrayOutputStream raw) throws IOException {
            byte[] b = new byte[n];
            in.readFully(b);
            raw.write(b);
            return b;
        }
    }

    static byte[] nonce(byte[] prefix, long index, boolean last) {
        if (index > 0xFFFF_FFFFL) {
            throw new BackupException("backup.crypto.tooLarge");
        }
        ByteBuffer n = ByteBuffer.allocate(12);
        n.put(prefix).putInt((int) index).put((byte) (last ? 1 : 0));
        return n.array();
    }

    static Cipher chunkCipher(int mode, Key dataKey, Header h, long index, boolean last) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, dataKey, new GCMParameterSpec(TAG_BYTES * 8, nonce(h.noncePrefix(), index, last)));
        c.updateAAD(h.raw());
        return c;
    }

    static Cipher keyWrapCipher(int mode, Key rsaKey) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(mode, rsaKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return c;
    }

    /** True when the stream starts with the magic (peeks, does not consume; needs mark support). */
    public static boolean looksEncrypted(byte[] firstBytes) {
        return firstBytes.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(firstBytes, MAGIC.length), MAGIC);
    }
}
