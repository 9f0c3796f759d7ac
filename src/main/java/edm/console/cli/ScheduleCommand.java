package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.schedule.JobCommand;
import edm.console.schedule.ScheduleInstaller;
import edm.console.schedule.ScheduleProbes;
import edm.console.schedule.ScheduleStatus;
import edm.console.schedule.ScheduleTarget;
import edm.console.schedule.ScheduleText;
import edm.console.schedule.ScheduledJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console schedule install|status|remove [--dry-run]} and {@code schedule run JOB} (what the
 * timers and cron lines run): SPEC-006's automation as systemd timers, or /etc/cron.d where systemd is not
 * running. Exit 0 done, 1 a warning (status), 2 config or a file that is not the console's, 3 failed.
 */
@Command(name = "schedule", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ScheduleCommand.Install.class, ScheduleCommand.Status.class, ScheduleCommand.Remove.class, ScheduledRun.class})
public final class ScheduleCommand extends CommandGroup {
    static final String DEFAULT_LAUNCHER = "/usr/bin/edm-console";

    @Command(name = "install", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Install implements Callable<Integer>, ChangeCommand {
        @Option(names = "--dry-run", descriptionKey = "opt.schedule.dryRun")
        boolean dryRun;
        @Spec
        CommandSpec spec;

        @Override
        public boolean changes() {
            return !dryRun;
        }

        @Override
        public Integer call() throws IOException {
            try (CliContext cli = CliContext.open(spec)) {
                if (cli == null) {
                    return CliContext.CONFIG;
                }
                JobCommand command = new JobCommand(launcher(cli.config()), cli.loaded().source().map(p -> p.toAbsolutePath().toString()).orElse(null));
                return SchedulePlanText.carryOut(ScheduleInstaller.install(cli.config().schedule, command), dryRun, cli.out, cli.err);
            }
        }
    }

    @Command(name = "remove", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Remove implements Callable<Integer>, ChangeCommand {
        @Option(names = "--dry-run", descriptionKey = "opt.schedule.dryRun")
        boolean dryRun;
        @Spec
        CommandSpec spec;

        @Override
        public boolean changes() {
            return !dryRun;
        }

        @Override
        public Integer call() throws IOException {
            try (CliContext cli = CliContext.open(spec)) {
                if (cli == null) {
                    return CliContext.CONFIG;
                }
                return SchedulePlanText.carryOut(ScheduleInstaller.remove(cli.config().schedule), dryRun, cli.out, cli.err);
            }
        }
    }

    @Command(name = "status", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (CliContext cli = CliContext.open(spec)) {
                if (cli == null) {
                    return CliContext.CONFIG;
                }
                ConsoleConfig c = cli.config();
                Instant now = Instant.now();
                List<ScheduleStatus.Job> jobs = ScheduleStatus.read(c.schedule, ScheduleProbes.stateDir(c), now, ZoneId.systemDefault());
                Format f = Format.current();
                ScheduleText.table(jobs, c.schedule, f, now, Terminal.width()).forEach(cli.out::println);
                ScheduleTarget target = ScheduleTarget.of(c.schedule);
                boolean systemd = target.backend() == ScheduleTarget.Backend.SYSTEMD;
                cli.out.println(Messages.t(systemd ? "schedule.status.systemd" : "schedule.status.cron",
                        systemd ? target.unitDir() : target.cronFile()));
                // Each warning in full too: the table's last column is cut to the terminal's width.
                for (ScheduleStatus.Job j : jobs) {
                    if (j.warning()) {
                        cli.out.println(Messages.t("schedule.status.warning", ScheduleText.jobName(j.job()), ScheduleText.warning(j, f)));
                    }
                }
                long warnings = jobs.stream().filter(ScheduleStatus.Job::warning).count();
                if (jobs.stream().noneMatch(ScheduleStatus.Job::installed)) {
                    cli.out.println(Messages.t("schedule.status.notInstalled"));
                }
                return warnings > 0 ? 1 : 0;
            }
        }
    }

    /** The launcher the jobs run: schedule.command, else this installation's bin/edm-console, else /usr/bin/edm-console. */
    static String launcher(ConsoleConfig c) {
        if (c.schedule.command != null && !c.schedule.command.isBlank()) {
            return c.schedule.command;
        }
        try {
            Path jar = Path.of(ScheduleCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path bin = jar.toAbsolutePath().getParent().resolve("bin").resolve("edm-console");
            if (Files.isRegularFile(jar) && Files.isExecutable(bin)) {
                return bin.toString();
            }
        } catch (Exception e) {
            // no code source (an unusual class loader): the packaged path
        }
        return DEFAULT_LAUNCHER;
    }

    /** The job named on the command line; null (after one line naming the known ones) when there is none such. */
    static ScheduledJob job(String id, CliContext cli) {
        ScheduledJob j = ScheduledJob.byId(id);
        if (j == null) {
            cli.err.println(Messages.t("schedule.unknownJob", id, String.join(", ", ScheduledJob.ids())));
        }
        return j;
    }
}
