package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.cli.ChangeCommand;
import edm.console.cli.ConfigSelection;
import edm.console.cli.GlobalOptions;
import edm.console.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command of the real command tree (walked, so a new command is covered without editing this
 * test) sees each global option the same whether it stands before the command, after it, or between
 * a parent and its child; and --read-only in any position refuses every command that changes things.
 */
class GlobalOptionPositionsTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void aConfigFile() throws IOException {
        Messages.use(Locale.ENGLISH);
        config = dir.resolve("staging.yml");
        Files.writeString(config, "projectDir: " + dir + "\nui:\n  language: en\n");
    }

    /** Global options as typed, and what they must select. */
    record Given(List<String> words, GlobalOptions.Selection expected) {
    }

    /** Every global option, in two groups because --sandbox and --config exclude each other. */
    private List<Given> options() {
        return List.of(
                new Given(List.of("--config", config.toString(), "--theme", "light", "--read-only", "--lang", "zh-CN"),
                        new GlobalOptions.Selection(config, false, "light", true, "zh-CN", false)),
                new Given(List.of("--sandbox"), new GlobalOptions.Selection(null, true, null, false, null, false)));
    }

    /** Every command path below the root, parents before their children: [check], [backup], [backup, db]... */
    static List<List<String>> commandPaths() {
        List<List<String>> out = new ArrayList<>();
        walk(TREE, List.of(), out);
        return out;
    }

    private static void walk(CommandSpec spec, List<String> path, List<List<String>> out) {
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            out.add(p);
            walk(sub.getCommandSpec(), p, out);
        });
    }

    private static final CommandSpec TREE = new CommandLine(new RootCommand()).getCommandSpec();

    /** The spec of a command path in one shared tree (for reading its parameters, never for parsing). */
    private static CommandSpec spec(List<String> path) {
        CommandSpec s = TREE;
        for (String name : path) {
            s = s.subcommands().get(name).getCommandSpec();
        }
        return s;
    }

    /** A value for each positional parameter and each required option, so that the command parses. */
    private static List<String> arguments(CommandSpec spec) {
        List<String> args = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            args.add("backend");
        }
        for (OptionSpec o : spec.options()) {
            if (o.required()) {
                args.add(o.longestName());
                if (o.arity().max() > 0) {
                    args.add("x");
                }
            }
        }
        return args;
    }

    /**
     * The leaf's effective options after picocli parsed {@code args}, as its call() would see them; nothing runs.
     * The command line Main builds for these arguments (the root with only the invoked subcommand) must parse
     * them to the same leaf with the same options as the full tree.
     */
    private static GlobalOptions.Selection parsed(List<String> args) {
        String[] argv = args.toArray(String[]::new);
        List<String> leaf = new ArrayList<>();
        GlobalOptions.Selection full = parsed(new CommandLine(new RootCommand()), argv, leaf);
        List<String> leanLeaf = new ArrayList<>();
        assertEquals(full, parsed(RootCommand.commandLine(argv), argv, leanLeaf), "lean: " + args);
        assertEquals(leaf, leanLeaf, "lean: " + args);
        return full;
    }

    private static GlobalOptions.Selection parsed(CommandLine cl, String[] argv, List<String> leafName) {
        AtomicReference<GlobalOptions.Selection> seen = new AtomicReference<>();
        StringBuilder problems = new StringBuilder();
        cl.setParameterExceptionHandler((ex, a) -> {
            problems.append(ex.getMessage());
            return 2;
        });
        cl.setExecutionStrategy(result -> {
            CommandLine.ParseResult leaf = result;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            seen.set(GlobalOptions.of(leaf.commandSpec()).selection());
            leafName.add(leaf.commandSpec().qualifiedName());
            return 0;
        });
        int code = cl.execute(argv);
        assertEquals(0, code, List.of(argv) + ": " + problems);
        return seen.get();
    }

    @Test
    void everyOptionMeansTheSameBeforeAfterAndBetweenTheCommands() {
        List<List<String>> paths = commandPaths();
        assertTrue(paths.size() >= 20, "the walk found the command tree: " + paths);
        int variants = 0;
        for (List<String> path : paths) {
            List<String> rest = arguments(spec(path));
            for (Given g : options()) {
                // every position: 0 = before the first command word ... path.size() = after the last, before its arguments;
                // then after the arguments too
                for (int at = 0; at < path.size() || at == path.size() && !rest.isEmpty(); at++) {
                    List<String> args = new ArrayList<>(path.subList(0, at));
                    args.addAll(g.words());
                    args.addAll(path.subList(at, path.size()));
                    args.addAll(rest);
                    assertEquals(g.expected(), parsed(args), String.join(" ", args));
                    variants++;
                }
                List<String> last = new ArrayList<>(path);
                last.addAll(rest);
                last.addAll(g.words());
                assertEquals(g.expected(), parsed(last), String.join(" ", last));
                variants++;
            }
        }
        assertTrue(variants > 100, "positions tried: " + variants);
    }

    /** The console itself (no command word) is read without picocli: in every order of the options, as picocli reads them. */
    @Test
    void theBareLaunchReadsEveryOptionLikePicocli() {
        for (Given g : options()) {
            List<List<String>> orders = new ArrayList<>();
            orders.add(g.words());
            List<String> reversed = new ArrayList<>();
            for (int i = g.words().size(); i > 0; ) {
                // option and value stay together: pairs start at an option name
                int start = i - 1;
                while (start > 0 && !g.words().get(start).startsWith("--")) {
                    start--;
                }
                reversed.addAll(g.words().subList(start, i));
                i = start;
            }
            orders.add(reversed);
            for (List<String> args : orders) {
                Optional<GlobalOptions> lean = BareLaunch.options(args.toArray(String[]::new));
                assertTrue(lean.isPresent(), "without picocli: " + args);
                assertEquals(g.expected(), lean.get().selection(), String.join(" ", args));
                assertEquals(g.expected(), parsed(args), String.join(" ", args));
            }
        }
    }

    @Test
    void theEffectiveConfigIsTheFileTheOptionNames() {
        String f = config.toString();
        for (List<String> args : List.of(List.of("--config", f, "check"), List.of("check", "--config", f),
                List.of("--config", f, "backup", "db"), List.of("backup", "--config", f, "db"), List.of("backup", "db", "--config", f),
                List.of("checklist", "--config", f, "run", "daily"), List.of("checklist", "run", "daily", "--config", f))) {
            assertEquals(Optional.of(config), ConfigSelection.load(optionsOf(args)).source(), String.join(" ", args));
        }
    }

    private static GlobalOptions optionsOf(List<String> args) {
        CommandLine cl = new CommandLine(new RootCommand());
        CommandLine.ParseResult r = cl.parseArgs(args.toArray(String[]::new));
        return GlobalOptions.of(r.commandSpec());
    }

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            Messages.use(Locale.ENGLISH);
        }
    }

    @Test
    void configShowNamesTheSameFileWithTheOptionBeforeOrAfter() {
        Run before = run("--lang", "en", "--config", config.toString(), "config", "show");
        Run between = run("config", "--config", config.toString(), "show", "--lang", "en");
        Run after = run("config", "show", "--lang", "en", "--config", config.toString());
        assertEquals(0, before.code(), before.err());
        assertTrue(before.out().contains(config.toString()), before.out());
        assertEquals(before, between);
        assertEquals(before, after);
    }

    @Test
    void twoDifferentValuesForOneOptionAreAnErrorTheSameValueTwiceIsNot() throws IOException {
        Path other = dir.resolve("production.yml");
        Files.writeString(other, "projectDir: " + dir + "\n");
        Run twice = run("--lang", "en", "--config", config.toString(), "config", "show", "--config", other.toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("--config is given twice with different values"), twice.err());
        assertTrue(twice.err().contains(config.toString()) && twice.err().contains(other.toString()), twice.err());
        assertEquals("", twice.out());

        Run same = run("--lang", "en", "--config", config.toString(), "config", "show", "--config", config.toString());
        assertEquals(0, same.code(), same.err());

        Run langs = run("--lang", "en", "config", "show", "--lang", "zh-CN", "--config", config.toString());
        assertEquals(2, langs.code());
        assertTrue(langs.err().contains("--lang"), langs.err());

        Run sandboxAndConfig = run("--lang", "en", "--sandbox", "config", "show", "--config", config.toString());
        assertEquals(2, sandboxAndConfig.code());
        assertTrue(sandboxAndConfig.err().contains("--sandbox and --config"), sandboxAndConfig.err());
    }

    @Test
    void readOnlyInAnyPositionRefusesEveryCommandThatChangesThings() {
        int refused = 0;
        for (List<String> path : commandPaths()) {
            CommandSpec spec = spec(path);
            if (!spec.subcommands().isEmpty() || !changes(spec)) {
                continue;
            }
            List<String> rest = arguments(spec);
            for (int at = 0; at <= path.size() + 1; at++) {
                List<String> args = new ArrayList<>(List.of("--lang", "en", "--config", config.toString()));
                List<String> words = new ArrayList<>(path);
                words.addAll(rest);
                words.add(Math.min(at, words.size()), "--read-only");
                args.addAll(words);
                Run r = run(args.toArray(String[]::new));
                String line = String.join(" ", args);
                assertEquals(2, r.code(), line + "\n" + r.out() + r.err());
                assertTrue(r.err().startsWith("edm-console: read-only"), line + "\n" + r.err());
                assertEquals(1, r.err().lines().count(), "one line: " + r.err());
                assertEquals("", r.out(), line);
                refused++;
            }
        }
        assertTrue(refused > 0);
        assertFalse(Files.exists(dir.resolve("state")), "nothing was written");
        assertFalse(Files.exists(dir.resolve("backups")), "nothing was written");
    }

    @Test
    void theChangingCommandsAreTheOnesAnOperatorExpects() {
        List<String> changing = new ArrayList<>();
        for (List<String> path : commandPaths()) {
            if (changes(spec(path))) {
                changing.add(String.join(" ", path));
            }
        }
        assertEquals(List.of("backup db", "backup files", "backup all", "backup prune", "backup restore-drill", "backup restore",
                "deploy", "rollback", "restart", "sandbox up", "sandbox down", "security fix", "schedule install", "schedule remove", "schedule run"),
                changing);
    }

    @Test
    void readOnlyStillLooks() {
        Run show = run("--read-only", "--lang", "en", "config", "show", "--config", config.toString());
        assertEquals(0, show.code(), show.err());
        Run dryRun = run("--read-only", "--lang", "en", "--config", config.toString(), "backup", "prune", "--dry-run");
        assertFalse(dryRun.err().contains("read-only"), dryRun.err());
        Run list = run("--lang", "en", "--config", config.toString(), "rollback", "backend", "--list", "--read-only");
        assertFalse(list.err().contains("read-only"), list.err());
    }

    private static boolean changes(CommandSpec spec) {
        return spec.userObject() instanceof ChangeCommand c && c.changes();
    }
}
