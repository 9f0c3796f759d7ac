package edm.console.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Verifies a backup in one streaming pass per part: size, SHA-256 against the manifest, decryption
 * (every chunk authenticated), and a structural check — pg_restore --list reads the dump's table of
 * contents, the globals are pg_dumpall SQL, the archive lists to its end. On success the manifest gets
 * verifiedAt (rewritten atomically). Failures are one line naming the part and what is wrong.
 */
final class BackupVerifier {
    /** What was checked, for the report: one line per part. */
    record Verified(BackupRecord record, List<String> details) {
    }

    private BackupVerifier() {
    }

    static Verified verify(BackupEnvironment env, BackupRecord r, BackupKeys.Identity identity, PgTools listTool,
                           BackupProgress progress, Cancellation cancel) {
        if (r.manifest().encrypted() && identity == null) {
            throw new BackupException("backup.verify.needKey", r.id());
        }
        List<String> details = new ArrayList<>();
        for (BackupManifest.Part part : r.manifest().parts()) {
            details.add(part.file() + ": " + verifyPart(r, part, identity, listTool, progress, cancel));
        }
        BackupManifest updated = r.manifest().withVerifiedAt(env.clock().now());
        try {
            BackupJson.writeManifest(r.dir(), updated);
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.write", BackupException.describe(e));
        }
        return new Verified(new BackupRecord(updated, r.dir(), null), details);
    }

    private static String verifyPart(BackupRecord r, BackupManifest.Part part, BackupKeys.Identity identity, PgTools listTool,
                                     BackupProgress progress, Cancellation cancel) {
        Path file = r.dir().resolve(part.file());
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new BackupException("backup.verify.missing", part.file());
        }
        if (size != part.size()) {
            throw new BackupException("backup.verify.size", part.file(), size, part.size());
        }
        MessageDigest sha = MeasuringOutputStream.newSha256();
        String structure;
        try (InputStream raw = new ProgressInput(new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 256 * 1024), sha),
                "verify " + part.role(), progress, cancel)) {
            try {
                InputStream plain = r.manifest().encrypted() ? new DecryptingInputStream(raw, identity) : raw;
                structure = structure(part, plain, listTool, cancel);
                plain.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (BackupCancelledException e) {
                throw e;
            } catch (BackupException | IOException e) {
                // A checksum mismatch explains a decryption or structure failure better: finish hashing first.
                raw.transferTo(java.io.OutputStream.nullOutputStream());
                checkDigest(part, sha);
                throw e instanceof BackupException be ? prefixed(part, be) : new BackupException(e, "backup.verify.structure",
                        part.file(), BackupException.describe(e));
            }
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.read", BackupException.describe(e));
        }
        checkDigest(part, sha);
        return structure;
    }

    private static BackupException prefixed(BackupManifest.Part part, BackupException e) {
        return e.key().startsWith("backup.verify.") || e instanceof BackupCancelledException ? e
                : new BackupException(e, "backup.verify.failed", part.file(), e.getMessage());
    }

    private static void checkDigest(BackupManifest.Part part, MessageDigest sha) {
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(part.sha256())) {
            throw new BackupException("backup.verify.checksum", part.file(), part.sha256().substring(0, 16), actual.substring(0, 16));
        }
    }

    private static String structure(BackupManifest.Part part, InputStream plain, PgTools listTool, Cancellation cancel) throws IOException {
        switch (part.role()) {
            case "dump" -> {
                if (listTool == null) {
                    byte[] head = plain.readNBytes(5);
                    if (!"PGDMP".equals(new String(head, StandardCharsets.US_ASCII))) {
                        throw new BackupException("backup.verify.structure", part.file(), "not a pg_dump custom-format archive");
                    }
                    return "PGDMP header (install postgresql-client for pg_restore --list)";
                }
                int entries = listTool.listContents(plain, part.plainSize(), cancel);
                return "pg_restore --list: " + entries + " entries";
            }
            case "globals" -> {
                String head = new String(plain.readNBytes(4096), StandardCharsets.UTF_8);
                if (!head.contains("PostgreSQL database cluster dump")) {
                    throw new BackupException("backup.verify.structure", part.file(), "not pg_dumpall output");
                }
                return "pg_dumpall SQL";
            }
            case "archive" -> {
                int entries = 0;
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(plain, 64 * 1024));
                while (tar.getNextEntry() != null) {
                    cancel.check();
                    entries++;
                }
                tar.transferTo(java.io.OutputStream.nullOutputStream());
                return "tar.gz: " + entries + " entries";
            }
            default -> {
                return "checksum only";
            }
        }
    }

    /** Reports bytes read and stops reading when cancelled. */
    private static final class ProgressInput extends java.io.FilterInputStream {
        private final String step;
        private final BackupProgress progress;
        private final Cancellation cancel;
        private final long started = System.nanoTime();
        private long count;
        private long lastReport;

        ProgressInput(InputStream in, String step, BackupProgress progress, Cancellation cancel) {
            super(in);
            this.step = step;
            this.progress = progress;
            this.cancel = cancel;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            cancel.check();
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                long now = System.nanoTime();
                if (now - lastReport > 500_000_000L) {
                    lastReport = now;
                    progress.update(step, count, java.time.Duration.ofNanos(now - started));
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }
}
