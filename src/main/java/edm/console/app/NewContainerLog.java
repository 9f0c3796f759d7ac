package edm.console.app;

import edm.console.core.Secrets;
import edm.console.logs.ContainerLogApi;
import edm.console.logs.LogSanitizer;
import edm.console.logs.LogTimestamps;
import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Follows the log of the container a deploy brings up, from when it first runs, for the guided dialog's
 * log tail: sanitised (control sequences, over-long lines), secrets in URLs masked, Docker's timestamp cut.
 * The container is found by its temporary name after it was created and kept by id (it is renamed later).
 */
final class NewContainerLog implements AutoCloseable {
    private static final int TAIL = 50;
    private static final int MAX_LINE = 400;

    private final ContainerLogApi api;
    private final Consumer<String> lines;
    private String id;
    private Closeable stream;
    private boolean closed;

    NewContainerLog(ContainerLogApi api, Consumer<String> lines, String knownId) {
        this.api = api;
        this.lines = lines;
        this.id = knownId;
    }

    /** After each step: learn the new container's id by its temporary name, follow it once it runs. */
    synchronized void look(String tempName) {
        if (closed || stream != null) {
            return;
        }
        try {
            if (id == null) {
                id = api.find(tempName).map(ContainerLogApi.ContainerRef::id).orElse(null);
            }
            if (id == null || api.find(id).map(c -> !c.running()).orElse(true)) {
                return;
            }
            LogSanitizer out = new LogSanitizer(MAX_LINE, this::line);
            LogSanitizer err = new LogSanitizer(MAX_LINE, this::line);
            stream = api.stream(id, null, TAIL, true, new ContainerLogApi.ChunkHandler() {
                @Override
                public void chunk(boolean stderr, byte[] data, int offset, int length) {
                    (stderr ? err : out).feed(data, offset, length);
                }

                @Override
                public void end(Throwable error) {
                    out.flush();
                    err.flush();
                }
            });
        } catch (RuntimeException e) {
            // The log tail is a help while watching; the workflow's own checks decide.
        }
    }

    private void line(String text) {
        LogTimestamps.Prefixed p = LogTimestamps.dockerPrefix(text);
        lines.accept(Secrets.maskUrlPasswords(p == null ? text : text.substring(p.textStart())));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the stream ends with the run either way
            }
        }
    }
}
