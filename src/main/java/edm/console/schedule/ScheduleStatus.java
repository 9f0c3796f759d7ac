package edm.console.schedule;

import edm.console.config.ScheduleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each job's state: enabled and installed, its last run (the console's run records), when it runs next,
 * and whether it missed a run: it was due (longer ago than its grace) after it was installed, and no run
 * started since. A missed run, or a last run that failed or was skipped, is a warning.
 */
public final class ScheduleStatus {
    /** One job. installedAt: when its schedule file was last written; null when not installed. */
    public record Job(ScheduledJob job, boolean enabled, Instant installedAt, Optional<RunRecords.Run> last, Instant next,
                      Instant missedDue) {
        public boolean installed() {
            return installedAt != null;
        }

        public boolean missed() {
            return missedDue != null;
        }

        /** A warning: missed, or the last run did not end well. */
        public boolean warning() {
            return missed() || last.map(r -> r.result() == RunRecords.Result.FAILED || r.result() == RunRecords.Result.SKIPPED
                    || r.result() == RunRecords.Result.CANCELLED).orElse(false);
        }
    }

    private ScheduleStatus() {
    }

    public static List<Job> read(ScheduleSettings s, Path stateDir, Instant now, ZoneId zone) {
        ScheduleTarget t = ScheduleTarget.of(s);
        RunRecords records = new RunRecords(stateDir);
        List<Job> jobs = new ArrayList<>();
        for (ScheduledJob job : ScheduledJob.values()) {
            jobs.add(of(job, s, installedAt(t, job), records.last(job), now, zone));
        }
        return jobs;
    }

    static Job of(ScheduledJob job, ScheduleSettings s, Instant installedAt, Optional<RunRecords.Run> last, Instant now, ZoneId zone) {
        boolean enabled = job.enabled(s);
        Timing timing = job.timing(s);
        Instant next = enabled ? timing.next(ZonedDateTime.ofInstant(now, zone)).toInstant() : null;
        Instant missed = null;
        if (enabled && installedAt != null) {
            Instant due = timing.previous(ZonedDateTime.ofInstant(now.minus(job.grace(s)), zone)).toInstant();
            boolean ranSince = last.map(r -> !r.started().isBefore(due)).orElse(false);
            if (due.isAfter(installedAt) && !ranSince) {
                missed = due;
            }
        }
        return new Job(job, enabled, enabled ? installedAt : null, last, next, missed);
    }

    /**
     * When the job's schedule was last written: its timer unit, or the cron file; null when neither holds it.
     * The cron file holds every job: it counts for a job only when it names {@code schedule run ID}.
     */
    static Instant installedAt(ScheduleTarget t, ScheduledJob job) {
        try {
            Path timer = t.unit(job.unitName() + ".timer");
            if (Files.isRegularFile(timer) && ScheduleInstaller.ours(Files.readString(timer))) {
                return Files.getLastModifiedTime(timer).toInstant();
            }
            Path cron = t.cronFile();
            if (Files.isRegularFile(cron)) {
                String text = Files.readString(cron);
                if (ScheduleInstaller.ours(text) && text.contains(" schedule run " + job.id() + "\n")) {
                    return Files.getLastModifiedTime(cron).toInstant();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
