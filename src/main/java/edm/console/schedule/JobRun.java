package edm.console.schedule;

import edm.console.backup.AuditLog;
import edm.console.core.Clock;
import edm.console.core.Secrets;
import edm.console.workflow.Operator;
import edm.console.workflow.WorkflowLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One scheduled run: takes the lock, does the work, records the run, and for a job that changes something
 * writes an audit line. A job that changes something takes the workflow lock (the one deploy, rollback and
 * restart take), so it never runs beside them or beside another scheduled job; the health check changes
 * nothing and must go on during a deploy, so it takes a lock of its own that only keeps two checks apart.
 * A run refused by a held lock is recorded as skipped, with who holds it.
 */
public final class JobRun {
    /** EX_TEMPFAIL (sysexits.h): busy now, try again at the next run. */
    public static final int BUSY = 75;

    /** The job's work; returns its exit code and leaves its one-line summary in {@link Outcome}. */
    public interface Work {
        Outcome run() throws Exception;
    }

    public record Outcome(int exitCode, RunRecords.Result result, String message) {
    }

    private final Path stateDir;
    private final Path projectDir;
    private final Operator operator;
    private final Clock clock;
    private final Consumer<String> problems;

    public JobRun(Path stateDir, Path projectDir, Operator operator, Clock clock, Consumer<String> problems) {
        this.stateDir = stateDir;
        this.projectDir = projectDir;
        this.operator = operator;
        this.clock = clock;
        this.problems = problems;
    }

    public Path lockFile(ScheduledJob job) {
        return stateDir.resolve(job.changes() ? WorkflowLock.FILE : "schedule-" + job.id() + ".lock");
    }

    public int run(ScheduledJob job, Work work) {
        Instant started = clock.now();
        Outcome o;
        try (WorkflowLock lock = WorkflowLock.acquire(lockFile(job), operator, "scheduled " + job.id())) {
            o = work.run();
        } catch (WorkflowLock.HeldException e) {
            o = new Outcome(BUSY, RunRecords.Result.SKIPPED, e.getMessage());
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            o = new Outcome(3, RunRecords.Result.FAILED, m);
        }
        Instant ended = clock.now();
        String message = Secrets.maskUrlPasswords(o.message() == null ? "" : o.message());
        try {
            new RunRecords(stateDir).append(new RunRecords.Run(job, started, ended, o.result(), o.exitCode(), message));
        } catch (IOException e) {
            problems.accept(e.getMessage());
        }
        if (job.changes()) {
            try {
                AuditLog.append(projectDir, new AuditLog.Entry(ended, operator.user(), operator.ssh(), "schedule " + job.id(), job.unitName(),
                        "scheduled", o.result().name().toLowerCase(Locale.ROOT), message, ended.toEpochMilli() - started.toEpochMilli()));
            } catch (RuntimeException e) {
                problems.accept(e.getMessage());
            }
        }
        return o.exitCode();
    }
}
