package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * {@code check} and {@code status} are read without picocli ({@link LeanCommand}); whatever it accepts
 * must mean exactly what picocli's full command tree makes of it (the command, its options, the global
 * options), and everything else must go to picocli, which then prints its own help, messages and suggestions.
 */
class LeanCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    /** Words an operator (or a typo) puts on the command line: both commands, their options, every root option, odd shapes. */
    private static final List<String> WORDS = List.of("check", "status", "--json", "-q", "--quiet", "--config", "/etc/edm/a.yml",
            "--config=/etc/edm/b.yml", "--sandbox", "--theme", "light", "--lang", "zh-CN", "--lang=en", "--read-only", "-h", "--help",
            "-V", "--version", "--", "@args.txt", "", "--bogus", "--json=true", "-qh", "chek", "logs", "--config=status", "-", "--all-hosts");

    /** What picocli's full tree does with {@code args}: the command and options its leaf sees, or the error. */
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
                boolean quiet = leaf.commandSpec().findOption("--quiet") != null && leaf.matchedOptionValue("--quiet", false);
                boolean check = leaf.commandSpec().findOption("--format") != null;
                Object format = check ? leaf.matchedOptionValue("--format", null) : null;
                Object textfile = check ? leaf.matchedOptionValue("--textfile", null) : null;
                seen.set(leaf.commandSpec().qualifiedName() + " json=" + leaf.matchedOptionValue("--json", false) + " quiet=" + quiet
                        + " format=" + format + " textfile=" + textfile + " " + GlobalOptions.of(leaf.commandSpec()).selection());
            }
            return 0;
        });
        cl.execute(args.toArray(String[]::new));
        return seen.get();
    }

    private static Optional<String> lean(List<String> args) {
        return LeanCommand.parse(args.toArray(String[]::new)).map(p -> "edm-console " + p.command() + " json=" + p.json() + " quiet="
                + p.quiet() + " format=" + p.format() + " textfile=" + p.textfile() + " " + p.options().selection());
    }

    @Test
    void whatTheLeanPathAcceptsMeansWhatPicocliMakesOfIt() {
        List<List<String>> all = new ArrayList<>();
        for (String a : WORDS) {
            all.add(List.of(a));
            for (String b : WORDS) {
                all.add(List.of(a, b));
                for (String c : WORDS) {
                    all.add(List.of(a, b, c));
                }
            }
        }
        // Longer lines as people type them, options before, between and after.
        all.add(List.of("--config", "/etc/edm/a.yml", "check", "--json", "-q", "--lang", "zh-CN"));
        all.add(List.of("--lang=zh-CN", "status", "--read-only", "--json", "--theme", "light"));
        all.add(List.of("check", "--sandbox", "--quiet", "--read-only"));
        all.add(List.of("check", "--json", "--config", "/etc/edm/a.yml", "--json"));
        all.add(List.of("--all-hosts", "--lang", "zh-CN", "status", "--json"));
        all.add(List.of("check", "-q", "--all-hosts", "--config", "/etc/edm/a.yml"));
        int accepted = 0;
        for (List<String> args : all) {
            Optional<String> lean = lean(args);
            if (lean.isPresent()) {
                assertEquals(picocli(args), lean.get(), "picocli reads " + args + " otherwise");
                accepted++;
            }
        }
        assertTrue(accepted > 100, "the lean path accepted only " + accepted + " of " + all.size());
    }

    /** check's --format and --textfile, in every order with the global options, up to four words. */
    @Test
    void checksFormatAndTextfileMeanWhatPicocliMakesOfThem() {
        List<String> words = List.of("check", "--format", "prometheus", "--textfile", "/tmp/x", "--format=json", "--textfile=/tmp/y",
                "--sandbox", "status", "check");
        List<List<String>> all = new ArrayList<>();
        for (String a : words) {
            for (String b : words) {
                for (String c : words) {
                    all.add(List.of(a, b, c));
                    for (String d : words) {
                        all.add(List.of(a, b, c, d));
                    }
                }
            }
        }
        all.add(List.of("check", "--sandbox", "--format", "prometheus", "--textfile", "/var/lib/node_exporter", "--lang", "zh-CN"));
        all.add(List.of("--sandbox", "check", "--textfile=/tmp/x", "--format=prometheus"));
        int accepted = 0;
        for (List<String> args : all) {
            Optional<String> lean = lean(args);
            if (lean.isPresent()) {
                assertEquals(picocli(args), lean.get(), "picocli reads " + args + " otherwise");
                accepted++;
            }
        }
        assertTrue(accepted > 50, "the lean path accepted only " + accepted + " of " + all.size());
        assertTrue(lean(List.of("--sandbox", "check", "--format", "prometheus", "--textfile", "/tmp/x")).isPresent());
        assertEquals(Optional.empty(), lean(List.of("check", "--format", "json", "--format", "json")));
        assertEquals(Optional.empty(), lean(List.of("status", "--format", "json")), "status has no --format");
    }

    @Test
    void theWaysCronAndOperatorsRunThemNeedNoPicocli() {
        for (List<String> args : List.<List<String>>of(List.of("check"), List.of("status"), List.of("check", "--json"), List.of("check", "-q"),
                List.of("--sandbox", "check"), List.of("check", "--sandbox"), List.of("--config", "/opt/edm/edm-console.yml", "check", "--quiet"),
                List.of("status", "--json", "--lang", "zh-CN"), List.of("--lang=zh-CN", "status"), List.of("--read-only", "status", "--json"))) {
            Optional<String> lean = lean(args);
            assertTrue(lean.isPresent(), "lean: " + args);
            assertEquals(picocli(args), lean.get(), String.join(" ", args));
        }
    }

    @Test
    void anythingUnusualGoesToPicocli() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--sandbox"), List.of("check", "--help"), List.of("status", "-h"),
                List.of("check", "-V"), List.of("--help", "check"), List.of("status", "-q"), List.of("check", "--json", "--json"),
                List.of("check", "-q", "--quiet"), List.of("check", "extra"), List.of("check", "status"), List.of("--json", "check"),
                List.of("check", "--config"), List.of("check", "--sandbox", "--config", "/x.yml"), List.of("chek"), List.of("check", "--"),
                List.of("check", "@args.txt"), List.of("check", "--json=true"), List.of("check", "-qh"), List.of("--config", "check"),
                List.of("check", "--lang", "en", "--lang", "en"), List.of("logs", "check"), List.of("check", "--theme", ""))) {
            assertEquals(Optional.empty(), lean(args), String.join(" ", args));
        }
    }

    /** What a run prints, both streams, and its exit code, through the lean path (Main) or picocli's. */
    private static String run(boolean lean, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = lean ? Main.run(args) : RootCommand.execute(args, StandardCharsets.UTF_8, Locale.ENGLISH);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return "exit " + code + "\nout:\n" + out.toString(StandardCharsets.UTF_8) + "err:\n" + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aConfigThatCannotBeUsedReadsTheSameOnBothPaths() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "thresholds:\n  diskPercnt: 80\nrefresh: 5\n");
        for (String command : List.of("check", "status")) {
            String lean = run(true, "--config", bad.toString(), command);
            assertTrue(lean.startsWith("exit 3") && lean.contains("diskPercnt"), lean);
            assertEquals(run(false, "--config", bad.toString(), command), lean, command);
        }
        String missing = run(true, "check", "--config", dir.resolve("nope.yml").toString());
        assertEquals(run(false, "check", "--config", dir.resolve("nope.yml").toString()), missing);
    }
}
