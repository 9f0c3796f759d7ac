package edm.console.logs;

import java.io.Closeable;
import java.time.Instant;
import java.util.Optional;

/**
 * What container log sources need from the engine; the app wires it to the docker adapter, tests to a
 * fake. Calls may throw a RuntimeException with a one-line message when the engine fails.
 */
public interface ContainerLogApi {
    /** The container that carries {@code name} now; empty when there is none. */
    Optional<ContainerRef> find(String name);

    /**
     * Streams a container's stdout and stderr, each line prefixed with Docker's RFC 3339 timestamp:
     * lines since {@code since} (null: all), at most the last {@code tail} (negative: all; 0: none, that
     * is from the end of the log), then
     * new ones while {@code follow}. Chunks arrive on a foreign thread; {@code end} is called once.
     */
    Closeable stream(String id, Instant since, int tail, boolean follow, ChunkHandler handler);

    /** Identity of one container incarnation: a new id is a re-creation, a new start time a restart. */
    record ContainerRef(String id, boolean running, String startedAt) {
        public String shortId() {
            return id.length() > 12 ? id.substring(0, 12) : id;
        }
    }

    interface ChunkHandler {
        void chunk(boolean stderr, byte[] data, int offset, int length);

        /** The stream ended: null when it simply finished (container stopped, not following). */
        void end(Throwable error);
    }
}
