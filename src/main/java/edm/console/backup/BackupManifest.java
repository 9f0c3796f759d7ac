package edm.console.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The manifest beside a backup ({@code ID.manifest.json}), written last and atomically: a backup without
 * one is unfinished and never listed as good. Holds no secret: the source is named without password.
 *
 * @param size           total bytes of all parts as stored
 * @param sha256         SHA-256 of the main part as stored (each part has its own in {@link #parts})
 * @param keyFingerprint SHA-256 of the recipient public key, empty when not encrypted
 * @param source         what was backed up: the database (user@host:port/db or container/db) or the project dir
 * @param toolVersions   e.g. pg_dump's version line
 * @param verification   the outcome of the last verification, null when never verified (a manifest of an older
 *                       version with only "verifiedAt" reads as never verified: that check counted nothing)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(int formatVersion, String id, BackupKind kind, Instant created, long size, String sha256,
                             boolean encrypted, String keyFingerprint, String source, Map<String, String> toolVersions,
                             Verification verification, long durationMillis, List<Part> parts, List<String> notes) {
    public static final int FORMAT_VERSION = 1;
    public static final String SUFFIX = ".manifest.json";

    /** One file of a backup. Roles: "dump" (pg_dump custom format), "globals" (roles SQL), "archive" (tar.gz); plainSize before encryption. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(String file, String role, long size, String sha256, long plainSize) {
    }

    public BackupManifest {
        parts = parts == null ? List.of() : List.copyOf(parts);
        notes = notes == null ? List.of() : List.copyOf(notes);
        toolVersions = toolVersions == null ? Map.of() : Map.copyOf(toolVersions);
    }

    public BackupManifest withVerification(Verification v) {
        return new BackupManifest(formatVersion, id, kind, created, size, sha256, encrypted, keyFingerprint, source,
                toolVersions, v, durationMillis, parts, notes);
    }

    /** When verification last passed; null when it never did or the last one failed. */
    @JsonIgnore
    public Instant verifiedAt() {
        return verification != null && verification.passed() ? verification.at() : null;
    }

    public String fileName() {
        return id + SUFFIX;
    }
}
