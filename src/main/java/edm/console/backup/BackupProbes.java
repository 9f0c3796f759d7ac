package edm.console.backup;

import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backups as probes, one per kind, for {@code check} and the TUI's alert rules: the worst of the
 * kind's {@link BackupStatus#findings} (no backup or overdue is critical, a failed verification is
 * critical, unverified or unencrypted is a warning), with the findings as the probe's error text.
 * The metric "overdue" drives the backup-overdue alert rule.
 */
public final class BackupProbes {
    private BackupProbes() {
    }

    public static List<ProbeResult> of(Map<BackupKind, BackupStatus> status, Instant now) {
        Messages m = Messages.current();
        Format f = Format.current();
        List<ProbeResult> out = new ArrayList<>();
        for (BackupStatus s : status.values()) {
            String target = m.get("backups.kind." + s.kind().name().toLowerCase(Locale.ROOT));
            List<BackupStatus.Finding> findings = s.findings(m, f);
            ProbeStatus worst = ProbeStatus.OK;
            for (BackupStatus.Finding x : findings) {
                worst = worst.worse(x.status());
            }
            String value = s.newest() == null ? m.get("backups.none")
                    : m.get("backups.probe.ok", f.ago(s.newest().created(), now), VerificationText.line(s.verification(), m, f, now));
            String error = String.join("; ", findings.stream().map(BackupStatus.Finding::text).toList());
            out.add(new ProbeResult("backup:" + s.kind(), "backup", target, worst, value, Duration.ZERO, now, error,
                    Map.of("overdue", s.overdue() ? 1.0 : 0.0)));
        }
        return out;
    }

    /** The probes from the backup dirs of this environment (reads the catalogue; no engine, no database). */
    public static List<ProbeResult> read(BackupEnvironment env) {
        return of(new BackupService(env).status(), env.clock().now());
    }
}
