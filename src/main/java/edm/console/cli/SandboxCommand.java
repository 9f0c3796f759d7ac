package edm.console.cli;

import edm.console.sandbox.Sandbox;
import edm.console.sandbox.SandboxResult;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edm-console sandbox up|down|status}: a safe EDM-shaped stack on the local engine. */
@Command(name = "sandbox", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {SandboxCommand.Up.class, SandboxCommand.Down.class, SandboxCommand.Status.class})
public final class SandboxCommand extends CommandGroup {
    @Command(name = "up", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Up extends Run implements ChangeCommand {
        @Option(names = "--rebuild", descriptionKey = "opt.rebuild")
        boolean rebuild;

        @Override
        SandboxResult run(Consumer<String> line) {
            return new Sandbox(Sandbox.Options.defaults().withRebuild(rebuild)).up(line);
        }
    }

    @Command(name = "down", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Down extends Run implements ChangeCommand {
        @Option(names = "--purge", descriptionKey = "opt.purge")
        boolean purge;

        @Override
        SandboxResult run(Consumer<String> line) {
            return new Sandbox(Sandbox.Options.defaults()).down(purge, line);
        }
    }

    @Command(name = "status", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Status extends Run {
        @Override
        SandboxResult run(Consumer<String> line) {
            return new Sandbox(Sandbox.Options.defaults()).status(line);
        }
    }

    /** One sandbox action, its progress lines printed as they come; read-only refuses up and down. */
    abstract static class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        abstract SandboxResult run(Consumer<String> line);

        @Override
        public Integer call() {
            try (CliContext cli = CliContext.of(spec)) {
                if (cli.refusedAsReadOnly()) {
                    return CliContext.CONFIG;
                }
                return run(s -> {
                    cli.out.println(s);
                    cli.out.flush();
                }).exitCode();
            }
        }
    }
}
