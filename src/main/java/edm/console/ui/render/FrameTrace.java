package edm.console.ui.render;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The frame trace the benchmark reads: with {@code EDM_CONSOLE_FRAME_TRACE=FILE} the console appends
 * {@code key<TAB>label<TAB>micros} per key press (its arrival on the input thread to the end of the
 * flush of the frame that shows it) and {@code frame<TAB>reason<TAB>micros<TAB>epoch millis} per frame
 * (render and flush; and when it ended, to place the frames on a launch's timeline). Unset, {@link #OFF} costs a field read per frame and nothing per cell or key.
 */
public class FrameTrace {
    public static final String VARIABLE = "EDM_CONSOLE_FRAME_TRACE";
    public static final FrameTrace OFF = new FrameTrace(null);

    private Writer out;

    FrameTrace(Writer out) {
        this.out = out;
    }

    /** The trace the environment asks for; {@link #OFF} when unset or when the file cannot be opened. */
    public static FrameTrace fromEnvironment() {
        String file = System.getenv(VARIABLE);
        if (file == null || file.isBlank()) {
            return OFF;
        }
        try {
            return to(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return OFF; // a benchmark aid: never a reason for the console not to start
        }
    }

    /** Appends to this file. */
    public static FrameTrace to(Path file) throws IOException {
        return new FrameTrace(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)));
    }

    public final boolean on() {
        return out != null;
    }

    public void key(String label, long nanos) {
        if (out == null) {
            return;
        }
        line("key", label, Long.toString(nanos / 1000));
    }

    /** One frame; also ends the frame's lines (flushed, so a reader sees them while the console runs). */
    public void frame(String reason, long nanos) {
        if (out == null) {
            return;
        }
        line("frame", reason, nanos / 1000 + "\t" + System.currentTimeMillis());
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            out = null;
        }
    }

    private void line(String kind, String label, String figures) {
        if (out == null) {
            return;
        }
        try {
            out.write(kind + '\t' + label + '\t' + figures + '\n');
        } catch (IOException e) {
            out = null; // disk full or file gone: stop tracing, keep the console
        }
    }
}
