package edm.console.app;

import edm.console.i18n.LanguageResolver;
import edm.console.i18n.Messages;
import java.util.Locale;
import picocli.CommandLine;

/** Entry point: picks the language, builds the command line, and exits with the command's code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
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
        CommandLine cl = new CommandLine(new RootCommand());
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
}
