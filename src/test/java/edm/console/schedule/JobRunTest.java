package edm.console.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.backup.AuditLog;
import edm.console.core.Clock;
import edm.console.i18n.Messages;
import edm.console.workflow.Operator;
import edm.console.workflow.WorkflowLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheduled run holds the workflow lock, so it never runs beside a deploy or another job; each run leaves its record. */
class JobRunTest {
    @TempDir
    Path dir;
    private final List<String> problems = new ArrayList<>();
    private JobRun runs;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.ENGLISH);
        runs = new JobRun(dir.resolve("state"), dir, Operator.current(Map.of("USER", "cron")), Clock.SYSTEM, problems::add);
    }

    @Test
    void aBackupDueDuringADeployIsSkippedAndSaysWhoHoldsTheLock() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (WorkflowLock deploy = WorkflowLock.acquire(dir.resolve("state").resolve(WorkflowLock.FILE),
                Operator.current(Map.of("USER", "alice")), "deploy backend v1.2")) {
            int code = runs.run(ScheduledJob.DATABASE_BACKUP, () -> {
                ran.incrementAndGet();
                return new JobRun.Outcome(0, RunRecords.Result.OK, "");
            });
            assertEquals(JobRun.BUSY, code);
        }
        assertEquals(0, ran.get(), "the backup ran beside the deploy");
        RunRecords.Run r = new RunRecords(dir.resolve("state")).last(ScheduledJob.DATABASE_BACKUP).orElseThrow();
        assertEquals(RunRecords.Result.SKIPPED, r.result());
        assertTrue(r.message().contains("alice") && r.message().contains("deploy backend v1.2"), r.message());
        String audit = Files.readString(dir.resolve(AuditLog.FILE));
        assertTrue(audit.contains("\"action\":\"schedule database-backup\"") && audit.contains("\"result\":\"skipped\""), audit);
        assertEquals(List.of(), problems);
    }

    @Test
    void twoJobsNeverRunAtOnceButTheHealthCheckGoesOnDuringADeploy() {
        List<String> order = new ArrayList<>();
        int outer = runs.run(ScheduledJob.FILES_BACKUP, () -> {
            order.add("files start");
            int inner = runs.run(ScheduledJob.RESTORE_DRILL, () -> {
                order.add("drill ran");
                return new JobRun.Outcome(0, RunRecords.Result.OK, "");
            });
            order.add("drill " + inner);
            int check = runs.run(ScheduledJob.HEALTH_CHECK, () -> {
                order.add("check ran");
                return new JobRun.Outcome(1, RunRecords.Result.WARNING, "WARNING: 20 probes, 1 need attention");
            });
            order.add("check " + check);
            return new JobRun.Outcome(0, RunRecords.Result.OK, "");
        });
        assertEquals(0, outer);
        assertEquals(List.of("files start", "drill " + JobRun.BUSY, "check ran", "check 1"), order);
        assertTrue(Files.notExists(dir.resolve("state").resolve(WorkflowLock.FILE)), "the lock is released after the run");
        RunRecords records = new RunRecords(dir.resolve("state"));
        assertEquals(RunRecords.Result.WARNING, records.last(ScheduledJob.HEALTH_CHECK).orElseThrow().result());
        assertEquals(RunRecords.Result.OK, records.last(ScheduledJob.FILES_BACKUP).orElseThrow().result());
    }

    @Test
    void aJobThatThrowsIsRecordedAsFailedWithItsReasonAndSecretsMasked() {
        int code = runs.run(ScheduledJob.DATABASE_BACKUP, () -> {
            throw new IllegalStateException("pg_dump: postgresql://edm:hunter2@db:5432/edm refused");
        });
        assertEquals(3, code);
        RunRecords.Run r = new RunRecords(dir.resolve("state")).last(ScheduledJob.DATABASE_BACKUP).orElseThrow();
        assertEquals(RunRecords.Result.FAILED, r.result());
        assertTrue(r.message().contains("refused") && !r.message().contains("hunter2"), r.message());
    }
}
