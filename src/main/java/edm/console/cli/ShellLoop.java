package edm.console.cli;

import edm.console.i18n.Messages;
import java.io.PrintWriter;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * The read-dispatch loop of the shell: reads a line (JLine splits it into words, honouring quotes),
 * runs it, and goes on until {@code exit}, {@code quit} or Ctrl-D. Ctrl-C clears the line.
 */
final class ShellLoop {
    /** Runs one line's words as a command. */
    interface Dispatcher {
        int run(List<String> args, PrintWriter out, PrintWriter err);
    }

    private final LineReader reader;
    private final Dispatcher dispatcher;

    ShellLoop(LineReader reader, Dispatcher dispatcher) {
        this.reader = reader;
        this.dispatcher = dispatcher;
    }

    int run() {
        PrintWriter out = reader.getTerminal().writer();
        out.println(Messages.t("shell.welcome"));
        out.flush();
        int last = 0;
        while (true) {
            String line;
            try {
                line = reader.readLine("edm> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return last;
            }
            List<String> words = reader.getParsedLine() == null ? List.of() : reader.getParsedLine().words().stream()
                    .filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty()) {
                continue;
            }
            if (List.of("exit", "quit", "退出").contains(words.get(0))) {
                return last;
            }
            last = dispatcher.run("help".equals(words.get(0)) && words.size() == 1 ? List.of("--help") : words, out, out);
            if (last != 0) {
                out.println(Messages.t("shell.exitCode", last));
            }
            out.flush();
        }
    }
}
