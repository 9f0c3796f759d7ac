package edm.console.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Backup ids: KIND-yyyyMMdd-HHmmss (UTC), sortable and safe in file names; a suffix keeps them unique. */
final class BackupIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupIds() {
    }

    static String next(BackupKind kind, Path dir, Instant at) {
        String base = kind.word() + "-" + STAMP.format(at);
        String id = base;
        for (int n = 2; Files.exists(dir.resolve(id + BackupManifest.SUFFIX)) || Files.exists(dir.resolve(id + ".lock")); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String stamp(Instant at) {
        return STAMP.format(at).replace("-", "_");
    }

    static String consoleVersion() {
        String v = BackupIds.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
