package edm.console.schedule;

import edm.console.config.ScheduleSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * SPEC-006's four automated jobs. Each runs as {@code edm-console schedule run ID}; {@link #grace} is how
 * long after it was due a job may start (a busy host, a long backup before it) before its absence is a
 * missed run.
 */
public enum ScheduledJob {
    HEALTH_CHECK("health-check", false, Duration.ofMinutes(1)),
    DATABASE_BACKUP("database-backup", true, Duration.ofHours(2)),
    FILES_BACKUP("files-backup", true, Duration.ofHours(3)),
    RESTORE_DRILL("restore-drill", true, Duration.ofHours(3));

    private final String id;
    private final boolean changes;
    private final Duration grace;

    ScheduledJob(String id, boolean changes, Duration grace) {
        this.id = id;
        this.changes = changes;
        this.grace = grace;
    }

    public String id() {
        return id;
    }

    /** The systemd unit name without its suffix: edm-console-database-backup. */
    public String unitName() {
        return "edm-console-" + id;
    }

    /** Writes backups or a scratch database: takes the workflow lock, so it never runs beside a deploy or another job. */
    public boolean changes() {
        return changes;
    }

    /** How late a run may start; for the health check its own interval more, so one slow check is not a miss. */
    public Duration grace(ScheduleSettings s) {
        return this == HEALTH_CHECK ? grace.plus(timing(s).period()) : grace;
    }

    public static ScheduledJob byId(String id) {
        for (ScheduledJob j : values()) {
            if (j.id.equals(id)) {
                return j;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return List.of(values()).stream().map(ScheduledJob::id).toList();
    }

    public boolean enabled(ScheduleSettings s) {
        return switch (this) {
            case HEALTH_CHECK -> s.healthCheck.enabled;
            case DATABASE_BACKUP -> s.databaseBackup.enabled;
            case FILES_BACKUP -> s.filesBackup.enabled;
            case RESTORE_DRILL -> s.restoreDrill.enabled;
        };
    }

    /** The job's timing; the config is validated before (ScheduleValidator), so the values parse. */
    public Timing timing(ScheduleSettings s) {
        return switch (this) {
            case HEALTH_CHECK -> Timing.every(s.healthCheck.everyMinutes);
            case DATABASE_BACKUP -> Timing.daily(LocalTime.parse(s.databaseBackup.at));
            case FILES_BACKUP -> Timing.weekly(Timing.day(s.filesBackup.day), LocalTime.parse(s.filesBackup.at));
            case RESTORE_DRILL -> Timing.weekly(Timing.day(s.restoreDrill.day), LocalTime.parse(s.restoreDrill.at));
        };
    }
}
