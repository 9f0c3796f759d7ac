package edm.console.cli;

import edm.console.text.TerminalSafe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * The operator's typed lines, one reader for the whole process: every prompt of a command (confirmations,
 * recover's choice, "type break", the checklist walk) reads through {@link #shared()}. A reader per prompt
 * would each buffer ahead on stdin, so the first would swallow the answers piped for the later ones
 * ({@code printf 'resume\nbreak\n' | edm-console deploy --recover}). Inside {@code edm-console shell} the
 * shell's own JLine reader is installed, so a command run there reads from the same terminal reader.
 */
public final class LineInput {
    private static LineInput shared;

    private final Source source;

    /** Where lines come from; null at the end of input. */
    @FunctionalInterface
    interface Source {
        String readLine(PrintWriter out, String prompt) throws IOException;
    }

    private LineInput(Source source) {
        this.source = source;
    }

    /** The process's reader: standard input, created on first use. */
    public static synchronized LineInput shared() {
        if (shared == null) {
            shared = of(System.in);
        }
        return shared;
    }

    /** Makes {@code in} the process's reader (the shell's reader; a test's script). */
    static synchronized void use(LineInput in) {
        shared = in;
    }

    /** Standard input through one buffered reader; piped answers are echoed so that the transcript reads like a session. */
    static LineInput of(InputStream in) {
        return of(in, System.console() == null);
    }

    /** Lines from a stream through one buffered reader; the prompt goes to the command's output. */
    static LineInput of(InputStream in, boolean echo) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new LineInput((out, prompt) -> {
            out.print(prompt);
            out.flush();
            String line = reader.readLine();
            if (echo) {
                out.println(line == null ? "" : TerminalSafe.clean(line));
                out.flush();
            }
            return line;
        });
    }

    /** Lines from a JLine reader (the shell's, with its terminal); its history keeps only the shell's own lines. */
    static LineInput of(LineReader reader) {
        return new LineInput((out, prompt) -> {
            out.flush();
            Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                return reader.readLine(prompt);
            } catch (EndOfFileException | UserInterruptException e) {
                return null;
            } finally {
                reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
            }
        });
    }

    /** Prints the prompt and reads one line; null at the end of input (Ctrl-D, a pipe drained) or on a read error. */
    public String readLine(PrintWriter out, String prompt) {
        try {
            return source.readLine(out, prompt);
        } catch (IOException e) {
            return null;
        }
    }

    /** As {@link #readLine}, trimmed, with "" for no answer: for typed confirmations. */
    public String answer(PrintWriter out, String prompt) {
        String line = readLine(out, prompt);
        return line == null ? "" : line.trim();
    }
}
