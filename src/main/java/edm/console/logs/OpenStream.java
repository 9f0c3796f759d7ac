package edm.console.logs;

import java.io.Closeable;
import java.io.IOException;

/**
 * The engine stream a log source reads now, closed either by the reader when it is done or by
 * {@code close()} from another thread to cut a follow short: whoever comes first closes it, once.
 */
final class OpenStream {
    private volatile Closeable stream;

    /** The stream just opened (it replaces a closed one). */
    void use(Closeable s) {
        stream = s;
    }

    void close() {
        Closeable s = stream;
        stream = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // The stream is being abandoned anyway.
            }
        }
    }
}
