package edm.console.backup;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Backups panel shows, per kind: a pure function of the catalogue, the last attempts and the
 * time, so it is tested without disks or clocks.
 *
 * @param newest      the newest good backup, null when there is none
 * @param age         now - newest.created, null when there is none
 * @param count       good backups kept
 * @param bytesUsed   their total size
 * @param lastFailure the newest attempt when it failed (a failure followed by a success is history)
 * @param overdue     no good backup, or the newest is older than the policy allows
 * @param maxAge      the policy: databaseMaxAgeHours / filesMaxAgeDays
 */
public record BackupStatus(BackupKind kind, BackupRecord newest, Duration age, int count, long bytesUsed,
                           BackupAttempts.Attempt lastFailure, boolean overdue, Duration maxAge) {

    public boolean encrypted() {
        return newest != null && newest.manifest().encrypted();
    }

    public Instant verifiedAt() {
        return newest == null ? null : newest.manifest().verifiedAt();
    }

    /** The newest backup's verification record, null when there is none or it was never verified. */
    public Verification verification() {
        return newest == null ? null : newest.verification();
    }

    /** Something about this kind's backups that the operator must know, with how bad it is. */
    public record Finding(ProbeStatus status, String text) {
    }

    /**
     * What is wrong, worst first; empty when the newest backup is fresh, verified and encrypted. The
     * Backups panel, {@code backup status} and {@code check} all show these, so they agree.
     */
    public List<Finding> findings(Messages m, Format f) {
        List<Finding> out = new ArrayList<>();
        if (newest == null) {
            out.add(new Finding(ProbeStatus.CRITICAL, m.get("backups.finding.none")));
            return out;
        }
        if (overdue) {
            out.add(new Finding(ProbeStatus.CRITICAL, m.get("backups.overdue", f.duration(maxAge))));
        }
        Verification v = newest.verification();
        if (v == null) {
            out.add(new Finding(ProbeStatus.WARNING, m.get("backups.finding.unverified", newest.id())));
        } else if (!v.passed()) {
            out.add(new Finding(ProbeStatus.CRITICAL, m.get("backups.finding.verifyFailed", newest.id(), v.reason())));
        }
        if (!newest.manifest().encrypted()) {
            out.add(new Finding(ProbeStatus.WARNING, m.get("backups.finding.unencrypted", newest.id())));
        }
        out.sort(Comparator.comparing(x -> x.status() == ProbeStatus.CRITICAL ? 0 : 1));
        return out;
    }

    /** The worst of {@link #findings}: OK when there are none. */
    public ProbeStatus worst() {
        ProbeStatus w = ProbeStatus.OK;
        for (Finding x : findings(Messages.current(), Format.current())) {
            w = w.worse(x.status());
        }
        return w;
    }

    public long newestSize() {
        return newest == null ? 0 : newest.manifest().size();
    }

    /** Status of every kind. */
    public static Map<BackupKind, BackupStatus> of(BackupCatalogue catalogue, Map<BackupKind, Optional<BackupAttempts.Attempt>> lastAttempts,
                                                   Map<BackupKind, Duration> maxAge, Instant now) {
        Map<BackupKind, BackupStatus> out = new EnumMap<>(BackupKind.class);
        for (BackupKind k : BackupKind.values()) {
            out.put(k, of(k, catalogue.good(k), lastAttempts.getOrDefault(k, Optional.empty()), maxAge.get(k), now));
        }
        return out;
    }

    public static BackupStatus of(BackupKind kind, List<BackupRecord> good, Optional<BackupAttempts.Attempt> lastAttempt,
                                  Duration maxAge, Instant now) {
        BackupRecord newest = good.stream().max((a, b) -> a.created().compareTo(b.created())).orElse(null);
        Duration age = newest == null ? null : Duration.between(newest.created(), now);
        long bytes = good.stream().mapToLong(r -> r.manifest().size()).sum();
        BackupAttempts.Attempt failure = lastAttempt.filter(a -> a.result() == BackupAttempts.Result.FAILED).orElse(null);
        boolean overdue = newest == null || age.compareTo(maxAge) > 0;
        return new BackupStatus(kind, newest, age, good.size(), bytes, failure, overdue, maxAge);
    }
}
