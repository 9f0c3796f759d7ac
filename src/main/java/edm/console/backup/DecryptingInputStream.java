package edm.console.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads {@link EncryptedFormat}, returning plaintext only after its chunk authenticated. Every failure
 * is a {@link BackupException} with one clear line: not an encrypted backup, wrong key, truncated, or
 * tampered (with the chunk number). The end of the plaintext is reported only after the final chunk
 * authenticated, so a cut file can never pass for a complete one.
 */
public final class DecryptingInputStream extends InputStream {
    private final InputStream in;
    private final EncryptedFormat.Header header;
    private final SecretKey dataKey;
    private final byte[] sealed;
    private byte[] plain = new byte[0];
    private int pos;
    private long index;
    private boolean done;
    private int lookahead = -2;

    public DecryptingInputStream(InputStream in, BackupKeys.Identity identity) throws IOException {
        this.in = in;
        this.header = EncryptedFormat.Header.read(in);
        if (!header.fingerprint().equals(identity.fingerprint())) {
            throw new BackupException("backup.crypto.wrongKey", BackupKeys.shortFingerprint(header.fingerprint()),
                    BackupKeys.shortFingerprint(identity.fingerprint()));
        }
        try {
            byte[] key = EncryptedFormat.keyWrapCipher(Cipher.DECRYPT_MODE, identity.key()).doFinal(header.wrappedKey());
            if (key.length != EncryptedFormat.DATA_KEY_BYTES) {
                throw new BackupException("backup.crypto.badHeader");
            }
            this.dataKey = new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            // The fingerprint matched but the key does not open it: the header was altered.
            throw new BackupException("backup.crypto.tampered", 0);
        }
        this.sealed = new byte[header.chunkSize() + EncryptedFormat.TAG_BYTES];
    }

    /** The fingerprint of the key the file was encrypted to. */
    public String fingerprint() {
        return header.fingerprint();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == plain.length) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(len, plain.length - pos);
        System.arraycopy(plain, pos, b, off, n);
        pos += n;
        return n;
    }

    private void nextChunk() throws IOException {
        int n = fill();
        if (n < EncryptedFormat.TAG_BYTES) {
            throw new BackupException("backup.crypto.truncated");
        }
        // A full chunk followed by more data is not the last; anything else must be the final chunk.
        boolean last = n < sealed.length || peek() < 0;
        try {
            plain = decrypt(n, last);
        } catch (AEADBadTagException e) {
            if (last && n == sealed.length && opens(n)) {
                throw new BackupException("backup.crypto.truncated");
            }
            throw new BackupException("backup.crypto.tampered", index + 1);
        } catch (GeneralSecurityException e) {
            throw new BackupException("backup.crypto.tampered", index + 1);
        }
        pos = 0;
        index++;
        done = last;
    }

    /** Whether the chunk authenticates as a non-final one: then the file was cut right after it. */
    private boolean opens(int n) {
        try {
            decrypt(n, false);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] decrypt(int n, boolean last) throws GeneralSecurityException {
        return EncryptedFormat.chunkCipher(Cipher.DECRYPT_MODE, dataKey, header, index, last).doFinal(sealed, 0, n);
    }

    private int fill() throws IOException {
        int n = 0;
        if (lookahead >= 0) {
            sealed[n++] = (byte) lookahead;
        }
        lookahead = -2;
        while (n < sealed.length) {
            int r = in.read(sealed, n, sealed.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private int peek() throws IOException {
        lookahead = in.read();
        return lookahead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
