package edm.console.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code check} and {@code status} run without picocli (the launcher's lean path reads their command
 * line): the same work as {@link CheckCommand#call()} and {@link StatusCommand#call()}, with the
 * options already read and the writers picocli would have been given.
 */
public final class DirectCommands {
    private DirectCommands() {
    }

    public static int check(GlobalOptions options, boolean json, boolean quiet, String format, Path textfile, PrintWriter out,
                            PrintWriter err) throws Exception {
        try (CliContext cli = CliContext.open(options, out, err)) {
            return cli == null ? CheckCommand.COULD_NOT_RUN : CheckCommand.check(cli, json, quiet, format, textfile);
        }
    }

    public static int status(GlobalOptions options, boolean json, PrintWriter out, PrintWriter err) throws Exception {
        try (CliContext cli = CliContext.open(options, out, err)) {
            return cli == null ? CheckCommand.COULD_NOT_RUN : StatusCommand.status(cli, json);
        }
    }
}
