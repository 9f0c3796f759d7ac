package edm.console.ui.render;

import java.io.IOException;

/**
 * A terminal that takes a whole frame of ANSI escape sequences and text at once: the console's own
 * terminal, which speaks ANSI on a byte stream. {@link TerminalPainter} then writes a frame as one
 * string instead of through Lanterna's per-character calls, which encode every character on its own
 * (a charset encoder per cell) and were most of the first frame's time.
 */
public interface AnsiOutput {
    /** Writes {@code text} (escape sequences and characters) to the terminal as it is; the terminal's flush sends it. */
    void writeAnsi(String text) throws IOException;
}
