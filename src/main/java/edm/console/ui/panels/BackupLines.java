package edm.console.ui.panels;

import edm.console.backup.BackupKind;
import edm.console.backup.BackupStatus;
import edm.console.backup.Verification;
import edm.console.backup.VerificationText;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.schedule.ScheduleSummary;
import edm.console.ui.Style;
import edm.console.ui.StyledText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Backups panel as lines (pure): per kind the newest backup's time and age, size, encrypted,
 * its verification record (what was checked), the findings that `backup status` and `check` show too
 * (verification failed or missing, not encrypted, overdue), count kept and space used, and the last failure.
 */
public final class BackupLines {
    private BackupLines() {
    }

    public static List<List<StyledText>> render(Map<BackupKind, BackupStatus> status, String error, String running,
                                                Instant now, Messages m, Format f) {
        return render(status, error, running, null, now, m, f);
    }

    /** The panel with the schedule under the backups: each installed job's last scheduled run and next run, a warning when it missed one. */
    public static List<List<StyledText>> render(Map<BackupKind, BackupStatus> status, String error, String running,
                                                ScheduleSummary schedule, Instant now, Messages m, Format f) {
        List<List<StyledText>> out = backups(status, error, running, now, m, f);
        if (schedule != null && status != null) {
            out.add(List.of());
            out.add(List.of(StyledText.of(schedule.title(), Style.HEADER)));
            if (!schedule.installed()) {
                out.add(List.of(StyledText.of("  " + m.get("schedule.panel.notInstalled"), Style.MUTED)));
            }
            for (ScheduleSummary.Row r : schedule.rows()) {
                out.add(List.of(StyledText.of("  " + r.text(), r.ok() ? Style.OK : Style.WARNING)));
                if (r.warning() != null) {
                    out.add(List.of(StyledText.of("    " + m.get("schedule.panel.warn", r.warning()), Style.WARNING)));
                }
            }
        }
        return out;
    }

    private static List<List<StyledText>> backups(Map<BackupKind, BackupStatus> status, String error, String running,
                                                  Instant now, Messages m, Format f) {
        List<List<StyledText>> out = new ArrayList<>();
        if (error != null) {
            out.add(List.of(StyledText.of(error, Style.CRITICAL)));
        }
        if (running != null) {
            out.add(List.of(StyledText.of(running, Style.WARNING)));
        }
        if (status == null) {
            if (error == null) {
                out.add(List.of(StyledText.of(m.get("backups.loading"), Style.MUTED)));
            }
            return out;
        }
        for (BackupKind k : BackupKind.values()) {
            BackupStatus s = status.get(k);
            if (s == null) {
                continue;
            }
            String kind = m.get("backups.kind." + k.name().toLowerCase(Locale.ROOT));
            if (s.newest() == null) {
                out.add(List.of(StyledText.of(kind + "  ", Style.HEADER), StyledText.of(m.get("backups.none"), Style.CRITICAL)));
                // Not "older than the policy": there is nothing to be old. Say what the policy asks for.
                out.add(List.of(StyledText.of("  " + m.get("backups.noneDue", f.duration(s.maxAge())), Style.CRITICAL)));
            } else {
                out.add(List.of(StyledText.of(kind + "  ", Style.HEADER),
                        StyledText.of(f.dateTime(s.newest().created()) + " (" + f.ago(s.newest().created(), now) + ")",
                                s.overdue() ? Style.CRITICAL : Style.OK)));
                out.add(List.of(StyledText.plain("  " + m.get("backups.detail", f.bytes(s.newestSize()), f.yesNo(s.encrypted())))));
                Verification v = s.verification();
                if (v != null && v.passed()) {
                    out.add(List.of(StyledText.of("  " + VerificationText.line(v, m, f, now), Style.OK)));
                }
                // The same findings as `backup status` and `check`: failed or missing verification, no encryption, overdue.
                for (BackupStatus.Finding x : s.findings(m, f)) {
                    out.add(List.of(StyledText.of("  " + x.text(), x.status() == ProbeStatus.CRITICAL ? Style.CRITICAL : Style.WARNING)));
                }
                out.add(List.of(StyledText.of("  " + m.get("backups.kept", s.count(), f.bytes(s.bytesUsed())), Style.MUTED)));
            }
            if (s.lastFailure() != null) {
                out.add(List.of(StyledText.of("  " + m.get("backups.lastFailure", f.ago(s.lastFailure().time(), now),
                        s.lastFailure().message()), Style.CRITICAL)));
            }
        }
        return out;
    }
}
