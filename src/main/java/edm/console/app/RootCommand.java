package edm.console.app;

import edm.console.cli.AllHostsOption;
import edm.console.cli.BackupCommand;
import edm.console.cli.CheckCommand;
import edm.console.cli.ChecklistCommand;
import edm.console.cli.CompleteCommand;
import edm.console.cli.CompletionCommand;
import edm.console.cli.ConfigCommand;
import edm.console.cli.DeployCommand;
import edm.console.cli.LogsCommand;
import edm.console.cli.RestartCommand;
import edm.console.cli.RollbackCommand;
import edm.console.cli.SandboxCommand;
import edm.console.cli.ScheduleCommand;
import edm.console.cli.SecurityCommand;
import edm.console.cli.ShellCommand;
import edm.console.cli.StatusCommand;
import edm.console.i18n.Messages;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code edm-console} with every subcommand: the tree that help, the shell and its completion show.
 *
 * <p>Building picocli's model of the whole tree (reflection over every command class, option and
 * bundle text) costs more CPU than `check` itself needs, and cron runs `check` every 5 minutes; so
 * {@link #commandLine} builds the root with only the subcommand the arguments name.
 */
@Command(subcommands = {CheckCommand.class, StatusCommand.class, LogsCommand.class, BackupCommand.class, DeployCommand.class,
    RollbackCommand.class, RestartCommand.class, ChecklistCommand.class, ShellCommand.class, SandboxCommand.class,
    ConfigCommand.class, SecurityCommand.class, ScheduleCommand.class, CompletionCommand.class, CompleteCommand.class})
public final class RootCommand extends BareRootCommand {
    /** The root's options that take a value (the global options: {@link edm.console.cli.GlobalOptions}). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--config", "--theme", "--lang");
    private static final Set<String> FLAGS = Set.of("--sandbox", "--read-only", "--all-hosts");

    /**
     * Every subcommand above by its name (and aliases), except the shell and completion (both need the whole
     * tree: the shell offers every command, completion writes the script for all of them): a table rather than reading the
     * classes' annotations, which costs as much as a tenth of the model (LeanCommandLineTest holds it to them).
     */
    static final Map<String, Class<?>> LEAN = Map.ofEntries(Map.entry("check", CheckCommand.class),
            Map.entry("status", StatusCommand.class), Map.entry("logs", LogsCommand.class), Map.entry("backup", BackupCommand.class),
            Map.entry("deploy", DeployCommand.class), Map.entry("rollback", RollbackCommand.class),
            Map.entry("restart", RestartCommand.class), Map.entry("checklist", ChecklistCommand.class),
            Map.entry("sandbox", SandboxCommand.class), Map.entry("config", ConfigCommand.class),
            Map.entry("security", SecurityCommand.class), Map.entry("schedule", ScheduleCommand.class),
            // The completion script runs this on a Tab: only its own model, so that the answer comes quickly.
            Map.entry("__complete", CompleteCommand.class));

    /** Parses and runs {@code args} with picocli: messages in {@code locale}, output in {@code charset}. */
    static int execute(String[] args, Charset charset, Locale locale) {
        CommandLine cl = commandLine(args);
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, charset), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, charset), true));
        cl.setResourceBundle(Messages.bundle("cli", locale));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> BareLaunch.failed(ex, line.getErr()));
        cl.setExecutionStrategy(AllHostsOption::runUnlessMisplaced);
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(Messages.t("cli.usageError", ex.getMessage(),
                    ex.getCommandLine().getCommandName()));
            return 2;
        });
        return cl.execute(args);
    }

    /**
     * The command line for {@code args}, parsing them exactly as the full tree would: the root with only
     * the subcommand they run, or with none when they run the console itself. The full tree whenever
     * the arguments could mean anything else: help or version options, an unknown word or option (for
     * picocli's own message and suggestions), an argument file, the shell (it offers every command) and
     * completion (its script covers every command).
     */
    static CommandLine commandLine(String[] args) {
        int at = firstWord(args);
        if (at == args.length) {
            return new CommandLine(new BareRootCommand());
        }
        Class<?> sub = at < 0 ? null : leanSubcommand(args[at]);
        if (sub == null) {
            return new CommandLine(new RootCommand());
        }
        CommandLine cl = new CommandLine(new BareRootCommand());
        cl.addSubcommand(sub);
        return cl;
    }

    /**
     * The index of the first argument that is no global option or its value (the subcommand's name when
     * picocli would take it as one); args.length when there is none; -1 when an argument before it is
     * something else the root would have to make sense of.
     */
    private static int firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a;
            if (OPTIONS_WITH_VALUE.contains(a)) {
                if (++i == args.length || BareLaunch.COMMAND_WORDS.contains(args[i])) {
                    // The value is missing, or a command word, which the full tree refuses as a value (its message).
                    return -1;
                }
                // else the value, whatever it looks like (picocli rejects an option there either way)
            } else if (!OPTIONS_WITH_VALUE.contains(name) && !FLAGS.contains(name)) {
                return a.startsWith("-") || a.startsWith("@") ? -1 : i;
            }
        }
        return args.length;
    }

    /** The subcommand class named {@code word}; null for an unknown word, the shell and completion. */
    private static Class<?> leanSubcommand(String word) {
        return LEAN.get(word);
    }
}
