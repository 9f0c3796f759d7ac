package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.checklist.AutomaticChecks;
import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistLoader;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.Operator;
import edm.console.checklist.Outcome;
import edm.console.checklist.ReportWriter;
import edm.console.config.ConsoleConfig;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checklist walkthrough on the virtual terminal: pick, walk, note, skip, automatic evidence, saved report. */
class ChecklistScreenTest {
    @TempDir
    Path reports;
    ChecklistRun lastRun;

    private final ChecklistControl control = new ChecklistControl() {
        private final List<Checklist> lists = List.copyOf(ChecklistLoader.load(null).checklists().values());

        @Override
        public List<Checklist> checklists() {
            return lists;
        }

        @Override
        public ChecklistRun start(Checklist checklist) {
            List<ProbeResult> probes = List.of(new ProbeResult("container:b", "container", "edm-backend-prod", ProbeStatus.CRITICAL,
                    "exited", Duration.ZERO, ScreenHarness.NOW, "not running", Map.of()));
            lastRun = new ChecklistRun(checklist, new AutomaticChecks(() -> probes,
                    edm.console.checklist.TestBackups.verified(ScreenHarness.NOW.minus(Duration.ofHours(2))), null, new ConsoleConfig(), () -> ScreenHarness.NOW),
                    new Operator("ops", "local"), () -> ScreenHarness.NOW);
            return lastRun;
        }

        @Override
        public Path save(ChecklistRun run) throws IOException {
            return ReportWriter.save(run, reports).markdown();
        }
    };

    private static UiEvent key(char c) {
        return new UiEvent.Key(KeyStroke.fromString(String.valueOf(c)));
    }

    private static UiEvent key(KeyType t) {
        return new UiEvent.Key(new KeyStroke(t));
    }

    private static void type(ScreenHarness h, String text) throws IOException {
        for (char c : text.toCharArray()) {
            h.app.apply(key(c));
        }
    }

    /** Lets the worker thread finish the automatic check and applies its event (no timing assertion). */
    private static void awaitCheck(ScreenHarness h) throws Exception {
        for (int i = 0; i < 500 && h.app.state().checklist.checking; i++) {
            Thread.sleep(10);
            h.app.drainForTest();
        }
        assertFalse(h.app.state().checklist.checking, "the automatic check came back");
    }

    @Test
    void walkThePreDeployChecklistAndSaveTheReport() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            h.app.useChecklists(control);
            h.app.apply(key('C'));
            String picker = h.text();
            assertTrue(picker.contains("Checklists (SPEC-006)"), picker);
            assertTrue(picker.contains("pre-deploy") && picker.contains("部署前检查清单") && picker.contains("Pre-deployment checklist"), picker);
            assertTrue(picker.contains("incident") && picker.contains("服务异常处理流程"), picker);

            h.app.apply(key(KeyType.Enter));
            assertTrue(h.text().contains("▶ 1. PENDING    代码已通过测试"), h.text());
            assertTrue(h.text().contains("The code has passed its tests"), h.text());
            h.app.apply(key('y'), key('n'));
            assertTrue(h.text().contains("note:"), h.text());
            type(h, "build 1.4.2 q");
            assertFalse(h.app.state().quit, "q is typed into the note");
            h.app.apply(key(KeyType.Enter), key('s'), key(KeyType.Enter));
            assertTrue(h.text().contains("reason for skipping (required):"), "an empty reason is not accepted:\n" + h.text());
            type(h, "edited in place");
            h.app.apply(key(KeyType.Enter), key('y'));
            awaitCheck(h);

