package edm.console.app;

import edm.console.cli.BackupCommand;
import edm.console.cli.ConfigCommand;
import edm.console.cli.GlobalOptions;
import edm.console.cli.SandboxCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code edm-console}: without a subcommand, opens the full-screen console. */
@Command(name = "edm-console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {SandboxCommand.class, ConfigCommand.class, BackupCommand.class},
        resourceBundle = "i18n.cli", usageHelpAutoWidth = true)
public final class RootCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Override
    public Integer call() {
        return new TuiLauncher(options).run();
    }
}
