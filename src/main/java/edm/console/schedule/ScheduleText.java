package edm.console.schedule;

import edm.console.config.ScheduleSettings;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.text.TextTable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The schedule's words, the same in {@code schedule status}, {@code check} and the Backups panel. */
public final class ScheduleText {
    private ScheduleText() {
    }

    public static String jobName(ScheduledJob job) {
        return Messages.t("schedule.job." + job.id());
    }

    /** When the job runs: "every 5 min", "daily 02:30", "weekly sun 03:30". */
    public static String when(ScheduledJob job, ScheduleSettings s) {
        return switch (job) {
            case HEALTH_CHECK -> Messages.t("schedule.when.every", s.healthCheck.everyMinutes);
            case DATABASE_BACKUP -> Messages.t("schedule.when.daily", s.databaseBackup.at);
            case FILES_BACKUP -> Messages.t("schedule.when.weekly", Messages.t("schedule.day." + s.filesBackup.day), s.filesBackup.at);
            case RESTORE_DRILL -> Messages.t("schedule.when.weekly", Messages.t("schedule.day." + s.restoreDrill.day), s.restoreDrill.at);
        };
    }

    public static String result(RunRecords.Result r) {
        return Messages.t("schedule.result." + r.name().toLowerCase(Locale.ROOT));
    }

    /** The job's last run in a few words: "ok, 02:30 (5h ago), 1m 12s", or "never ran". */
    public static String lastRun(ScheduleStatus.Job j, Format f, Instant now) {
        return j.last().map(r -> Messages.t("schedule.lastRun", result(r.result()), f.dateTime(r.started()), f.ago(r.started(), now),
                f.duration(r.duration()))).orElse(Messages.t("schedule.neverRan"));
    }

    /** What is wrong with the job, or empty: missed the run due at ..., last run failed: ... */
    public static String warning(ScheduleStatus.Job j, Format f) {
        if (j.missed()) {
            return Messages.t("schedule.warn.missed", f.dateTime(j.missedDue()));
        }
        if (j.warning()) {
            RunRecords.Run r = j.last().orElseThrow();
            return Messages.t("schedule.warn.lastRun", result(r.result()), r.message());
        }
        return "";
    }

    public static List<String> table(List<ScheduleStatus.Job> jobs, ScheduleSettings s, Format f, Instant now, int width) {
        TextTable t = new TextTable()
                .column(Messages.t("schedule.col.job"), Align.LEFT)
                .column(Messages.t("schedule.col.when"), Align.LEFT)
                .column(Messages.t("schedule.col.state"), Align.LEFT)
                .column(Messages.t("schedule.col.last"), Align.LEFT)
                .column(Messages.t("schedule.col.result"), Align.LEFT)
                .column(Messages.t("schedule.col.duration"), Align.RIGHT)
                .column(Messages.t("schedule.col.next"), Align.LEFT)
                .shrinkableColumn(Messages.t("schedule.col.note"), Align.LEFT);
        for (ScheduleStatus.Job j : jobs) {
            String state = !j.enabled() ? Messages.t("schedule.state.off")
                    : j.installed() ? Messages.t("schedule.state.installed") : Messages.t("schedule.state.notInstalled");
            t.row(jobName(j.job()), when(j.job(), s), state,
                    j.last().map(r -> f.dateTime(r.started())).orElse(f.none()),
                    j.last().map(r -> result(r.result())).orElse(f.none()),
                    j.last().map(r -> f.duration(r.duration())).orElse(f.none()),
                    j.next() == null ? f.none() : f.dateTime(j.next()),
                    warning(j, f));
        }
        return t.lines(width);
    }
}
