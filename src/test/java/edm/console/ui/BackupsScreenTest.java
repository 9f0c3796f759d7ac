package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.backup.BackupKind;
import edm.console.backup.BackupManifest;
import edm.console.backup.BackupRecord;
import edm.console.backup.BackupStatus;
import edm.console.backup.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import edm.console.config.ScheduleSettings;
import edm.console.i18n.Messages;
import edm.console.schedule.JobCommand;
import edm.console.schedule.RunRecords;
import edm.console.schedule.ScheduleInstaller;
import edm.console.schedule.ScheduleSummary;
import edm.console.schedule.ScheduledJob;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import org.junit.jupiter.api.io.TempDir;

/** The Backups panel on the virtual terminal shows each backup's one verification record, and the WARNING of no encryption. */
class BackupsScreenTest {
    static BackupRecord record(String id, BackupKind kind, Instant created, boolean encrypted, Verification v) {
        return new BackupRecord(new BackupManifest(1, id, kind, created, 4096, "x", encrypted, "", "", null, v, 0,
                List.of(new BackupManifest.Part(id + ".part", "dump", 4096, "x", 4096)), null), Path.of("/tmp"), null);
    }

    private static Map<BackupKind, BackupStatus> status(BackupRecord db, BackupRecord files) {
        Map<BackupKind, BackupStatus> m = new EnumMap<>(BackupKind.class);
        m.put(BackupKind.DATABASE, BackupStatus.of(BackupKind.DATABASE, List.of(db), Optional.empty(), Duration.ofHours(26), ScreenHarness.NOW));
        m.put(BackupKind.FILES, BackupStatus.of(BackupKind.FILES, List.of(files), Optional.empty(), Duration.ofDays(8), ScreenHarness.NOW));
        return m;
    }

    @Test
    void aFailedVerificationIsShownAsFailedWithItsReasonNeverAsVerified() throws Exception {
        Instant t = ScreenHarness.NOW.minus(Duration.ofMinutes(5));
        BackupRecord db = record("db-20261129-0955", BackupKind.DATABASE, t, true, new Verification(Verification.Result.FAILED,
                t.plusSeconds(20), 0, 0, 7, 1500, "the dump holds no tables (0 entries) but the live database has 7", List.of(), List.of()));
        BackupRecord files = record("files-20261129-0955", BackupKind.FILES, t, true, new Verification(Verification.Result.PASSED,
                t.plusSeconds(30), 12, null, null, 4096, "", List.of(), List.of()));
        // 80 columns: one panel at a time, as over a small SSH window; the verdict comes first in each line.
        try (ScreenHarness h = new ScreenHarness(80, 30, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Backups(status(db, files), null), new UiEvent.Key(com.googlecode.lanterna.input.KeyStroke.fromString("6")));
            String screen = h.text();
            assertTrue(screen.contains("FAILED verification: the dump holds no tables (0 entries)"), screen);
            assertTrue(screen.contains("verified 4m ago: 12 entries, 4.0 KiB read"), "the files backup passed:\n" + screen);
            assertFalse(screen.contains("verified 4m ago: 0 entries"), screen);
        }
    }

    @Test
    void anUnencryptedBackupIsAWarningWithTheFixInBothLanguages() throws Exception {
        Instant t = ScreenHarness.NOW.minus(Duration.ofMinutes(5));
        Verification ok = new Verification(Verification.Result.PASSED, t.plusSeconds(20), 812, 7, 7, 4096, "", List.of(), List.of());
        BackupRecord db = record("db-20261129-0955", BackupKind.DATABASE, t, false, ok);
        BackupRecord files = record("files-20261129-0955", BackupKind.FILES, t, true, ok);
        try (ScreenHarness h = new ScreenHarness(80, 30, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Backups(status(db, files), null), new UiEvent.Key(com.googlecode.lanterna.input.KeyStroke.fromString("6")));
            String screen = h.text();
            assertTrue(screen.contains("NOT encrypted (backup db-20261129-0955): run edm-console backup keygen"), screen);
            assertTrue(screen.contains("812 entries, 7 tables (live database: 7 tables)"), screen);
        }
        try (ScreenHarness h = new ScreenHarness(80, 30, Locale.SIMPLIFIED_CHINESE, false)) {
            h.app.apply(new UiEvent.Backups(status(db, files), null), new UiEvent.Key(com.googlecode.lanterna.input.KeyStroke.fromString("6")));
            String screen = h.text();
            assertTrue(screen.contains("未加密") && screen.contains("edm-console backup keygen"), screen);
        }
    }

    /** The panel shows the installed schedule under the backups: each job's last scheduled run and next run, a missed run as a warning. */
    @Test
    void theScheduleAndItsLastScheduledResultAreShownUnderTheBackups(@TempDir Path dir) throws Exception {
        Instant t = ScreenHarness.NOW.minus(Duration.ofMinutes(5));
        Verification ok = new Verification(Verification.Result.PASSED, t.plusSeconds(20), 812, 7, 7, 4096, "", List.of(), List.of());
        ScheduleSettings s = new ScheduleSettings();
        s.root = dir.resolve("root").toString();
        s.mode = "cron";
        ScheduleInstaller.apply(ScheduleInstaller.install(s, new JobCommand("/usr/bin/edm-console", null)));
        // Installed ten days ago: every job has been due since.
        Files.setLastModifiedTime(dir.resolve("root/etc/cron.d/edm-console"), FileTime.from(ScreenHarness.NOW.minus(Duration.ofDays(10))));
        RunRecords records = new RunRecords(dir.resolve("state"));
        records.append(new RunRecords.Run(ScheduledJob.HEALTH_CHECK, ScreenHarness.NOW.minusSeconds(90), ScreenHarness.NOW.minusSeconds(86),
                RunRecords.Result.OK, 0, ""));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            try (ScreenHarness h = new ScreenHarness(80, 40, locale, false)) {
                // The summary is worded in the console's language, which the launcher sets for everything (Messages.use).
                Messages.use(locale);
                ScheduleSummary summary = ScheduleSummary.read(s, dir.resolve("state"), ScreenHarness.NOW, ZoneId.systemDefault());
                h.app.apply(new UiEvent.Backups(status(record("db-1", BackupKind.DATABASE, t, true, ok), record("files-1", BackupKind.FILES, t, true, ok)),
                        null, summary), new UiEvent.Key(com.googlecode.lanterna.input.KeyStroke.fromString("6")));
                String screen = h.text();
                if (locale == Locale.ENGLISH) {
                    assertTrue(screen.contains("Schedule (cron)"), screen);
                    assertTrue(screen.contains("health check: every 5 min; ok,"), screen);
                    assertTrue(screen.contains("database backup: daily 02:30; never ran; next "), screen);
                    assertTrue(screen.contains("    ! missed the run due "), screen);
                } else {
                    assertTrue(screen.contains("计划任务（cron）") && screen.contains("错过了应于"), screen);
                }
            } finally {
                Messages.use(Locale.ENGLISH);
            }
        }
    }
}
