package edm.console.cli;

import edm.console.sandbox.Sandbox;
import edm.console.sandbox.SandboxResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edm-console sandbox up|down|status}: a safe EDM-shaped stack on the local engine. */
@Command(name = "sandbox", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {SandboxCommand.Up.class, SandboxCommand.Down.class, SandboxCommand.Status.class})
public final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "up", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Up implements Callable<Integer> {
        @Option(names = "--rebuild", descriptionKey = "opt.rebuild")
        boolean rebuild;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return report(spec, new Sandbox(Sandbox.Options.defaults().withRebuild(rebuild)).up(line(spec)));
        }
    }

    @Command(name = "down", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Down implements Callable<Integer> {
        @Option(names = "--purge", descriptionKey = "opt.purge")
        boolean purge;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return report(spec, new Sandbox(Sandbox.Options.defaults()).down(purge, line(spec)));
        }
    }

    @Command(name = "status", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return report(spec, new Sandbox(Sandbox.Options.defaults()).status(line(spec)));
        }
    }

    private static java.util.function.Consumer<String> line(CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        return s -> {
            out.println(s);
            out.flush();
        };
    }

    private static int report(CommandSpec spec, SandboxResult r) {
        spec.commandLine().getOut().flush();
        return r.exitCode();
    }
}
