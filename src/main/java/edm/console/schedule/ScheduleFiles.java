package edm.console.schedule;

import edm.console.config.ScheduleSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of what {@code schedule install} writes: a .service and a .timer per enabled job for systemd,
 * or one cron.d file. Every file starts with {@link #MARKER}, which is how remove (and a later install)
 * knows a file is the console's own and never touches one an operator wrote.
 */
public final class ScheduleFiles {
    public static final String MARKER = "# Written by edm-console schedule install; edm-console schedule remove deletes it.";
    /** cron runs jobs with a bare PATH; docker-compose, pg_dump and the JDK's launcher need the usual one. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ScheduleFiles() {
    }

    /** File name → text, for the jobs enabled in {@code s}: edm-console-JOB.service and edm-console-JOB.timer. */
    public static Map<String, String> systemd(ScheduleSettings s, JobCommand command) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ScheduledJob job : ScheduledJob.values()) {
            if (job.enabled(s)) {
                files.put(job.unitName() + ".service", service(job, s, command));
                files.put(job.unitName() + ".timer", timer(job, s));
            }
        }
        return files;
    }

    static String service(ScheduledJob job, ScheduleSettings s, JobCommand command) {
        StringBuilder b = new StringBuilder(MARKER).append('\n')
                .append("[Unit]\n")
                .append("Description=EDM console: ").append(description(job, s)).append('\n')
                .append("After=docker.service network-online.target\n")
                .append("\n[Service]\n")
                .append("Type=oneshot\n")
                .append("User=").append(s.user).append('\n')
                .append("Environment=PATH=").append(PATH).append('\n')
                .append("ExecStart=").append(command.forSystemd(job)).append('\n');
        if (job == ScheduledJob.HEALTH_CHECK) {
            // 1 and 2 are what the check found (warning, critical), sent to the webhook; not a failure of the job.
            b.append("SuccessExitStatus=1 2\n");
        } else {
            // A backup or drill yields to the live stack for CPU and disk.
            b.append("Nice=10\nIOSchedulingClass=best-effort\nIOSchedulingPriority=7\n");
        }
        return b.toString();
    }

    static String timer(ScheduledJob job, ScheduleSettings s) {
        Timing t = job.timing(s);
        StringBuilder b = new StringBuilder(MARKER).append('\n')
                .append("[Unit]\n")
                .append("Description=EDM console: ").append(description(job, s)).append('\n')
                .append("\n[Timer]\n")
                .append("OnCalendar=").append(t.onCalendar()).append('\n')
                .append("Unit=").append(job.unitName()).append(".service\n");
        if (job != ScheduledJob.HEALTH_CHECK) {
            // A backup due while the host was down runs when it is back; a missed check is simply the next one.
            b.append("Persistent=true\n");
        }
        return b.append("\n[Install]\nWantedBy=timers.target\n").toString();
    }

    /** The cron.d file: one line per enabled job, run as the configured user. */
    public static String cron(ScheduleSettings s, JobCommand command) {
        StringBuilder b = new StringBuilder(MARKER).append('\n')
                .append("# SPEC-006: 每5分钟健康检查, 每日自动备份数据库, 每周备份完整系统, 定期测试恢复流程.\n")
                .append("SHELL=/bin/sh\n")
                .append("PATH=").append(PATH).append('\n');
        for (ScheduledJob job : ScheduledJob.values()) {
            if (job.enabled(s)) {
                b.append("# ").append(description(job, s)).append('\n')
                        .append(job.timing(s).cronFields()).append(' ').append(s.user).append(' ').append(command.forCron(job)).append('\n');
            }
        }
        return b.toString();
    }

    /** What a job does and when, in the units' and cron file's own language (English: they are system files). */
    static String description(ScheduledJob job, ScheduleSettings s) {
        String prune = s.pruneAfterBackup ? ", then prune" : "";
        return switch (job) {
            case HEALTH_CHECK -> "health check every " + s.healthCheck.everyMinutes + " minutes";
            case DATABASE_BACKUP -> "database backup, verified" + prune + ", daily at " + s.databaseBackup.at;
            case FILES_BACKUP -> "files backup, verified" + prune + ", weekly on " + s.filesBackup.day + " at " + s.filesBackup.at;
            case RESTORE_DRILL -> "restore drill of the newest database backup, weekly on " + s.restoreDrill.day + " at " + s.restoreDrill.at;
        };
    }
}
