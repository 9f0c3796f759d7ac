package edm.console.logs;

import java.io.Closeable;
import java.time.Instant;
import java.util.Map;

/**
 * What a swarm service's log source needs from the engine; the app wires it to the swarm reads, tests to a
 * fake. Calls may throw a RuntimeException with a one-line message when the engine fails.
 */
public interface ServiceLogApi {
    /** The service's tasks by id, each with the name its lines are tagged with ({@code web.1}). */
    Map<String, String> taskNames(String service);

    /**
     * Streams the service's logs across its tasks, each line {@code <RFC 3339 time> <details> <text>} where the
     * details name the task ({@code com.docker.swarm.task.id=...}): lines since {@code since} (null: all), at
     * most the last {@code tail} (negative: all), then new ones while {@code follow}. {@code onOpen} runs when
     * the engine has answered (the stream is really open); chunks arrive on a foreign thread; {@code end} once.
     */
    Closeable stream(String service, Instant since, int tail, boolean follow, Runnable onOpen,
                     ContainerLogApi.ChunkHandler handler);
}
