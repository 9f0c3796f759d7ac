package edm.console.app;

import edm.console.cli.DirectCommands;
import edm.console.cli.GlobalOptions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code edm-console check} and {@code edm-console status} (with {@code --json}, {@code check}'s
 * {@code -q}/{@code --quiet}, {@code --format} and {@code --textfile}, and the global options, {@code --all-hosts}
 * among them, in any position), read without picocli: cron runs {@code check} every 5 minutes, and loading picocli's Java 5
 * class files (which neither CDS nor the AOT cache can archive) and building its model of the command
 * cost about as much CPU as the check itself.
 *
 * <p>Like {@link BareLaunch} it accepts only the plainest spelling of each word and leaves everything
 * else to picocli: the command word once, its own options each at most once after it, and the global
 * options as {@link BareLaunch} reads them, each once. Help, version, an unknown or repeated option, a
 * second word, {@code --}, {@code @file} and a value that looks like an option or a command word all
 * go to picocli, which says what it says about them; LeanCommandTest holds the two to the same result.
 */
final class LeanCommand {
    /** What the arguments run: {@code command} is {@code check} or {@code status}; format and textfile null when not given. */
    record Parsed(String command, GlobalOptions options, boolean json, boolean quiet, String format, Path textfile) {
        Parsed(String command, GlobalOptions options, boolean json, boolean quiet) {
            this(command, options, json, quiet, null, null);
        }
    }

    private LeanCommand() {
    }

    /** The command and its options; empty when picocli is to read {@code args}. */
    static Optional<Parsed> parse(String[] args) {
        GlobalOptions o = new GlobalOptions();
        String command = null;
        boolean json = false;
        boolean quiet = false;
        String format = null;
        String textfile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (command == null && (a.equals("check") || a.equals("status"))) {
                command = a;
                continue;
            }
            if (a.equals("--all-hosts")) {
                // A global option: before or after the command word, once (picocli judges a repetition).
                if (o.allHosts) {
                    return Optional.empty();
                }
                o.allHosts = true;
                continue;
            }
            if (command != null && a.equals("--json")) {
                if (json) {
                    return Optional.empty();
                }
                json = true;
                continue;
            }
            if ("check".equals(command) && (a.equals("-q") || a.equals("--quiet"))) {
                if (quiet) {
                    return Optional.empty();
                }
                quiet = true;
                continue;
            }
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            String name = eq > 0 ? a.substring(0, eq) : a;
            if ("check".equals(command) && (name.equals("--format") || name.equals("--textfile"))) {
                String value = eq > 0 ? a.substring(eq + 1) : ++i < args.length ? args[i] : null;
                boolean repeated = name.equals("--format") ? format != null : textfile != null;
                if (value == null || repeated || !BareLaunch.plainValue(value)) {
                    return Optional.empty();
                }
                if (name.equals("--format")) {
                    format = value;
                } else {
                    textfile = value;
                }
                continue;
            }
            String value = null;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (BareLaunch.takesValue(name)) {
                if (++i == args.length) {
                    return Optional.empty();
                }
                value = args[i];
            }
            if (!BareLaunch.set(o, name, value)) {
                return Optional.empty();
            }
        }
        if (command == null || o.sandbox && o.config != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(command, o, json, quiet, format, textfile == null ? null : Path.of(textfile)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Runs the command as picocli would run it: output in {@code charset}, a failure one line on stderr and exit 3. */
    static int run(Parsed p, Charset charset) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        try {
            return p.command().equals("check")
                    ? DirectCommands.check(p.options(), p.json(), p.quiet(), p.format(), p.textfile(), out, err)
                    : DirectCommands.status(p.options(), p.json(), out, err);
        } catch (Exception e) {
            return BareLaunch.failed(e, err);
        }
    }
}
