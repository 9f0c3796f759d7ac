package edm.console.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes one part of a backup: producer → (count plaintext) → [encrypt] → hash and count → temp file,
 * then fsync and rename. If the producer fails or is cancelled, nothing is left under the final name.
 */
final class PartWriter {
    /** A committed part: its manifest entry, and the plaintext size (needed to feed it back through docker exec). */
    record Written(BackupManifest.Part part, long plainSize) {
    }

    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    private PartWriter() {
    }

    static Written write(Path dir, String fileName, String role, BackupKeys.Recipient recipient, String step,
                         BackupProgress progress, Cancellation cancel, Producer producer) {
        try (AtomicFile file = AtomicFile.create(dir.resolve(fileName))) {
            MeasuringOutputStream disk = new MeasuringOutputStream(new BufferedOutputStream(file.stream(), 256 * 1024), step, progress, cancel);
            long[] plain = {0};
            OutputStream sink = recipient == null ? disk : new EncryptingOutputStream(disk, recipient);
            try (OutputStream counting = new CountingOutputStream(sink, plain)) {
                producer.writeTo(counting);
            }
            cancel.check();
            file.commit();
            disk.reportFinal();
            return new Written(new BackupManifest.Part(fileName, role, disk.count(), disk.hex(), plain[0]), plain[0]);
        } catch (IOException e) {
            if (cancel.cancelled()) {
                throw new BackupCancelledException();
            }
            throw new BackupException(e, "backup.error.write", BackupException.describe(e));
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private final long[] count;

        CountingOutputStream(OutputStream out, long[] count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count[0]++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count[0] += len;
        }
    }
}
