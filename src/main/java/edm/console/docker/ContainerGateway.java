package edm.console.docker;

import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.EngineEvent;
import edm.console.core.EngineInfo;
import edm.console.core.ImageMetadata;
import edm.console.core.NaturalOrder;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's only door to the Docker engine. Every request has a timeout that holds even on a hung engine;
 * failures surface as {@link EngineException} with a one-line reason, never as a transport's types.
 * <p>
 * Reads (ping, version, list, inspect, stats, events, logs) go through {@link LeanEngine} (the JDK's socket
 * channel and jackson-core) wherever it can serve the endpoint (unix://, plain tcp://); writes (start, stop,
 * restart, exec, the deploy operations), and reads on a TLS endpoint, through docker-java ({@link DockerJavaOps}),
 * built on the first call that needs it. This class itself names no docker-java type, so loading it loads none.
 */
public final class ContainerGateway implements AutoCloseable {
    private final String endpoint;
    private final Duration timeout;
    /** A tcp:// engine's own TLS files; null: none (or as the environment or a docker context gives them). */
    private final TlsFiles tls;
    /** Guarded by this. */
    private EngineReads reads;
    private DockerJavaOps ops;
    private boolean closed;

    public ContainerGateway(String endpoint, Duration timeout) {
        this(endpoint, timeout, null);
    }

