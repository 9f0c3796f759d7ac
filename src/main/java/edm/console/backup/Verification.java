package edm.console.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a backup's last verification, kept in its manifest: the one record that the CLI, the
 * Backups panel, {@code check} and the checklist all read. Written only from a finished verification —
 * passed with what was checked, or failed with the reason; a verification that could not start
 * (no key, cancelled) writes nothing.
 *
 * @param entries    pg_restore --list entries of the dump, or tar entries of an archive
 * @param tables     tables in the dump; null for a files backup
 * @param liveTables tables in the live database when the dump was compared with it, null when not compared
 * @param bytes      bytes read and checked (all parts, as stored)
 * @param reason     why it failed; empty when it passed
 * @param details    one line per part: what was checked
 * @param notes      what was true but not checked (e.g. the live database could not be asked)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(Result result, Instant at, long entries, Integer tables, Integer liveTables, long bytes, String reason,
                           List<String> details, List<String> notes) {
    public enum Result { PASSED, FAILED }

    public Verification {
        reason = reason == null ? "" : reason;
        details = details == null ? List.of() : List.copyOf(details);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean passed() {
        return result == Result.PASSED;
    }

    static Verification passed(Instant at, long entries, Integer tables, Integer liveTables, long bytes, List<String> details,
                               List<String> notes) {
        return new Verification(Result.PASSED, at, entries, tables, liveTables, bytes, "", details, notes);
    }

    static Verification failed(Instant at, long entries, Integer tables, Integer liveTables, long bytes, String reason,
                               List<String> details) {
        return new Verification(Result.FAILED, at, entries, tables, liveTables, bytes, reason, details, List.of());
    }
}
