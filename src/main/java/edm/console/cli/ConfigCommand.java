package edm.console.cli;

import edm.console.config.ConfigCommands;
import edm.console.config.LoadedConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edm-console config check|show}. */
@Command(name = "config", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Show.class})
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "check", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Mixin
        GlobalOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig loaded = ConfigSelection.load(options);
            return print(spec, ConfigCommands.check(loaded));
        }
    }

    @Command(name = "show", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin
        GlobalOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig loaded = ConfigSelection.load(options);
            return print(spec, ConfigCommands.show(loaded));
        }
    }

    static int print(CommandSpec spec, ConfigCommands.Output out) {
        var w = out.exitCode() == 0 ? spec.commandLine().getOut() : spec.commandLine().getErr();
        out.lines().forEach(w::println);
        w.flush();
        return out.exitCode();
    }
}
