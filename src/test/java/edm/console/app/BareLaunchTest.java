package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.cli.GlobalOptions;
import edm.console.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bare launch ({@code edm-console} with global options only) is read without picocli; whatever
 * {@link BareLaunch} accepts must mean exactly what picocli's full command tree makes of it, and
 * everything else must go to picocli (which then prints its own messages).
 */
class BareLaunchTest {
    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    /** Words an operator (or a typo) puts on the command line: every root option, values of every shape. */
    private static final List<String> WORDS = List.of("--config", "/etc/edm/a.yml", "--config=/etc/edm/b.yml", "--config=",
            "--sandbox", "--sandbox=true", "--theme", "light", "--theme=high-contrast", "--lang", "zh-CN", "--lang=en",
            "--read-only", "--read-only=false", "-h", "--help", "-V", "--version", "--", "@args.txt", "check", "", "-x",
            "--bogus", "--lang=zh_CN", "--config=check", "-", "--all-hosts");

    /** The third word of three: the option words (picocli's full tree for each accepted line costs time). */
    private static final List<String> OPTION_WORDS = WORDS.subList(0, 14);

    /** What picocli's full tree does with {@code args}: the options its leaf command sees, or the error. */
    private static String picocli(List<String> args) {
        CommandLine cl = new CommandLine(new RootCommand());
        AtomicReference<String> seen = new AtomicReference<>();
        cl.setParameterExceptionHandler((ex, a) -> {
            seen.set("error: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionStrategy(result -> {
            CommandLine.ParseResult leaf = result;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
                seen.set("help or version");
            } else {
                seen.set(leaf.commandSpec().qualifiedName() + " " + GlobalOptions.of(leaf.commandSpec()).selection());
            }
            return 0;
        });
        cl.execute(args.toArray(String[]::new));
        return seen.get();
    }

    private static Optional<String> lean(List<String> args) {
        return BareLaunch.options(args.toArray(String[]::new)).map(o -> "edm-console " + o.selection());
    }

    @Test
    void whatTheBareLaunchAcceptsMeansWhatPicocliMakesOfIt() {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (String a : WORDS) {
            all.add(List.of(a));
            for (String b : WORDS) {
                all.add(List.of(a, b));
                for (String c : OPTION_WORDS) {
                    all.add(List.of(a, b, c));
                }
            }
        }
        int accepted = 0;
        for (List<String> args : all) {
            Optional<String> lean = lean(args);
            if (lean.isPresent()) {
                assertEquals(picocli(args), lean.get(), "picocli reads " + args + " otherwise");
                accepted++;
            }
        }
        assertTrue(accepted > 100, "the bare launch accepted only " + accepted + " of " + all.size());
    }

    @Test
    void theWaysAnOperatorOpensTheConsoleNeedNoPicocli() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--lang", "en"), List.of("--lang=zh-CN"), List.of("--sandbox"),
                List.of("--sandbox", "--lang", "zh-CN", "--read-only", "--theme", "light"),
                List.of("--config", "/opt/edm/edm-console.yml", "--read-only"), List.of("--read-only", "--config=/tmp/x.yml"))) {
            Optional<String> lean = lean(args);
            assertTrue(lean.isPresent(), "bare launch: " + args);
            assertEquals(picocli(args), lean.get(), String.join(" ", args));
        }
    }

    @Test
    void anythingUnusualGoesToPicocli() {
        for (List<String> args : List.<List<String>>of(List.of("--help"), List.of("-V"), List.of("check"), List.of("--lang", "en", "status"),
                List.of("--config"), List.of("--config", "--sandbox"), List.of("--sandbox", "--sandbox"),
                List.of("--lang", "en", "--lang", "zh-CN"), List.of("--sandbox", "--config", "/tmp/x.yml"), List.of("--bogus"),
                List.of("--sandbox=true"), List.of("--"), List.of("@args.txt"), List.of("--theme", ""), List.of("--config="))) {
            assertEquals(Optional.empty(), lean(args), String.join(" ", args));
        }
    }

    /** A new global option (or another name for one) must be added to the words above, or this test names it. */
    @Test
    void theWordsCoverEveryOptionOfTheRoot() {
        Set<String> missing = new TreeSet<>();
        for (OptionSpec o : new CommandLine(new RootCommand()).getCommandSpec().options()) {
            for (String name : o.names()) {
                if (WORDS.stream().noneMatch(w -> w.equals(name) || w.startsWith(name + "="))) {
                    missing.add(name);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}
