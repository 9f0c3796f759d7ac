package edm.console.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backups to keep: the newest backup of each of the last {@code keepDaily} days that have a
 * backup, and of each of the last {@code keepWeekly} ISO weeks that have one (like restic's
 * --keep-daily/--keep-weekly: days without a backup do not use up the allowance, so a stalled backup job
 * never makes prune delete the last good copies). Always kept besides: the newest backup, the newest
 * verified one, and any dated after "now" (clock skew; never guess). Pure: the caller passes the time.
 */
public final class RetentionPolicy {
    /** Leftovers (temp files, parts without manifest) younger than this may belong to a running backup. */
    public static final Duration LEFTOVER_GRACE = Duration.ofHours(6);

    private final int keepDaily;
    private final int keepWeekly;
    private final ZoneId zone;

    public RetentionPolicy(int keepDaily, int keepWeekly, ZoneId zone) {
        this.keepDaily = keepDaily;
        this.keepWeekly = keepWeekly;
        this.zone = zone;
    }

    /** The decision for one kind: kept ids with why, and the backups to delete (oldest first). */
    public record Plan(Map<String, List<String>> keep, List<BackupRecord> delete) {
    }

    /** @param backups good backups of one kind, any order */
    public Plan plan(List<BackupRecord> backups, Instant now) {
        List<BackupRecord> newestFirst = new ArrayList<>(backups);
        newestFirst.sort((a, b) -> b.created().compareTo(a.created()));
        Map<String, List<String>> keep = new LinkedHashMap<>();
        if (!newestFirst.isEmpty()) {
            reason(keep, newestFirst.get(0), "newest");
        }
        newestFirst.stream().filter(BackupRecord::verified).findFirst().ifPresent(r -> reason(keep, r, "newest verified"));
        newestFirst.stream().filter(r -> r.created().isAfter(now)).forEach(r -> reason(keep, r, "in the future"));
        periods(newestFirst, keepDaily, r -> LocalDate.ofInstant(r.created(), zone).toString(), "daily", keep);
        periods(newestFirst, keepWeekly, r -> {
            LocalDate d = LocalDate.ofInstant(r.created(), zone);
            return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, "weekly", keep);
        List<BackupRecord> delete = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (!keep.containsKey(newestFirst.get(i).id())) {
                delete.add(newestFirst.get(i));
            }
        }
        return new Plan(keep, delete);
    }

    private static void periods(List<BackupRecord> newestFirst, int allowance, java.util.function.Function<BackupRecord, String> period,
                                String label, Map<String, List<String>> keep) {
        Set<String> seen = new HashSet<>();
        for (BackupRecord r : newestFirst) {
            if (seen.size() >= allowance) {
                return;
            }
            String p = period.apply(r);
            if (seen.add(p)) {
                reason(keep, r, label + " " + p);
            }
        }
    }

    private static void reason(Map<String, List<String>> keep, BackupRecord r, String why) {
        keep.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(why);
    }

    /** Leftovers old enough that no running backup can own them. */
    public static List<BackupCatalogue.Leftover> staleLeftovers(List<BackupCatalogue.Leftover> all, Instant now) {
        return all.stream().filter(l -> l.modified().plus(LEFTOVER_GRACE).isBefore(now)).toList();
    }
}
