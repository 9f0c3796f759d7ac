package edm.console.backup;

import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.time.Instant;

/** How a {@link Verification} record reads, the same in the CLI, the Backups panel and the checklist. */
public final class VerificationText {
    private VerificationText() {
    }

    /** What was checked: entries, tables (and the live database's), bytes. */
    public static String checked(Verification v, Messages m, Format f) {
        if (v.tables() == null) {
            return m.get("backup.checked.files", v.entries(), f.bytes(v.bytes()));
        }
        String live = v.liveTables() == null ? m.get("backup.checked.liveUnknown") : m.get("backup.checked.live", v.liveTables());
        return m.get("backup.checked.database", v.entries(), v.tables(), live, f.bytes(v.bytes()));
    }

    /** One line: "verified 3 min ago: 812 entries, 7 tables ..." or "FAILED verification 3 min ago: reason"; never verified when null. */
    public static String line(Verification v, Messages m, Format f, Instant now) {
        if (v == null) {
            return m.get("backup.verification.never");
        }
        return v.passed() ? m.get("backup.verification.passed", f.ago(v.at(), now), checked(v, m, f))
                : m.get("backup.verification.failed", f.ago(v.at(), now), v.reason());
    }
}
