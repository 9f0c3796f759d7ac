package edm.console.cli;

import edm.console.config.LoadedConfig;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console __complete PATH POSITION} (hidden): the values for a parameter of a command, one a
 * line, for the bash/zsh completion script ({@link CompletionScript}); with the line's {@code --config} or
 * {@code --sandbox}, the values of that stack. It never fails loudly: a Tab must not print errors over the
 * command line, so anything that goes wrong means no values.
 */
@Command(name = "__complete", hidden = true, resourceBundle = "i18n.cli")
public final class CompleteCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH")
    String path;
    /** A string, not an int: a call-back never fails on its arguments (a word that is no number: no values). */
    @Parameters(index = "1", paramLabel = "POSITION", defaultValue = "0")
    String position;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var kind = CompletionValues.at(path, number(position));
        if (kind.isEmpty()) {
            return 0;
        }
        Collection<String> values;
        try {
            LoadedConfig loaded = CliContext.of(spec).loaded();
            if (!loaded.valid()) {
                // The command itself would refuse this config: offering the built-in defaults' names would mislead.
                return 0;
            }
            values = CompletionValues.of(kind.get(), loaded).get();
        } catch (RuntimeException e) {
            return 0;
        }
        values.stream().filter(CompletionValues::safe).distinct().forEach(out::println);
        out.flush();
        return 0;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
