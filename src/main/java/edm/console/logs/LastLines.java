package edm.console.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Finds where the last N lines of a file start, reading backwards in blocks (a log can be gigabytes). */
final class LastLines {
    private LastLines() {
    }

    static long start(FileChannel ch, int lines) throws IOException {
        long size = ch.size();
        if (lines <= 0 || size == 0) {
            return 0; // no limit, or nothing to read
        }
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        long pos = size;
        int seen = 0;
        while (pos > 0) {
            int len = (int) Math.min(b.capacity(), pos);
            pos -= len;
            b.clear().limit(len);
            int read = 0;
            while (read < len) {
                int n = ch.read(b, pos + read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            for (int i = read - 1; i >= 0; i--) {
                if (b.get(i) == '\n' && pos + i != size - 1) {
                    if (++seen == lines) {
                        return pos + i + 1;
                    }
                }
            }
        }
        return 0;
    }
}
