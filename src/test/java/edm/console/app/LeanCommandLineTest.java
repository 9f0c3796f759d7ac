package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Main builds picocli's model of the invoked subcommand only (see {@link RootCommand#commandLine}); the
 * full tree whenever the arguments could need it. That the lean tree parses every command in every
 * option position like the full one is checked in {@link GlobalOptionPositionsTest}.
 */
class LeanCommandLineTest {
    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static Set<String> subcommands(String... args) {
        return RootCommand.commandLine(args).getSubcommands().keySet();
    }

    private static final int ALL = new CommandLine(new RootCommand()).getSubcommands().size();

    @Test
    void aSubcommandGetsOnlyItsOwnModel() {
        assertEquals(Set.of("check"), subcommands("check"));
        assertEquals(Set.of("check"), subcommands("--sandbox", "check", "--json"));
        assertEquals(Set.of("status"), subcommands("--config", "/tmp/x.yml", "--lang=zh-CN", "status"));
        assertEquals(Set.of("backup"), subcommands("--read-only", "backup", "db"));
        assertEquals(Set.of(), subcommands("--sandbox", "--theme", "light"), "the console itself needs no subcommand");
    }

    @Test
    void theTableNamesEverySubcommandButTheShellAndCompletion() {
        java.util.Map<String, Class<?>> expected = new java.util.HashMap<>();
        new CommandLine(new RootCommand()).getSubcommands().forEach((name, sub) -> expected.put(name, sub.getCommandSpec().userObject().getClass()));
        expected.remove("shell");
        expected.remove("completion");
        assertEquals(expected, RootCommand.LEAN);
    }

    @Test
    void theBareLaunchKnowsEveryCommandWord() {
        assertEquals(new CommandLine(new RootCommand()).getSubcommands().keySet(), BareLaunch.COMMAND_WORDS);
    }

    @Test
    void theFullTreeWhenTheArgumentsMayNeedIt() {
        for (List<String> args : List.<List<String>>of(List.of("--help"), List.of("-h", "check"), List.of("--version"),
                List.of("shell"), List.of("completion", "bash"), List.of("chek"), List.of("--bogus", "check"), List.of("@args.txt"), List.of("--", "check"),
                List.of("--config", "check", "status"), List.of("--theme", "status"))) {
            assertEquals(ALL, subcommands(args.toArray(String[]::new)).size(), String.join(" ", args));
        }
    }

    @Test
    void errorsReadTheSameAsWithTheFullTree() {
        for (List<String> args : List.of(List.of("check", "--bogus"), List.of("status", "extra"), List.of("backup", "nosuch"),
                List.of("check", "--config"), List.of("--config"), List.of("chek"), List.of("--sandbox", "--config", "/x.yml", "check"),
                // a command word is no value of a root option: "Expected parameter for option '--config' but found 'check'"
                List.of("--config", "check", "status"), List.of("--config", "check"), List.of("--lang", "shell"))) {
            String[] argv = args.toArray(String[]::new);
            assertEquals(errors(new CommandLine(new RootCommand()), argv), errors(RootCommand.commandLine(argv), argv),
                    String.join(" ", args));
        }
    }

    /** Exit code and the error as Main prints it (message and command, no usage), parsing only (nothing runs). */
    private static String errors(CommandLine cl, String[] argv) {
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setExecutionStrategy(result -> 0);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage() + " / " + ex.getCommandLine().getCommandSpec().qualifiedName());
            return 2;
        });
        int code = cl.execute(argv);
        return code + " " + err;
    }
}
