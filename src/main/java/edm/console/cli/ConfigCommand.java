package edm.console.cli;

import edm.console.config.ConfigCommands;
import edm.console.config.LoadedConfig;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edm-console config check|show}. */
@Command(name = "config", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Show.class})
public final class ConfigCommand extends CommandGroup {
    @Command(name = "check", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Check extends Print {
        Check() {
            super(ConfigCommands::check);
        }
    }

    @Command(name = "show", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Show extends Print {
        Show() {
            super(ConfigCommands::show);
        }
    }

    /** Prints what the config check or show says about the selected config: stdout when it is usable, else stderr. */
    abstract static class Print implements Callable<Integer> {
        private final Function<LoadedConfig, ConfigCommands.Output> what;
        @Spec
        CommandSpec spec;

        Print(Function<LoadedConfig, ConfigCommands.Output> what) {
            this.what = what;
        }

        @Override
        public Integer call() {
            try (CliContext cli = CliContext.of(spec)) {
                ConfigCommands.Output out = what.apply(cli.loaded());
                out.lines().forEach(out.exitCode() == 0 ? cli.out::println : cli.err::println);
                return out.exitCode();
            }
        }
    }
}
