package edm.console.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The terminal's output: buffered without auto-flush, so a frame leaves in one write at the painter's
 * flush (Lanterna writes a character at a time, and System.out's flush per write cost one write(2) per
 * cell). A question the terminal must answer is sent at once: Lanterna asks for the cursor position to
 * learn the terminal's size and then waits for the reply, which would never come from a buffer (the
 * first frame waited out Lanterna's 5 s timeout).
 */
final class TerminalOutput extends BufferedOutputStream {
    /** ESC [ 6 n: "report the cursor position", the one request Lanterna waits on. */
    private static final byte[] CURSOR_REPORT_REQUEST = {0x1b, '[', '6', 'n'};

    TerminalOutput(OutputStream out) {
        super(out, 1 << 16);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        if (endsWithRequest(b, off, len)) {
            flush();
        }
    }

    private static boolean endsWithRequest(byte[] b, int off, int len) {
        int n = CURSOR_REPORT_REQUEST.length;
        if (len < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[off + len - n + i] != CURSOR_REPORT_REQUEST[i]) {
                return false;
            }
        }
        return true;
    }
}
