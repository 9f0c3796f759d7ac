package edm.console.app;

import edm.console.cli.GlobalOptions;
import edm.console.i18n.LanguageResolver;
import edm.console.i18n.Messages;
import edm.console.i18n.OutputCharset;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Entry point: picks the language and the output's character set, reads the command line, and exits with the command's code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SelectorProviderChoice.useJdkDefault();
        StartWarmup.begin();
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
        // The console itself, as an operator opens it, starts without picocli (BareLaunch says why).
        Optional<GlobalOptions> bare = BareLaunch.options(args);
        if (bare.isPresent()) {
            return BareLaunch.run(bare.get(), charset);
        }
        // So do check and status, which cron and scripts run most (LeanCommand says why).
        Optional<LeanCommand.Parsed> lean = LeanCommand.parse(args);
        if (lean.isPresent()) {
            return LeanCommand.run(lean.get(), charset);
        }
        return RootCommand.execute(args, charset, locale);
    }

    /** Like the JVM's own standard streams (buffered, flushed on every write), in the given character set. */
    private static PrintStream stream(FileDescriptor fd, Charset charset) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, charset);
    }
}