    /** The gateway of a tcp:// engine that speaks TLS with these files (null: as the two-argument one). */
    public ContainerGateway(String endpoint, Duration timeout, TlsFiles tls) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.tls = tls;
    }

    private synchronized EngineReads reads() {
        if (reads == null) {
            if (closed) {
                throw new EngineException("engine connection closed", null);
            }
            Optional<LeanEngine> lean = tls != null ? Optional.empty() : LeanEngine.forEndpoint(endpoint, timeout);
            reads = lean.isPresent() ? lean.get() : ops().reads();
        }
        return reads;
    }

    private synchronized DockerJavaOps ops() {
        if (ops == null) {
            if (closed) {
                throw new EngineException("engine connection closed", null);
            }
            ops = new DockerJavaOps(endpoint, timeout, tls);
        }
        return ops;
    }

    public String endpoint() {
        return endpoint;
    }

    /** How long one request may wait for the engine's answer. */
    public Duration timeout() {
        return timeout;
    }

    /** The cheapest question the engine answers (GET /_ping): is it there and answering? */
    public void ping() {
        reads().ping();
    }

    /** The engine's versions, as far as the console cares. */
    public record EngineVersion(String apiVersion, String engineVersion) {
    }

    /** API and engine version; throws when the engine does not answer. */
    public EngineVersion version() {
        return reads().version();
    }

    /** What the engine says of its host: name, memory, CPUs (GET /info); throws when it does not answer. */
    public EngineInfo info() {
        return reads().info();
    }

    /** Every container, images by name where the engine lists an id. */
    public List<ContainerInfo> listContainers() {
        return reads().listContainers();
    }

    /** What only inspect knows: health, start time, restart count, and the main process id. */
    public record Inspected(ContainerInfo info, int pid) {
    }

    /** Fills in what only inspect knows: health, start time and restart count. */
    public Inspected enrich(ContainerInfo listed) {
        return reads().enrich(listed);
    }

    public ContainerDetail inspect(String idOrName) {
        return reads().inspect(idOrName);
    }

    /** An image's config and layer history ({@code docker image inspect}, {@code docker history --no-trunc}). */
    public ImageMetadata imageMetadata(String ref) {
        return reads().imageMetadata(ref);
    }

    /** The container's name for messages and records; the id itself when the engine cannot say. */
    public String nameOf(String id) {
        try {
            return reads().name(id);
        } catch (RuntimeException e) {
            return id;
        }
    }

    /** Create-like, rename, remove, state, image and build operations for the deploy workflows. */
    public DeployOps deployOps() {
        return ops().deployOps();
    }

    /** Raw JSON requests to the swarm endpoints (service update with its whole spec, tasks, info). */
    public SwarmCalls swarmCalls() {
        return ops().swarmCalls();
    }

    public void start(String idOrName) {
        ops().start(idOrName);
    }

    /** Stops with the engine's grace period; the HTTP deadline is extended by it. */
    public void stop(String idOrName, int graceSeconds) {
        ops().stop(idOrName, graceSeconds);
    }

    public void restart(String idOrName, int graceSeconds) {
        ops().restart(idOrName, graceSeconds);
    }

    /**
     * Runs {@code argv} in a running container (docker exec) and streams its stdout into {@code stdout} and
     * stderr into {@code stderr}; {@code stdin}, when not null, is fed to the command and must hold exactly
     * {@code stdinBytes} bytes (see {@link ContainerExec} for why the count is needed). {@code env} entries
     * ({@code NAME=value}) are the way to pass secrets: they never appear on a command line. The stopper
     * handed to {@code onCancel} cuts the stream and sends SIGTERM to the command. Returns the exit code.
     */
    public long exec(String container, List<String> argv, List<String> env, InputStream stdin, long stdinBytes,
                     OutputStream stdout, OutputStream stderr, Consumer<Runnable> onCancel) {
        return ops().exec(container, argv, env, stdin, stdinBytes, stdout, stderr, onCancel);
    }

    /**
     * One stats sample (the engine waits for its own second sample, about a second). Returns the raw
     * counters; CPU % is computed by the caller from successive samples.
     */
    public CpuMemorySample stats(String id) {
        return reads().stats(id);
    }

    /**
     * Subscribes to container events. onEvent runs on the stream's own thread; onEnd is called once with
     * the reason when the stream ends by itself (the engine closed it, or it failed), so the caller can
     * reconnect. The stream's headers must come within the timeout; after that it may be silent for ever.
     */
    public Closeable subscribeEvents(Instant since, Consumer<EngineEvent> onEvent, Consumer<Throwable> onEnd) {
        return reads().subscribeEvents(since, onEvent, onEnd);
    }

    /** A container found by name: its id, whether it runs, and when it last started (engine's text). */
    public record NamedContainer(String id, boolean running, String startedAt) {
    }

    /** The container carrying exactly this name now, or empty when there is none. */
    public Optional<NamedContainer> findByName(String name) {
        return reads().findByName(name);
    }

    /** Receives a log stream: raw bytes of stdout or stderr, then one end (null error: finished). */
    public interface LogChunks {
        void chunk(boolean stderr, byte[] data, int offset, int length);

        void end(Throwable error);
    }

    /**
     * Streams a container's logs with Docker's timestamp in front of every line, stdout and stderr
     * kept apart (one stream, as stdout, for a container with a terminal): lines since {@code since} (whole
     * seconds; null: all), at most the last {@code tail} (negative: all; 0: none), then new ones while
     * {@code follow}. No timeout once the stream is open (a quiet container is not an error); close the result
     * to stop.
     */
    public Closeable logs(String id, Instant since, int tail, boolean follow, LogChunks sink) {
        return reads().logs(id, since, tail, follow, sink);
    }

    /**
     * {@code GET path} (an engine API path with its query) parsed as {@link EngineJson} values: maps in the
     * engine's order, lists, strings, numbers, booleans, nulls. For readers of answers this package has no
     * record for (edm.console.swarm); same timeout and one-line errors as every read.
     */
    public Object readJson(String what, String path) {
        return reads().getJson(what, path);
    }

    /**
     * Streams {@code GET path} as a log (frames of stdout and stderr when {@code multiplexed}, else one raw
     * stream): the answer's headers within the timeout, then {@code onOpen} (the stream is really open), then
     * chunks with no timeout until the engine ends it or the result is closed, then one {@code end}.
     */
    public Closeable stream(String what, String path, boolean multiplexed, Runnable onOpen, LogChunks sink) {
        return reads().stream(what, path, multiplexed, onOpen, sink);
    }

    /** Containers sorted: configured (EDM) names first in config order, then the rest in natural order (peer-2 before peer-10). */
    public static List<ContainerInfo> sortForDisplay(List<ContainerInfo> all, List<String> preferredNames) {
        Comparator<ContainerInfo> byPreference = Comparator.comparingInt(c -> {
            int i = preferredNames.indexOf(c.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        return all.stream().sorted(byPreference.thenComparing(ContainerInfo::name, NaturalOrder.INSTANCE)).toList();
    }

    @Override
    public void close() {
        DockerJavaOps o;
        EngineReads r;
        synchronized (this) {
            closed = true;
            o = ops;
            r = reads;
        }
        if (r != null) {
            r.closeStreams();
        }
        if (o != null) {
            o.close();
        }
    }
}
