package edm.console.app;

import edm.console.i18n.LanguageResolver;
import edm.console.i18n.Messages;
import edm.console.i18n.OutputCharset;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;

/** Entry point: picks the language and the output's character set, builds the command line, and exits with the command's code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The JVM's own System.out encodes in the C library's locale, which is ASCII when the locale in
        // LANG is not installed on this server: Chinese (and any non-ASCII) text would print as '?'.
        Charset charset = OutputCharset.of(System.getenv());
        System.setOut(stream(FileDescriptor.out, charset));
        System.setErr(stream(FileDescriptor.err, charset));
        System.exit(run(args, charset));
    }

    /** Runs with System.out and System.err as they are, writing UTF-8 to them (tests capture them). */
    public static int run(String[] args) {
        return run(args, StandardCharsets.UTF_8);
    }

    static int run(String[] args, Charset charset) {
        Locale locale;
        try {
            locale = LanguageResolver.resolve(Launch.preScanLang(args), null, System.getenv());
        } catch (RuntimeException e) {
            System.err.println("edm-console: " + e.getMessage());
            return 2;
        }
        Messages.use(locale);
        // picocli reads --help texts from the cli bundle in the default locale.
        Locale.setDefault(locale);
        CommandLine cl = RootCommand.commandLine(args);
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, charset), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, charset), true));
        cl.setResourceBundle(java.util.ResourceBundle.getBundle("i18n.cli", locale));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println(Messages.t("cli.error", Launch.oneLine(ex)));
            Launch.logFailure(ex);
            return 3;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(Messages.t("cli.usageError", ex.getMessage(),
                    ex.getCommandLine().getCommandName()));
            return 2;
        });
        return cl.execute(args);
    }

    /** Like the JVM's own standard streams (buffered, flushed on every write), in the given character set. */
    private static PrintStream stream(FileDescriptor fd, Charset charset) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, charset);
    }
}
