package edm.console.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What is in the backup dirs. A backup exists only through its manifest (written last), so a
 * half-written one — temp files, or parts whose manifest was never written — is listed apart as
 * {@link #leftovers()}, never as a backup.
 */
public final class BackupCatalogue {
    public static final String ATTEMPTS_LOG = "attempts.jsonl";
    public static final String DRILL_LOG = "restore-drills.jsonl";

    /** A file in a backup dir that belongs to no manifest: a crashed or cancelled run. */
    public record Leftover(Path file, Instant modified, long size) {
    }

    private final Map<BackupKind, Path> dirs;
    private final List<BackupRecord> records;
    private final List<Leftover> leftovers;

    private BackupCatalogue(Map<BackupKind, Path> dirs, List<BackupRecord> records, List<Leftover> leftovers) {
        this.dirs = dirs;
        this.records = records;
        this.leftovers = leftovers;
    }

    /** Scans the dirs (missing dirs are empty); records newest first. */
    public static BackupCatalogue scan(Map<BackupKind, Path> dirs) {
        List<BackupRecord> records = new ArrayList<>();
        List<Leftover> leftovers = new ArrayList<>();
        for (Map.Entry<BackupKind, Path> e : dirs.entrySet()) {
            scanDir(e.getKey(), e.getValue(), records, leftovers);
        }
        records.sort(Comparator.comparing(BackupRecord::created).reversed().thenComparing(BackupRecord::id));
        return new BackupCatalogue(Map.copyOf(dirs), List.copyOf(records), List.copyOf(leftovers));
    }

    private static void scanDir(BackupKind kind, Path dir, List<BackupRecord> records, List<Leftover> leftovers) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.listDir", dir, BackupException.describe(e));
        }
        Set<String> owned = new HashSet<>(Set.of(ATTEMPTS_LOG, DRILL_LOG));
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!name.endsWith(BackupManifest.SUFFIX)) {
                continue;
            }
            owned.add(name);
            BackupManifest m;
            try {
                m = BackupJson.readManifest(f);
            } catch (IOException e) {
                // Unreadable manifest: the backup cannot be trusted; shown as a leftover so prune may remove it.
                owned.remove(name);
                continue;
            }
            if (m.kind() != kind || m.id() == null || m.created() == null) {
                owned.remove(name);
                continue;
            }
            m.parts().forEach(p -> owned.add(p.file()));
            records.add(new BackupRecord(m, dir, partsProblem(dir, m)));
        }
        for (Path f : files) {
            if (!owned.contains(f.getFileName().toString())) {
                try {
                    leftovers.add(new Leftover(f, Files.getLastModifiedTime(f).toInstant(), Files.size(f)));
                } catch (IOException ignored) {
                    // vanished meanwhile
                }
            }
        }
    }

    private static String partsProblem(Path dir, BackupManifest m) {
        if (m.parts().isEmpty()) {
            return "no parts";
        }
        for (BackupManifest.Part p : m.parts()) {
            Path f = dir.resolve(p.file());
            try {
                if (!Files.isRegularFile(f)) {
                    return p.file() + " missing";
                }
                long size = Files.size(f);
                if (size != p.size()) {
                    return p.file() + " is " + size + " bytes, manifest says " + p.size();
                }
            } catch (IOException e) {
                return p.file() + ": " + BackupException.describe(e);
            }
        }
        return null;
    }

    public List<BackupRecord> all() {
        return records;
    }

    /** Good backups of one kind, newest first. */
    public List<BackupRecord> good(BackupKind kind) {
        return records.stream().filter(r -> r.kind() == kind && r.good()).toList();
    }

    public List<Leftover> leftovers() {
        return leftovers;
    }

    public Path dir(BackupKind kind) {
        return dirs.get(kind);
    }

    public Optional<BackupRecord> find(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The newest good backup of the kind, or the one named. */
    public Optional<BackupRecord> newestOrId(BackupKind kind, String id) {
        if (id != null && !id.isBlank()) {
            return find(id);
        }
        return good(kind).stream().findFirst();
    }
}
