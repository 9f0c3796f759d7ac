package edm.console.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The logrotate entries of /etc/logrotate.conf and /etc/logrotate.d: each {@code paths { ... }} block
 * with its directives, over the top-level defaults of logrotate.conf (a block's own directive wins).
 */
final class LogrotateConfig {
    /** Directives that replace each other: a block's weekly overrides the default daily. */
    private static final Set<String> FREQUENCIES = Set.of("hourly", "daily", "weekly", "monthly", "yearly");

    /** One block: its path patterns, where it starts, its effective directives (name to arguments). */
    record Entry(List<String> patterns, Path file, int line, Map<String, String> directives) {
        boolean covers(String target) {
            for (String p : patterns) {
                try {
                    if (p.equals(target) || FileSystems.getDefault().getPathMatcher("glob:" + p).matches(Path.of(target))) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // A pattern logrotate would reject covers nothing.
                }
            }
            return false;
        }

        String where() {
            return file + ":" + line;
        }
    }

    private LogrotateConfig() {
    }

    /** The entries of {@code conf} (defaults) then of every file of {@code dir}, in name order. */
    static List<Entry> read(Path conf, Path dir) throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        List<Entry> out = new ArrayList<>();
        if (Files.isRegularFile(conf)) {
            parse(conf, defaults, out, true);
        }
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (var s = Files.list(dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                parse(f, defaults, out, false);
            }
        }
        return out;
    }

    private static void parse(Path file, Map<String, String> defaults, List<Entry> out, boolean topLevelDefaults) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> block = null;
        List<String> patterns = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (block == null && line.endsWith("{")) {
                patterns = List.of(line.substring(0, line.length() - 1).strip().split("\\s+"));
                block = new LinkedHashMap<>(defaults);
                start = i + 1;
            } else if (block != null && line.equals("}")) {
                out.add(new Entry(patterns, file, start, block));
                block = null;
            } else {
                String[] kv = line.split("\\s+", 2);
                Map<String, String> target = block != null ? block : topLevelDefaults ? defaults : null;
                if (target != null) {
                    if (FREQUENCIES.contains(kv[0])) {
                        target.keySet().removeAll(FREQUENCIES);
                    }
                    target.put(kv[0], kv.length > 1 ? kv[1].strip().replaceAll("\\s+", " ") : "");
                }
            }
        }
    }
}
