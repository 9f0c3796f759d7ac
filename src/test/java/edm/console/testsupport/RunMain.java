package edm.console.testsupport;

import edm.console.app.Main;
import edm.console.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Runs {@link Main#run(String[])} with its standard output and error captured. */
public final class RunMain {
    public record Result(int code, String out, String err) {
    }

    private RunMain() {
    }

    public static Result run(String... args) {
        Messages before = Messages.current();
        Locale defaultBefore = Locale.getDefault();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            // Main picks the language for the process: the next test must not run in this one's.
            Messages.use(before.locale());
            Locale.setDefault(defaultBefore);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
