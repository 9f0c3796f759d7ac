package edm.console.app;

import edm.console.cli.GlobalOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code edm-console} without its subcommands: everything {@link RootCommand} is except the list of
 * subcommands, so that {@link RootCommand#commandLine} can add only the one being run. Without a
 * subcommand, opens the full-screen console.
 */
@Command(name = "edm-console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "i18n.cli", usageHelpAutoWidth = true)
class BareRootCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Override
    public Integer call() {
        return new TuiLauncher(options).run();
    }
}
