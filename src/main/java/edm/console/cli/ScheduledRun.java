package edm.console.cli;

import edm.console.backup.BackupKind;
import edm.console.config.ConsoleConfig;
import edm.console.core.Alert;
import edm.console.core.Clock;
import edm.console.health.AlertLog;
import edm.console.health.CheckAlerts;
import edm.console.i18n.Messages;
import edm.console.schedule.JobRun;
import edm.console.schedule.RunRecords.Result;
import edm.console.schedule.ScheduleProbes;
import edm.console.schedule.ScheduledJob;
import edm.console.workflow.Operator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console schedule run JOB}: what the timers and cron lines run. The job's work is the manual
 * command's own ({@code check --quiet}, {@code backup db}, {@code backup files}, {@code backup restore-drill},
 * {@code backup prune}), so it writes the same attempt records; {@link JobRun} adds the lock, the run record
 * and the audit line. The health check also sends its alert changes to the webhook and the alert log.
 */
@Command(name = "run", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
final class ScheduledRun implements Callable<Integer>, ChangeCommand {
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(arity = "1", paramLabel = "JOB", descriptionKey = "arg.schedule.job")
    String id;
    @Spec
    CommandSpec spec;

    @Override
    public boolean changes() {
        ScheduledJob j = ScheduledJob.byId(id);
        return j == null || j.changes();
    }

    @Override
    public Integer call() {
        LastLine lastErr = new LastLine(spec.commandLine().getErr());
        spec.commandLine().setErr(new PrintWriter(lastErr, true));
        ScheduledJob job;
        ConsoleConfig config;
        try (CliContext cli = CliContext.open(spec)) {
            if (cli == null) {
                return CliContext.CONFIG;
            }
            job = ScheduleCommand.job(id, cli);
            if (job == null) {
                return CliContext.CONFIG;
            }
            config = cli.config();
        }
        JobRun run = new JobRun(ScheduleProbes.stateDir(config), config.projectPath(), Operator.current(System.getenv()), Clock.SYSTEM,
                p -> spec.commandLine().getErr().println(Messages.t("cli.error", p)));
        return run.run(job, () -> switch (job) {
            case HEALTH_CHECK -> check(config);
            case DATABASE_BACKUP -> backup(config, BackupKind.DATABASE, lastErr);
            case FILES_BACKUP -> backup(config, BackupKind.FILES, lastErr);
            case RESTORE_DRILL -> outcome(BackupCheckCommands.RestoreDrillCommand.drill(spec, null, null), lastErr);
        });
    }

    private JobRun.Outcome backup(ConsoleConfig config, BackupKind kind, LastLine lastErr) {
        int code = BackupCommand.take(spec, List.of(kind));
        if (code <= BackupCli.WARNING && config.schedule.pruneAfterBackup) {
            int pruned = BackupCommand.Prune.prune(spec, false);
            if (pruned != BackupCli.OK) {
                return outcome(Math.max(code, pruned), lastErr);
            }
        }
        return outcome(code, lastErr);
    }

    /** check --quiet, and each change of what it finds to the alert log and the webhook. */
    private JobRun.Outcome check(ConsoleConfig config) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SnapshotCollector.Report report = SnapshotCollector.collect(config, Clock.SYSTEM);
        ProbeReport.table(report.probes(), true, Terminal.width()).forEach(out::println);
        int code = ProbeReport.exitCode(report.worst());
        List<Alert> changes = new CheckAlerts(ScheduleProbes.stateDir(config).resolve("schedule-check-alerts.tsv"))
                .changes(report.probes(), report.at());
        AlertLog log = new AlertLog(config.resolve(config.alerts.logFile), config.projectPath());
        String webhook = config.alerts.webhookUrl;
        for (Alert a : changes) {
            log.append(a);
            if (webhook != null && !webhook.isBlank()) {
                String failed = CheckAlerts.post(webhook, a, WEBHOOK_TIMEOUT);
                if (failed != null) {
                    err.println(Messages.t("schedule.webhookFailed", a.ruleId(), a.subject(), failed));
                }
            }
        }
        long problems = report.probes().stream().filter(r -> !r.ok()).count();
        String summary = Messages.t("check.summary", ProbeReport.statusWord(report.worst()), report.probes().size(), problems);
        Result r = switch (code) {
            case 0 -> Result.OK;
            case 1 -> Result.WARNING;
            default -> Result.CRITICAL;
        };
        return new JobRun.Outcome(code, r, summary);
    }

    private static JobRun.Outcome outcome(int code, LastLine lastErr) {
        Result r = switch (code) {
            case BackupCli.OK -> Result.OK;
            case BackupCli.WARNING -> Result.WARNING;
            case BackupCli.CANCELLED -> Result.CANCELLED;
            default -> Result.FAILED;
        };
        // The step's error line, without the program's name in front ("edm-console: ...").
        return new JobRun.Outcome(code, r, code == BackupCli.OK ? "" : lastErr.last().replaceFirst("^edm-console:\\s*", ""));
    }

    /** Passes text on and keeps its last non-blank line: the one-line reason a failed step printed, for the run record. */
    static final class LastLine extends Writer {
        private final Writer to;
        private final StringBuilder line = new StringBuilder();
        private String last = "";

        LastLine(Writer to) {
            this.to = to;
        }

        String last() {
            return last;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            to.write(cbuf, off, len);
            for (int i = off; i < off + len; i++) {
                char ch = cbuf[i];
                if (ch == '\n') {
                    if (!line.toString().isBlank()) {
                        last = line.toString().strip();
                    }
                    line.setLength(0);
                } else {
                    line.append(ch);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            to.flush();
        }

        @Override
        public void close() throws IOException {
            to.flush();
        }
    }
}
