package edm.console.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup as found on disk: its manifest, its dir, and whether every part is there at the recorded
 * size ({@link #good()}). Bytes are checked only by verify; this is the cheap listing check.
 */
public record BackupRecord(BackupManifest manifest, Path dir, String problem) {
    public boolean good() {
        return problem == null;
    }

    public String id() {
        return manifest.id();
    }

    public BackupKind kind() {
        return manifest.kind();
    }

    public Instant created() {
        return manifest.created();
    }

    /** True only when the last verification passed. */
    public boolean verified() {
        return manifest.verification() != null && manifest.verification().passed();
    }

    /** The last verification's outcome, null when never verified. */
    public Verification verification() {
        return manifest.verification();
    }

    public Path part(String role) {
        return manifest.parts().stream().filter(p -> p.role().equals(role)).findFirst()
                .map(p -> dir.resolve(p.file())).orElse(null);
    }
}
