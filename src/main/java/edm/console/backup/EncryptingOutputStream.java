package edm.console.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes {@link EncryptedFormat}: buffers one chunk of plaintext and seals it once the next byte
 * arrives (so the last chunk, sealed on {@link #close()}, is the one marked final). Closing is what
 * makes the file complete: a stream abandoned without close leaves a file that fails to decrypt.
 */
public final class EncryptingOutputStream extends FilterOutputStream {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EncryptedFormat.Header header;
    private final SecretKey dataKey;
    private final byte[] buffer;
    private int filled;
    private long index;
    private boolean closed;

    public EncryptingOutputStream(OutputStream out, BackupKeys.Recipient recipient) throws IOException {
        this(out, recipient, EncryptedFormat.DEFAULT_CHUNK);
    }

    public EncryptingOutputStream(OutputStream out, BackupKeys.Recipient recipient, int chunkSize) throws IOException {
        super(out);
        byte[] keyBytes = new byte[EncryptedFormat.DATA_KEY_BYTES];
        RANDOM.nextBytes(keyBytes);
        byte[] prefix = new byte[EncryptedFormat.PREFIX_BYTES];
        RANDOM.nextBytes(prefix);
        this.dataKey = new SecretKeySpec(keyBytes, "AES");
        try {
            byte[] wrapped = EncryptedFormat.keyWrapCipher(Cipher.ENCRYPT_MODE, recipient.key()).doFinal(keyBytes);
            this.header = EncryptedFormat.Header.create(chunkSize, recipient.fingerprint(), prefix, wrapped);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot wrap the data key: " + e.getMessage(), e);
        }
        this.buffer = new byte[chunkSize];
        out.write(header.raw());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == buffer.length) {
                seal(false);
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        try {
            Cipher c = EncryptedFormat.chunkCipher(Cipher.ENCRYPT_MODE, dataKey, header, index++, last);
            out.write(c.doFinal(buffer, 0, filled));
            filled = 0;
        } catch (GeneralSecurityException e) {
            throw new IOException("encryption failed: " + e.getMessage(), e);
        }
    }

    /** Nothing is sealed on flush: a chunk can only be sealed once it is known whether it is the last. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            seal(true);
        } finally {
            out.close();
        }
    }
}
