package edm.console.docker;

import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.EngineEvent;
import edm.console.core.EngineInfo;
import edm.console.core.ImageMetadata;
import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The questions the console asks the engine without changing anything: what {@link ContainerGateway} reads.
 * Two implementations: {@link LeanEngine} (the JDK's socket channel and jackson-core, for unix:// and plain
 * tcp://) and docker-java's ({@link DockerJavaOps#reads}) for what the lean one cannot serve (TLS).
 * Failures are {@link EngineException}s with a one-line reason.
 */
interface EngineReads {
    void ping();

    ContainerGateway.EngineVersion version();

    /** What the engine says of its host (GET /info). */
    EngineInfo info();

    /** All containers, images shown by name where the engine lists an id. */
    List<ContainerInfo> listContainers();

    ContainerGateway.Inspected enrich(ContainerInfo listed);

    ContainerDetail inspect(String idOrName);

    /** The container's name (no slash); throws when the engine cannot say. */
    String name(String id);

    Optional<ContainerGateway.NamedContainer> findByName(String name);

    CpuMemorySample stats(String id);

    Closeable subscribeEvents(Instant since, Consumer<EngineEvent> onEvent, Consumer<Throwable> onEnd);

    Closeable logs(String id, Instant since, int tail, boolean follow, ContainerGateway.LogChunks sink);

    /**
     * An image's config and layer history. docker-java has no history command, so over its transport (TLS
     * endpoints) this says it cannot, and the rules that need it say UNKNOWN.
     */
    default ImageMetadata imageMetadata(String ref) {
        throw new EngineException("image history of " + ref + ": not read over this endpoint (only unix:// and tcp://)", null);
    }

    /**
     * {@code GET path} parsed as {@link EngineJson} values, for answers read outside this package (swarm's
     * services, tasks, nodes). Over docker-java's transport (TLS endpoints) it says it cannot.
     */
    default Object getJson(String what, String path) {
        throw new EngineException(what + ": not read over this endpoint (only unix:// and tcp://)", null);
    }

    /** A log-like stream of {@code GET path}: {@code onOpen} once the engine answered 200, then chunks, then one end. */
    default Closeable stream(String what, String path, boolean multiplexed, Runnable onOpen, ContainerGateway.LogChunks sink) {
        throw new EngineException(what + ": not read over this endpoint (only unix:// and tcp://)", null);
    }

    /** Ends the streams still open (the gateway is closing). */
    default void closeStreams() {
    }
}
