package edm.console.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files backup (SPEC-006's weekly full backup): one tar.gz of the uploads and the other configured
 * paths plus the env file, entries named relative to the project dir. Symlinks are stored as links,
 * never followed; the backup dirs themselves are skipped; a configured path that does not exist is noted
 * in the manifest rather than failing the backup.
 */
final class FilesBackup {
    private FilesBackup() {
    }

    static BackupRecord run(BackupEnvironment env, BackupProgress progress, Cancellation cancel) {
        Path dir = env.dir(BackupKind.FILES);
        Instant started = env.clock().now();
        long t0 = System.nanoTime();
        String id = BackupIds.next(BackupKind.FILES, dir, started);
        String file = id + ".tar.gz" + (env.recipient() == null ? "" : ".edmenc");
        List<BackupManifest.Part> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            for (Path p : env.filePaths()) {
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    notes.add("missing: " + p);
                }
            }
            parts.add(PartWriter.write(dir, file, "archive", env.recipient(), "tar.gz", progress, cancel,
                    out -> archive(env, out, cancel)).part());
            progress.step(BackupProgress.Step.WRITE);
            BackupManifest m = new BackupManifest(BackupManifest.FORMAT_VERSION, id, BackupKind.FILES, started,
                    parts.get(0).size(), parts.get(0).sha256(), env.recipient() != null,
                    env.recipient() == null ? "" : env.recipient().fingerprint(), env.projectDir().toString(),
                    Map.of("edm-console", BackupIds.consoleVersion(), "format", "tar.gz"), null,
                    Duration.ofNanos(System.nanoTime() - t0).toMillis(), parts, notes);
            BackupJson.writeManifest(dir, m);
            BackupAttempts.record(dir, new BackupAttempts.Attempt(env.clock().now(), BackupKind.FILES, id,
                    BackupAttempts.Result.OK, "", m.durationMillis()));
            return new BackupRecord(m, dir, null);
        } catch (RuntimeException | IOException e) {
            throw DatabaseBackup.failed(env, BackupKind.FILES, dir, id, parts, e, t0);
        }
    }

    static void archive(BackupEnvironment env, OutputStream out, Cancellation cancel) throws IOException {
        List<Path> skip = env.dirs().values().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path root : env.filePaths()) {
                if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                    add(env.projectDir(), root.toAbsolutePath().normalize(), skip, tar, cancel);
                }
            }
            tar.finish();
        }
    }

    private static void add(Path project, Path root, Collection<Path> skip, TarArchiveOutputStream tar, Cancellation cancel)
            throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (skip.stream().anyMatch(d::startsWith)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entry(d, attrs, null);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                cancel.check();
                if (attrs.isSymbolicLink()) {
                    entry(f, attrs, Files.readSymbolicLink(f).toString());
                } else if (attrs.isRegularFile()) {
                    entry(f, attrs, null);
                }
                return FileVisitResult.CONTINUE;
            }

            private void entry(Path p, BasicFileAttributes attrs, String linkTarget) throws IOException {
                String name = name(project, p) + (attrs.isDirectory() ? "/" : "");
                TarArchiveEntry e = linkTarget != null ? new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK) : new TarArchiveEntry(name);
                if (linkTarget != null) {
                    e.setLinkName(linkTarget);
                } else if (attrs.isRegularFile()) {
                    e.setSize(attrs.size());
                }
                e.setModTime(attrs.lastModifiedTime());
                e.setMode(mode(p, attrs));
                tar.putArchiveEntry(e);
                if (linkTarget == null && attrs.isRegularFile()) {
                    try (InputStream in = Files.newInputStream(p)) {
                        // Exactly the size announced in the header, even if the file grows meanwhile.
                        long copied = in.transferTo(new BoundedOutput(tar, attrs.size()));
                        if (copied < attrs.size()) {
                            throw new IOException(p + " shrank while being archived; run the backup again");
                        }
                    }
                }
                tar.closeArchiveEntry();
            }
        });
    }

    static String name(Path project, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path base = project.toAbsolutePath().normalize();
        String n = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString().replaceFirst("^/+", "");
        return n.isEmpty() ? "." : n;
    }

    private static int mode(Path p, BasicFileAttributes attrs) {
        int type = attrs.isDirectory() ? 0040000 : attrs.isSymbolicLink() ? 0120000 : 0100000;
        try {
            int bits = 0;
            for (PosixFilePermission perm : Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)) {
                bits |= 1 << (8 - perm.ordinal());
            }
            return type | bits;
        } catch (IOException | UnsupportedOperationException e) {
            return type | (attrs.isDirectory() ? 0755 : 0644);
        }
    }

    /** Writes at most {@code limit} bytes and drops the rest. */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private long left;

        BoundedOutput(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            if (n > 0) {
                out.write(b, off, n);
                left -= n;
            }
        }
    }
}
