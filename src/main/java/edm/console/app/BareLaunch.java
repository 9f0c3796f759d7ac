package edm.console.app;

import edm.console.cli.GlobalOptions;
import edm.console.i18n.Messages;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code edm-console} with global options only, the way an operator opens the console, read without
 * picocli: its ~170 classes are Java 5 class files that neither CDS nor the AOT cache can archive, and
 * loading and verifying them took about a third of the way to the first frame.
 *
 * <p>It accepts only the plainest spelling of each option and leaves everything else to picocli, so
 * that whatever it accepts means exactly what picocli would make of it: each of {@code --config FILE},
 * {@code --theme NAME}, {@code --lang LANG} (also {@code --option=VALUE}), {@code --sandbox} and
 * {@code --read-only} at most once, a value that is neither empty nor looks like an option, an
 * argument file or a command word, and not {@code --sandbox} together with {@code --config}. Help, version, a command
 * word, an unknown or repeated option, {@code --} and {@code @file} all go to picocli, which says what
 * it says about them (BareLaunchTest holds the two to the same result).
 */
final class BareLaunch {
    /**
     * The root's command words (names and aliases): picocli refuses one as the value of a root option
     * ("Expected parameter for option '--config' but found 'check'"). LeanCommandLineTest holds it to the tree.
     */
    static final Set<String> COMMAND_WORDS = Set.of("check", "status", "logs", "backup", "deploy", "rollback", "restart",
            "checklist", "shell", "sandbox", "config", "security", "schedule", "completion", "__complete");

    private BareLaunch() {
    }

    /** The options of a bare launch; empty when picocli is to read {@code args}. */
    static Optional<GlobalOptions> options(String[] args) {
        GlobalOptions o = new GlobalOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            String name = eq > 0 ? a.substring(0, eq) : a;
            String value = null;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (takesValue(name)) {
                if (++i == args.length) {
                    return Optional.empty();
                }
                value = args[i];
            }
            if (!set(o, name, value)) {
                return Optional.empty();
            }
        }
        return o.sandbox && o.config != null ? Optional.empty() : Optional.of(o);
    }

    /** Opens the console as picocli would run {@link BareRootCommand}: a failure is one line on stderr (and the log), exit 3. */
    static int run(GlobalOptions options, Charset charset) {
        try {
            return new TuiLauncher(options).run();
        } catch (Exception e) {
            return failed(e, new PrintWriter(new OutputStreamWriter(System.err, charset), true));
        }
    }

    /** What an exception out of a command prints and returns, the same on both paths. */
    static int failed(Exception e, PrintWriter err) {
        err.println(Messages.t("cli.error", Launch.oneLine(e)));
        Launch.logFailure(e);
        return 3;
    }

    /** True for the global options that take a value. */
    static boolean takesValue(String name) {
        return name.equals("--config") || name.equals("--theme") || name.equals("--lang");
    }

    /** Sets one option as picocli would; false when picocli is to judge it (unknown, repeated, an odd value). */
    static boolean set(GlobalOptions o, String name, String value) {
        if (value != null && !plainValue(value)) {
            return false;
        }
        switch (name) {
            case "--config" -> {
                if (value == null || o.config != null) {
                    return false;
                }
                o.config = Path.of(value);
            }
            case "--theme" -> {
                if (value == null || o.theme != null) {
                    return false;
                }
                o.theme = value;
            }
            case "--lang" -> {
                if (value == null || o.lang != null) {
                    return false;
                }
                o.lang = value;
            }
            case "--sandbox" -> {
                if (value != null || o.sandbox) {
                    return false;
                }
                o.sandbox = true;
            }
            case "--read-only" -> {
                if (value != null || o.readOnly) {
                    return false;
                }
                o.readOnly = true;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A value picocli takes as it is: not empty, no option, no argument file, no command word, nothing a path cannot hold. */
    static boolean plainValue(String value) {
        return !value.isEmpty() && !value.startsWith("-") && !value.startsWith("@") && !COMMAND_WORDS.contains(value)
                && value.indexOf('\0') < 0;
    }
}
