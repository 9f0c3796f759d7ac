package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Taking the terminal runs stty twice (save, then every mode at once); restoring it runs as Lanterna does. */
class ConsoleTerminalTest {
    /** The terminal with its stty runs recorded instead of made (there is no terminal under test). */
    static final class Recording extends ConsoleTerminal {
        /** Filled from Lanterna's constructor, before this class's initialisers would run: created on first use. */
        List<String> runs;

        Recording() throws IOException {
            super(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), StandardCharsets.UTF_8);
        }

        @Override
        protected String exec(String... cmd) {
            if (runs == null) {
                runs = new ArrayList<>();
            }
            runs.add(String.join(" ", cmd));
            return cmd.length == 2 && cmd[1].equals("-g") ? "saved:settings" : "";
        }
    }

    @Test
    void takingTheTerminalRunsSttyTwiceWithLanternasModesInItsOrder() throws IOException {
        Recording t = new Recording();
        assertEquals(List.of("/bin/stty -g", "/bin/stty -icanon min 1 -echo intr undef"), t.runs);
    }

    @Test
    void afterwardsEveryChangeRunsAsLanternaMakesIt() throws IOException {
        Recording t = new Recording();
        t.runs.clear();
        t.close();
        assertEquals(List.of("/bin/stty saved:settings", "/bin/stty intr ^C"), t.runs);
    }
}
