package edm.console.app;

import edm.console.cli.BackupCommand;
import edm.console.cli.CheckCommand;
import edm.console.cli.ChecklistCommand;
import edm.console.cli.ShellCommand;
import edm.console.cli.DeployCommand;
import edm.console.cli.RestartCommand;
import edm.console.cli.RollbackCommand;
import edm.console.cli.ConfigCommand;
import edm.console.cli.StatusCommand;
import edm.console.cli.GlobalOptions;
import edm.console.cli.LogsCommand;
import edm.console.cli.SandboxCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code edm-console}: without a subcommand, opens the full-screen console. */
@Command(name = "edm-console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {CheckCommand.class, StatusCommand.class, LogsCommand.class, BackupCommand.class, DeployCommand.class,
            RollbackCommand.class, RestartCommand.class, ChecklistCommand.class, ShellCommand.class, SandboxCommand.class,
            ConfigCommand.class},
        resourceBundle = "i18n.cli", usageHelpAutoWidth = true)
public final class RootCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Override
    public Integer call() {
        return new TuiLauncher(options).run();
    }
}
