package edm.console.security;

import edm.console.security.SecretValues.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Searches the project's text files for secret values, bounded so that a project dir full of logs and data
 * cannot make a run slow: at most {@link #MAX_FILES} files, the first {@link #MAX_BYTES} of each. Left out:
 * the env file itself, links (the compose {@code .env} link to it), binaries (a NUL byte near the start:
 * database files, archives), {@code .git}, {@code node_modules} and the backup dirs; and the env file's own
 * copies the console keeps when it rewrites it ({@code .env.production.previous}, its temp files) as long as
 * only their owner can read them: a copy others can read is a leak like any other.
 */
final class ProjectFileSearch {
    static final int MAX_FILES = 5000;
    static final int MAX_BYTES = 1 << 20;
    private static final int BINARY_PROBE = 8192;
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules");

    /** What one search covered, for the evidence: an honest "none found" says how far it looked. */
    record Coverage(int files, int unreadable, boolean stoppedAtCap) {
    }

    private ProjectFileSearch() {
    }

    /** Calls {@code found} with (secret, "file:line") for each line of a file that holds a secret's value. */
    static Coverage search(Path projectDir, Path envFile, List<Path> skippedDirs, List<Secret> secrets,
                           BiConsumer<Secret, String> found) throws IOException {
        int[] files = {0};
        int[] unreadable = {0};
        boolean[] capped = {false};
        Path env = envFile.toAbsolutePath().normalize();
        List<Path> skipped = skippedDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Files.walkFileTree(projectDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path d = dir.toAbsolutePath().normalize();
                boolean skip = SKIPPED_DIRS.contains(String.valueOf(dir.getFileName())) || skipped.contains(d);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() || file.toAbsolutePath().normalize().equals(env) || privateEnvCopy(file, env)) {
                    return FileVisitResult.CONTINUE;
                }
                if (files[0] >= MAX_FILES) {
                    capped[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                files[0]++;
                try {
                    searchFile(projectDir, file, secrets, found);
                } catch (IOException e) {
                    unreadable[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A dir the deploy user may not read (a database's data dir): counted, not a failure of the search.
                unreadable[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return new Coverage(files[0], unreadable[0], capped[0]);
    }

    /** The copy the console's env file writer keeps (compose AtomicText: NAME.previous, .NAME.*.tmp), readable by its owner only. */
    private static boolean privateEnvCopy(Path file, Path env) {
        String name = String.valueOf(file.getFileName());
        String envName = String.valueOf(env.getFileName());
        boolean copy = file.toAbsolutePath().normalize().getParent().equals(env.getParent())
                && (name.equals(envName + ".previous") || name.startsWith("." + envName + ".") && name.endsWith(".tmp"));
        if (!copy) {
            return false;
        }
        try {
            return Files.getPosixFilePermissions(file).stream().allMatch(p -> p == PosixFilePermission.OWNER_READ
                    || p == PosixFilePermission.OWNER_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void searchFile(Path projectDir, Path file, List<Secret> secrets, BiConsumer<Secret, String> found) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES);
        }
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return;
            }
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        String shown = projectDir.relativize(file).toString();
        List<Secret> inFile = new ArrayList<>();
        for (Secret s : secrets) {
            if (text.contains(s.value())) {
                inFile.add(s);
            }
        }
        if (inFile.isEmpty()) {
            return;
        }
        int line = 1;
        for (String l : text.split("\n", -1)) {
            for (Secret s : inFile) {
                if (l.contains(s.value())) {
                    found.accept(s, shown + ":" + line);
                }
            }
            line++;
        }
    }
}