            String done = h.text();
            assertTrue(done.contains("CONFIRMED  代码已通过测试"), done);
            assertTrue(done.contains("Note: build 1.4.2 q"), done);
            assertTrue(done.contains("SKIPPED    配置文件已更新") && done.contains("Reason: edited in place"), done);
            assertTrue(done.contains("PASS       备份已完成"), done);
            assertTrue(done.contains("newest verified database backup 2026-11-29T08:00:00Z, 2.0 h old"), done);
            assertTrue(done.contains("1 required item(s) not satisfied"), done);
            assertTrue(done.contains("Checklist report saved: " + reports), done);
            assertEquals(Outcome.SKIPPED, lastRun.results().get(2).outcome());
            try (var files = Files.list(reports)) {
                assertEquals(2, files.count());
            }
            h.app.apply(key(KeyType.Escape));
            assertFalse(h.text().contains("备份已完成"), "back on the dashboard");
        }
    }

    @Test
    void aFailingAutomaticItemShowsItsEvidenceAndActionsAndLeavingEarlySavesWhatWasDone() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.SIMPLIFIED_CHINESE, false)) {
            h.app.useChecklists(control);
            h.app.apply(key('C'), key(KeyType.ArrowDown), key(KeyType.ArrowDown), key(KeyType.ArrowDown), key(KeyType.Enter));
            awaitCheck(h);
            String screen = h.text();
            assertTrue(screen.contains("每日检查"), screen);
            assertTrue(screen.contains("失败"), screen);
            assertTrue(screen.contains("edm-backend-prod: CRITICAL exited (not running)"), screen);
            assertTrue(screen.contains("可执行的后续操作：logs, restart"), screen);
            // The next items are automatic too; let them finish, then the walk ends and saves.
            for (int i = 0; i < 5 && !lastRun.finished(); i++) {
                awaitCheck(h);
            }
            assertTrue(lastRun.finished());
            assertTrue(h.text().contains("检查报告已保存"), h.text());
            assertEquals(List.of("edm-backend-prod"), lastRun.results().get(0).failingContainers());
            h.app.apply(key('l'));
            assertEquals(Panel.LOGS, h.app.state().panel, "l opens the logs of the failing container");
            assertEquals(UiState.View.DASHBOARD, h.app.state().view);
            h.app.apply(key('C'));
            assertTrue(h.text().contains("edm-backend-prod: CRITICAL exited"), "C comes back to the walk:\n" + h.text());
        }
    }

    @Test
    void theBackupActionStartsADatabaseBackupAndIsHiddenInReadOnly() throws Exception {
        java.util.List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        BackupControl recording = new BackupControl() {
            @Override
            public boolean backup(edm.console.backup.BackupKind kind) {
                started.add(kind.name());
                return true;
            }

            @Override
            public boolean verifyNewest(edm.console.backup.BackupKind kind) {
                return false;
            }

            @Override
            public void cancel() {
            }
        };
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            h.app.useBackups(recording);
            h.app.useChecklists(control);
            h.app.apply(key('C'), key(KeyType.Enter), key('b'));
            assertEquals(java.util.List.of("DATABASE"), started);
        }
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, true)) {
            h.app.useBackups(recording);
            h.app.useChecklists(control);
            h.app.apply(key('C'), key(KeyType.Enter), key('b'));
            assertEquals(1, started.size(), "read-only: no backup started");
        }
    }

    /** The defect: the walk's backup item stayed FAIL after the backup it started; it had to be walked again. */
    @Test
    void theBackupItemIsCheckedAgainWhenTheBackupTheWalkStartedFinishes() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> newest = new java.util.concurrent.atomic.AtomicReference<>();
        edm.console.checklist.BackupEvidence evidence = () -> newest.get() == null ? Optional.empty()
                : edm.console.checklist.TestBackups.verified(newest.get()).newestDatabaseBackup();
        ChecklistControl moving = new ChecklistControl() {
            @Override
            public List<Checklist> checklists() {
                return List.of(ChecklistLoader.load(null).checklists().get("pre-deploy"));
            }

            @Override
            public ChecklistRun start(Checklist checklist) {
                lastRun = new ChecklistRun(checklist, new AutomaticChecks(List::of, evidence, null, new ConsoleConfig(),
                        () -> ScreenHarness.NOW), new Operator("ops", "local"), () -> ScreenHarness.NOW);
                return lastRun;
            }

            @Override
            public Path save(ChecklistRun run) throws IOException {
                return ReportWriter.save(run, reports).markdown();
            }
        };
        BackupControl finishing = new BackupControl() {
            @Override
            public boolean backup(edm.console.backup.BackupKind kind) {
                newest.set(ScreenHarness.NOW); // the backup is written and verified
                return true;
            }

            @Override
            public boolean verifyNewest(edm.console.backup.BackupKind kind) {
                return false;
            }

            @Override
            public void cancel() {
            }
        };
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            h.app.useBackups(finishing);
            h.app.useChecklists(moving);
            h.app.apply(key('C'), key(KeyType.Enter));
            while (lastRun.position() <= 4) {
                if (h.app.state().checklist.checking) {
                    awaitCheck(h);
                } else {
                    h.app.apply(key('y'));
                }
            }
            assertEquals(Outcome.FAIL, lastRun.results().get(4).outcome(), "no backup yet");
            h.app.apply(key('b'), new UiEvent.BackupFinished(edm.console.backup.BackupKind.DATABASE));
            for (int i = 0; i < 500 && lastRun.results().get(4).outcome() != Outcome.PASS; i++) {
                Thread.sleep(10);
                h.app.drainForTest();
            }
            assertEquals(Outcome.PASS, lastRun.results().get(4).outcome(), "checked again, without walking again");
            assertTrue(h.text().contains("PASS       备份已完成"), h.text());
            assertTrue(h.text().contains("Checked again after the backup"), h.text());
        }
    }
}
