package edm.console.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) the bytes that reach the file, reports progress at most twice a second,
 * and stops the write when the operation is cancelled.
 */
final class MeasuringOutputStream extends FilterOutputStream {
    private final MessageDigest sha256;
    private final BackupProgress progress;
    private final String step;
    private final Cancellation cancel;
    private final long started = System.nanoTime();
    private long count;
    private long lastReport;

    MeasuringOutputStream(OutputStream out, String step, BackupProgress progress, Cancellation cancel) {
        super(out);
        this.step = step;
        this.progress = progress;
        this.cancel = cancel;
        this.sha256 = newSha256();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (cancel.cancelled()) {
            throw new BackupCancelledException();
        }
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
        long now = System.nanoTime();
        if (now - lastReport > 500_000_000L) {
            lastReport = now;
            progress.update(step, count, elapsed());
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    long count() {
        return count;
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    void reportFinal() {
        progress.update(step, count, elapsed());
    }
}
