package edm.console.schedule;

import edm.console.config.ScheduleSettings;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule as the Backups panel shows it, already worded (the panel only draws): a title naming where
 * it is installed, and per enabled job when it runs, its last scheduled run and result, and its next run;
 * {@code warning} is set when it missed a run or its last run did not end well.
 */
public record ScheduleSummary(String title, boolean installed, List<Row> rows) {
    public record Row(String text, boolean ok, String warning) {
    }

    public static ScheduleSummary read(ScheduleSettings s, Path stateDir, Instant now, ZoneId zone) {
        ScheduleTarget t = ScheduleTarget.of(s);
        List<ScheduleStatus.Job> jobs = ScheduleStatus.read(s, stateDir, now, zone);
        Format f = Format.current();
        boolean installed = jobs.stream().anyMatch(ScheduleStatus.Job::installed);
        List<Row> rows = new ArrayList<>();
        for (ScheduleStatus.Job j : jobs) {
            if (!j.installed()) {
                continue;
            }
            String text = Messages.t("schedule.panel.row", ScheduleText.jobName(j.job()), ScheduleText.when(j.job(), s),
                    ScheduleText.lastRun(j, f, now), j.next() == null ? f.none() : f.dateTime(j.next()));
            String warning = ScheduleText.warning(j, f);
            rows.add(new Row(text, warning.isEmpty(), warning.isEmpty() ? null : warning));
        }
        String where = t.backend() == ScheduleTarget.Backend.SYSTEMD ? "systemd" : "cron";
        return new ScheduleSummary(Messages.t("schedule.panel.title", where), installed, rows);
    }
}
