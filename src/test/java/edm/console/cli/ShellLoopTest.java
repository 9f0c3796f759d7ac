package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

class ShellLoopTest {
    @Test
    void linesAreSplitLikeAShellAndExitEndsTheLoop() throws IOException {
        Messages.use(Locale.ENGLISH);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        String script = "logs backend --grep \"db refused\"\n\nhelp\nstatus\nexit\ncheck\n";
        DumbTerminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), screen,
                StandardCharsets.UTF_8);
        List<List<String>> ran = new ArrayList<>();
        int code = new ShellLoop(LineReaderBuilder.builder().terminal(t).build(), (args, out, err) -> {
            ran.add(args);
            return args.get(0).equals("status") ? 2 : 0;
        }).run();
        assertEquals(List.of(List.of("logs", "backend", "--grep", "db refused"), List.of("--help"), List.of("status")), ran);
        assertEquals(2, code, "the last command's exit code");
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains("(exit code 2)"));
    }
}
