package edm.console.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * sshd_config as sshd reads it: {@code Include} expanded in place (globs in name order, relative paths
 * from /etc/ssh), the first value of a keyword wins, and lines after a {@code Match} belong to that block
 * until the next Match or the end of the file that opened it (as OpenSSH 9 does for included files).
 */
final class SshdConfig {
    /** One setting line: keyword in lower case, its value, where it is, and the Match line it falls under (null: global). */
    record Directive(String keyword, String value, Path file, int line, String match) {
        String where() {
            return file + ":" + line;
        }
    }

    /** Include loops (a file including itself) stop here rather than recursing until the stack is gone. */
    private static final int MAX_DEPTH = 16;

    private final Path sshDir;
    private final Path root;
    private final List<Directive> directives = new ArrayList<>();
    /** Files that exist but could not be read: the effective values are then not known. */
    private final List<String> unreadable = new ArrayList<>();

    private SshdConfig(Path root, Path sshDir) {
        this.root = root;
        this.sshDir = sshDir;
    }

    /** Reads {@code main} with its includes; the caller has checked that it exists. */
    static SshdConfig read(Path root, Path main) {
        SshdConfig c = new SshdConfig(root, main.getParent());
        c.readFile(main, null, 0);
        return c;
    }

    List<Directive> directives() {
        return directives;
    }

    List<String> unreadable() {
        return unreadable;
    }

    /** The winning global value of a keyword (the first one outside Match blocks). */
    Optional<Directive> global(String keyword) {
        return directives.stream().filter(d -> d.match() == null && d.keyword().equals(keyword)).findFirst();
    }

    List<Directive> inMatchBlocks(String keyword) {
        return directives.stream().filter(d -> d.match() != null && d.keyword().equals(keyword)).toList();
    }

    private void readFile(Path file, String match, int depth) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            unreadable.add(file + " (" + reason(e) + ")");
            return;
        }
        String current = match;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[\\s=]+", 2);
            String keyword = parts[0].toLowerCase(Locale.ROOT);
            String value = parts.length > 1 ? unquote(parts[1].strip()) : "";
            if (keyword.equals("match")) {
                current = "Match " + value + " (" + file + ":" + (i + 1) + ")";
            } else if (keyword.equals("include")) {
                if (depth < MAX_DEPTH) {
                    for (String pattern : value.split("\\s+")) {
                        include(pattern, current, depth + 1);
                    }
                }
            } else {
                directives.add(new Directive(keyword, value, file, i + 1, current));
            }
        }
    }

    private void include(String pattern, String match, int depth) {
        Path p = pattern.startsWith("/") ? root.resolve(pattern.substring(1)) : sshDir.resolve(pattern);
        Path dir = p.getParent();
        String glob = p.getFileName().toString();
        if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
            if (Files.exists(p)) {
                readFile(p, match, depth);
            }
            return;
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(files::add);
        } catch (IOException e) {
            unreadable.add(dir + " (" + reason(e) + ")");
            return;
        }
        files.sort(null);
        for (Path f : files) {
            readFile(f, match, depth);
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    static String reason(IOException e) {
        String m = e.getClass().getSimpleName().replace("Exception", "");
        return m.equals("AccessDenied") ? "permission denied" : m.isEmpty() ? String.valueOf(e.getMessage()) : m;
    }
}
