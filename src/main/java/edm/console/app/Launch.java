package edm.console.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Small start-up helpers shared by the commands. */
final class Launch {
    private Launch() {
    }

    /** --lang must be known before picocli builds its (translated) help, so it is read by hand first. */
    static String preScanLang(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if ("--lang".equals(args[i]) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return null;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        return m.replaceAll("\\s+", " ").trim();
    }

    /** The console's own log: where stack traces go, never onto the operator's screen. */
    static Path logFile() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("edm-console").resolve("console.log");
    }

    static void logFailure(Throwable t) {
        try {
            Path f = logFile();
            Files.createDirectories(f.getParent());
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            String text = Instant.now() + " " + edm.console.core.Secrets.maskUrlPasswords(w.toString()) + "\n";
            Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException ignored) {
            // Logging must never be the reason the console fails.
        }
    }
}
