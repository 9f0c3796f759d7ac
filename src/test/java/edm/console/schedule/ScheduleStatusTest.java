package edm.console.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ScheduleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule's state from run records: last run, next run, and a run that did not happen when it was due. */
class ScheduleStatusTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2026-12-02 10:07 in Shanghai. */
    private static final Instant NOW = ZonedDateTime.of(2026, 12, 2, 10, 7, 30, 0, ZONE).toInstant();
    private static final Instant INSTALLED = NOW.minusSeconds(30 * 86_400);

    @TempDir
    Path dir;

    private static RunRecords.Run run(ScheduledJob job, ZonedDateTime started, RunRecords.Result r) {
        return new RunRecords.Run(job, started.toInstant(), started.toInstant().plusSeconds(72), r, r == RunRecords.Result.OK ? 0 : 3,
                r == RunRecords.Result.OK ? "" : "pg_dump: connection refused");
    }

    private static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, ZONE);
    }

    @Test
    void aDailyBackupThatDidNotRunLastNightIsAMissedRun() {
        ScheduleSettings s = new ScheduleSettings();
        // Ran the night before last, not last night (due 2026-12-02 02:30, grace 2 h long past at 10:07).
        ScheduleStatus.Job j = ScheduleStatus.of(ScheduledJob.DATABASE_BACKUP, s, INSTALLED,
                Optional.of(run(ScheduledJob.DATABASE_BACKUP, at(1, 2, 30), RunRecords.Result.OK)), NOW, ZONE);
        assertTrue(j.missed());
        assertTrue(j.warning());
        assertEquals(at(2, 2, 30).toInstant(), j.missedDue());
        assertEquals(at(3, 2, 30).toInstant(), j.next());

        ScheduleStatus.Job ran = ScheduleStatus.of(ScheduledJob.DATABASE_BACKUP, s, INSTALLED,
                Optional.of(run(ScheduledJob.DATABASE_BACKUP, at(2, 2, 30), RunRecords.Result.OK)), NOW, ZONE);
        assertFalse(ran.missed());
        assertFalse(ran.warning());
    }

    @Test
    void withinItsGraceOrBeforeItWasInstalledAJobHasNotMissedAnything() {
        ScheduleSettings s = new ScheduleSettings();
        s.databaseBackup.at = "09:00";
        // Due 09:00, a long backup may still be starting until 11:00: not missed yet at 10:07; the one due yesterday ran.
        ScheduleStatus.Job j = ScheduleStatus.of(ScheduledJob.DATABASE_BACKUP, s, INSTALLED,
                Optional.of(run(ScheduledJob.DATABASE_BACKUP, at(1, 9, 0), RunRecords.Result.OK)), NOW, ZONE);
        assertFalse(j.missed());
        // Installed this morning after the last due time, never ran: nothing was due yet.
        ScheduleStatus.Job fresh = ScheduleStatus.of(ScheduledJob.FILES_BACKUP, s, NOW.minusSeconds(3600), Optional.empty(), NOW, ZONE);
        assertFalse(fresh.missed());
        assertNull(fresh.missedDue());
    }

    @Test
    void aHealthCheckSilentForTwoIntervalsIsMissedAndAFailedRunIsAWarning() {
        ScheduleSettings s = new ScheduleSettings();
        ScheduleStatus.Job late = ScheduleStatus.of(ScheduledJob.HEALTH_CHECK, s, INSTALLED,
                Optional.of(run(ScheduledJob.HEALTH_CHECK, at(2, 9, 55), RunRecords.Result.OK)), NOW, ZONE);
        assertTrue(late.missed(), "10:00 was due, its grace (5 + 1 min) is over at 10:07");
        ScheduleStatus.Job onTime = ScheduleStatus.of(ScheduledJob.HEALTH_CHECK, s, INSTALLED,
                Optional.of(run(ScheduledJob.HEALTH_CHECK, at(2, 10, 0), RunRecords.Result.OK)), NOW, ZONE);
        assertFalse(onTime.missed());
        assertEquals(at(2, 10, 10).toInstant(), onTime.next());

        ScheduleStatus.Job failed = ScheduleStatus.of(ScheduledJob.DATABASE_BACKUP, s, INSTALLED,
                Optional.of(run(ScheduledJob.DATABASE_BACKUP, at(2, 2, 30), RunRecords.Result.FAILED)), NOW, ZONE);
        assertFalse(failed.missed());
        assertTrue(failed.warning());
    }

    @Test
    void runRecordsReadBackTheNewestRunAndSkipATornLine() throws Exception {
        RunRecords records = new RunRecords(dir);
        records.append(run(ScheduledJob.RESTORE_DRILL, at(1, 5, 0), RunRecords.Result.OK));
        records.append(run(ScheduledJob.RESTORE_DRILL, at(2, 5, 0), RunRecords.Result.FAILED));
        Files.writeString(records.file(ScheduledJob.RESTORE_DRILL), "2026-12-02T0", StandardOpenOption.APPEND);
        RunRecords.Run last = records.last(ScheduledJob.RESTORE_DRILL).orElseThrow();
        assertEquals(at(2, 5, 0).toInstant(), last.started());
        assertEquals(RunRecords.Result.FAILED, last.result());
        assertEquals("pg_dump: connection refused", last.message());
        assertEquals(72, last.duration().toSeconds());
        assertTrue(records.last(ScheduledJob.FILES_BACKUP).isEmpty());
    }

    @Test
    void timingsGiveCronFieldsAndTheirPreviousAndNextRuns() {
        Timing weekly = Timing.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 30));
        assertEquals("30 3 * * 0", weekly.cronFields());
        assertEquals(at(6, 3, 30), weekly.next(at(2, 10, 7)));
        assertEquals(ZonedDateTime.of(2026, 11, 29, 3, 30, 0, 0, ZONE), weekly.previous(at(2, 10, 7)));
        assertEquals(at(6, 3, 30), weekly.previous(at(6, 3, 30)), "due at exactly now");
        assertEquals("*/5 * * * *", Timing.every(5).cronFields());
        assertEquals("*-*-* *:00/5:00", Timing.every(5).onCalendar());
        assertEquals(at(2, 10, 5), Timing.every(5).previous(at(2, 10, 7)));
        assertEquals("0 5 * * *", Timing.daily(LocalTime.of(5, 0)).cronFields());
    }
}
