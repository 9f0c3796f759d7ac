package edm.console.cli;

import edm.console.config.LoadedConfig;
import edm.console.i18n.Messages;
import edm.console.i18n.OutputCharset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console shell}: an interactive line-mode shell offering the same commands as the command
 * line, with history (~/.local/state/edm-console/history) and tab completion. Each line is run by a
 * fresh instance of the root command, so the shell knows no command by name and picks up new ones.
 */
@Command(name = "shell", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LoadedConfig loaded = CliContext.of(spec).loaded();
        // Without a console (piped input) a dumb terminal is what is wanted: no warning about it.
        try (Terminal terminal = TerminalBuilder.builder().system(true).encoding(OutputCharset.of(System.getenv()))
                .dumb(System.console() == null ? Boolean.TRUE : null).build()) {
            LineReader reader = reader(terminal, spec.root(), loaded, historyFile());
            // Commands run from the shell prompt through the shell's reader: two readers on one terminal lose input.
            LineInput.use(LineInput.of(reader));
            try {
                return new ShellLoop(reader, this::dispatch).run();
            } finally {
                reader.getHistory().save();
            }
        }
    }

    /** Runs one shell line as `edm-console ARGS` (with this shell's global options), returning its exit code. */
    public int dispatch(List<String> args, PrintWriter out, PrintWriter err) {
        if (!args.isEmpty() && "shell".equals(args.get(0))) {
            err.println(Messages.t("shell.notHere"));
            err.flush();
            return 2;
        }
        CommandLine cl = new CommandLine(spec.root().userObject().getClass());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionStrategy(AllHostsOption::runUnlessMisplaced);
        return cl.execute(withGlobalOptions(args).toArray(String[]::new));
    }

    /**
     * The shell's own global options before the line, each unless the line gives it itself (a line's
     * {@code --config} also replaces the shell's {@code --sandbox}); a read-only shell stays read-only.
     */
    private List<String> withGlobalOptions(List<String> args) {
        GlobalOptions o = GlobalOptions.of(spec);
        List<String> full = new ArrayList<>();
        if (o.config != null && !gives(args, "--config")) {
            full.addAll(List.of("--config", o.config.toString()));
        } else if (o.sandbox && !gives(args, "--config") && !gives(args, "--sandbox")) {
            full.add("--sandbox");
        }
        if (o.theme != null && !gives(args, "--theme")) {
            full.addAll(List.of("--theme", o.theme));
        }
        if (o.lang != null && !gives(args, "--lang")) {
            full.addAll(List.of("--lang", o.lang));
        }
        if (o.readOnly && !gives(args, "--read-only")) {
            full.add("--read-only");
        }
        full.addAll(args);
        return full;
    }

    private static boolean gives(List<String> args, String option) {
        return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    static LineReader reader(Terminal terminal, CommandSpec root, LoadedConfig loaded, Path history) {
        return LineReaderBuilder.builder().terminal(terminal).appName("edm-console")
                .completer(new ShellCompleter(root, values(loaded)))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .build();
    }

    /**
     * Completion values by command path, from {@link CompletionValues} (the table the completion script's
     * call-back reads too): the shell's completer knows no position, so each path gets the kind of its
     * first parameter, except deploy and rollback, whose second parameter (the tag) is the one typed last.
     */
    static Map<String, Supplier<Collection<String>>> values(LoadedConfig loaded) {
        Map<String, Supplier<Collection<String>>> m = new LinkedHashMap<>();
        CompletionValues.POSITIONS.forEach((path, kinds) -> m.put(path, CompletionValues.of(kinds.get(kinds.size() - 1), loaded)));
        return m;
    }

    static Path historyFile() throws IOException {
        String state = System.getenv("XDG_STATE_HOME");
        Path dir = (state == null || state.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "state") : Path.of(state))
                .resolve("edm-console");
        Files.createDirectories(dir);
        return dir.resolve("history");
    }
}
