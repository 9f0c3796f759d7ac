package edm.console.backup;

import edm.console.i18n.Messages;
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
 * contents (its entries and tables are counted and compared with the live database, see
 * {@link TableRule}), the globals are pg_dumpall SQL, the archive lists to its end and holds entries.
 * <p>
 * The outcome, passed or failed, becomes the backup's one {@link Verification} record in its manifest
 * (rewritten atomically). Nothing is recorded when verification cannot start (no private key for an
 * encrypted backup) or is cancelled: no outcome, no record.
 */
final class BackupVerifier {
    /** What one part's check found. */
    private record PartCheck(String detail, long entries, Integer tables) {
    }

    private BackupVerifier() {
    }

    static Verification verify(BackupEnvironment env, BackupRecord r, BackupKeys.Identity identity, PgTools listTool,
                               BackupProgress progress, Cancellation cancel) {
        if (r.manifest().encrypted() && identity == null) {
            throw new BackupException("backup.verify.needKey", r.id());
        }
        if (r.manifest().encrypted() && !r.manifest().keyFingerprint().isEmpty() && !r.manifest().keyFingerprint().equals(identity.fingerprint())) {
            // The wrong key says nothing about the backup: no record, the operator gives the right one.
            throw new BackupException("backup.crypto.wrongKey", BackupKeys.shortFingerprint(r.manifest().keyFingerprint()),
                    BackupKeys.shortFingerprint(identity.fingerprint()));
        }
        Verification v = check(env, r, identity, listTool, progress, cancel);
        try {
            BackupJson.writeManifest(r.dir(), r.manifest().withVerification(v));
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.write", BackupException.describe(e));
        }
        return v;
    }

    private static Verification check(BackupEnvironment env, BackupRecord r, BackupKeys.Identity identity, PgTools listTool,
                                      BackupProgress progress, Cancellation cancel) {
        List<String> details = new ArrayList<>();
        long entries = 0;
        Integer tables = null;
        long bytes = 0;
        try {
            for (BackupManifest.Part part : r.manifest().parts()) {
                PartCheck c = verifyPart(r, part, identity, listTool, progress, cancel);
                details.add(part.file() + ": " + c.detail());
                bytes += part.size();
                if (!"globals".equals(part.role())) {
                    entries += c.entries();
                }
                if (c.tables() != null) {
                    tables = c.tables();
                }
            }
        } catch (BackupCancelledException e) {
            throw e;
        } catch (BackupException e) {
            return Verification.failed(env.clock().now(), entries, tables, null, bytes, e.getMessage(), details);
        }
        if (r.manifest().parts().isEmpty()) {
            return Verification.failed(env.clock().now(), 0, null, null, 0, Messages.t("backup.verify.noParts"), details);
        }
        if (r.kind() == BackupKind.FILES) {
            return entries == 0
                    ? Verification.failed(env.clock().now(), 0, null, null, bytes, Messages.t("backup.verify.emptyArchive"), details)
                    : Verification.passed(env.clock().now(), entries, null, null, bytes, details, List.of());
        }
        if (tables == null) {
            return Verification.failed(env.clock().now(), entries, null, null, bytes, Messages.t("backup.verify.notCounted"), details);
        }
        List<String> notes = new ArrayList<>();
        Integer live = null;
        if (env.pg() == null) {
            notes.add(Messages.t("backup.verify.liveUnknown", Messages.t("backup.error.noDatabase")));
        } else {
            try {
                live = env.pg().liveTableCount();
            } catch (BackupException e) {
                notes.add(Messages.t("backup.verify.liveUnknown", e.getMessage()));
            }
        }
        String problem = TableRule.problem(entries, tables, live, env.minTableShare());
        return problem == null ? Verification.passed(env.clock().now(), entries, tables, live, bytes, details, notes)
                : Verification.failed(env.clock().now(), entries, tables, live, bytes, problem, details);
    }

    private static PartCheck verifyPart(BackupRecord r, BackupManifest.Part part, BackupKeys.Identity identity, PgTools listTool,
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
        PartCheck structure;
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

    private static PartCheck structure(BackupManifest.Part part, InputStream plain, PgTools listTool, Cancellation cancel) throws IOException {
        switch (part.role()) {
            case "dump" -> {
                if (listTool == null) {
                    byte[] head = plain.readNBytes(5);
                    if (!"PGDMP".equals(new String(head, StandardCharsets.US_ASCII))) {
                        throw new BackupException("backup.verify.structure", part.file(), "not a pg_dump custom-format archive");
                    }
                    return new PartCheck("PGDMP header only", 0, null);
                }
                PgTools.Contents toc = listTool.listContents(plain, part.plainSize(), cancel);
                return new PartCheck("pg_restore --list: " + toc.entries() + " entries, " + toc.tables() + " tables", toc.entries(),
                        toc.tables());
            }
            case "globals" -> {
                String head = new String(plain.readNBytes(4096), StandardCharsets.UTF_8);
                if (!head.contains("PostgreSQL database cluster dump")) {
                    throw new BackupException("backup.verify.structure", part.file(), "not pg_dumpall output");
                }
                return new PartCheck("pg_dumpall SQL", 0, null);
            }
            case "archive" -> {
                int entries = 0;
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(plain, 64 * 1024));
                while (tar.getNextEntry() != null) {
                    cancel.check();
                    entries++;
                }
                tar.transferTo(java.io.OutputStream.nullOutputStream());
                return new PartCheck("tar.gz: " + entries + " entries", entries, null);
            }
            default -> {
                return new PartCheck("checksum only", 0, null);
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
