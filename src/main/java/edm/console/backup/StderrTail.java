package edm.console.backup;

import edm.console.core.Secrets;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the last few KiB a tool wrote to stderr, for a one-line error; never grows past that. */
final class StderrTail extends OutputStream {
    private static final int LIMIT = 4096;
    private final byte[] ring = new byte[LIMIT];
    private long written;

    @Override
    public synchronized void write(int b) {
        ring[(int) (written++ % LIMIT)] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    /** The tail as one line with passwords in URLs masked. */
    synchronized String text() {
        int n = (int) Math.min(written, LIMIT);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((written - n + i) % LIMIT)];
        }
        String s = new String(out, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        if (s.length() > 400) {
            s = "..." + s.substring(s.length() - 400);
        }
        return Secrets.maskUrlPasswords(s);
    }
}
