package edm.console.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Version;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.EngineEvent;
import edm.console.core.HealthStatus;
import edm.console.core.ImageRef;
import edm.console.core.NaturalOrder;
import edm.console.core.PortMapping;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The console's only door to the Docker engine. Every request has a timeout (transport response
 * timeout plus an overall deadline for streamed one-shots); failures surface as {@link EngineException}
 * with a one-line reason, never as docker-java types.
 */
public final class ContainerGateway implements AutoCloseable {
    private final String endpoint;
    private final Duration timeout;
    /**
     * Built on first use: docker-java with httpclient5 (and its TLS set-up, even for a unix socket) is a
     * few hundred classes the console's first frame does not need. Guarded by this.
     */
    private DockerClient requestsClient;
    private DockerClient streamsClient;
    private boolean closed;

    public ContainerGateway(String endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    private synchronized DockerClient requests() {
        if (requestsClient == null) {
            if (closed) {
                throw new EngineException("engine connection closed", null);
            }
            requestsClient = DockerClients.requests(endpoint, timeout);
        }
        return requestsClient;
    }

    private synchronized DockerClient streams() {
        if (streamsClient == null) {
            if (closed) {
                throw new EngineException("engine connection closed", null);
            }
            streamsClient = DockerClients.streams(endpoint, timeout);
        }
        return streamsClient;
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
        call("ping", () -> requests().pingCmd().exec());
    }

    /** The engine's versions, as far as the console cares. */
    public record EngineVersion(String apiVersion, String engineVersion) {
    }

    /** API and engine version; throws when the engine does not answer. */
    public EngineVersion version() {
        Version v = call("version", () -> requests().versionCmd().exec());
        return new EngineVersion(v.getApiVersion(), v.getVersion());
    }

    public List<ContainerInfo> listContainers() {
        List<Container> raw = call("list containers", () -> requests().listContainersCmd().withShowAll(true).exec());
        List<ContainerInfo> out = new ArrayList<>(raw.size());
        for (Container c : raw) {
            ContainerInfo info = ContainerMapper.fromList(c);
            // Created by id (or its tag has moved on): the engine lists the id; show the image's tag instead.
            out.add(ImageRef.isId(info.image()) ? info.withImage(ImageNames.readable(requests(), info.image(), c.getImageId())) : info);
        }
        return out;
    }

    /** What only inspect knows: health, start time, restart count, and the main process id. */
    public record Inspected(ContainerInfo info, int pid) {
    }

    /** Fills in what only inspect knows: health, start time and restart count. */
    public Inspected enrich(ContainerInfo listed) {
        InspectContainerResponse r = inspectRaw(listed.id());
        InspectContainerResponse.ContainerState s = r.getState();
        HealthStatus health = s == null || s.getHealth() == null ? HealthStatus.NONE : HealthStatus.parse(s.getHealth().getStatus());
        Instant started = s == null ? null : ContainerMapper.parseTime(s.getStartedAt());
        int restarts = r.getRestartCount() == null ? -1 : r.getRestartCount();
        int pid = s == null || s.getPid() == null ? 0 : s.getPid();
        return new Inspected(listed.withHealthAndRestarts(health, started, restarts), pid);
    }

    public ContainerDetail inspect(String idOrName) {
        ContainerDetail d = ContainerMapper.toDetail(inspectRaw(idOrName));
        ContainerInfo s = d.summary();
        return ImageRef.isId(s.image()) ? d.withSummary(s.withImage(ImageNames.readable(requests(), s.image(), d.imageId()))) : d;
    }

    private InspectContainerResponse inspectRaw(String idOrName) {
        return call("inspect " + idOrName, () -> requests().inspectContainerCmd(idOrName).exec());
    }

    /** The container's name for messages and records; the id itself when the engine cannot say. */
    public String nameOf(String id) {
        try {
            String n = inspectRaw(id).getName();
            return n == null ? id : n.startsWith("/") ? n.substring(1) : n;
        } catch (RuntimeException e) {
            return id;
        }
    }

    /** Create-like, rename, remove, state, image and build operations for the deploy workflows. */
    public DeployOps deployOps() {
        return new DeployOps(requests(), streams());
    }

    public void start(String idOrName) {
        call("start " + idOrName, () -> requests().startContainerCmd(idOrName).exec());
    }

    /** Stops with the engine's grace period; the HTTP deadline is extended by it. */
    public void stop(String idOrName, int graceSeconds) {
        withLongDeadline(graceSeconds, "stop " + idOrName,
                c -> c.stopContainerCmd(idOrName).withTimeout(graceSeconds).exec());
    }

    public void restart(String idOrName, int graceSeconds) {
        withLongDeadline(graceSeconds, "restart " + idOrName,
                c -> c.restartContainerCmd(idOrName).withTimeout(graceSeconds).exec());
    }

    /**
     * Runs {@code argv} in a running container (docker exec) and streams its stdout into {@code stdout} and
     * stderr into {@code stderr}; {@code stdin}, when not null, is fed to the command and must hold exactly
     * {@code stdinBytes} bytes (see {@link ContainerExec} for why the count is needed). {@code env} entries
     * ({@code NAME=value}) are the way to pass secrets: they never appear on a command line. The stopper
     * handed to {@code onCancel} cuts the stream and sends SIGTERM to the command. Returns the exit code.
     */
    public long exec(String container, java.util.List<String> argv, java.util.List<String> env, java.io.InputStream stdin,
                     long stdinBytes, java.io.OutputStream stdout, java.io.OutputStream stderr, Consumer<Runnable> onCancel) {
        return new ContainerExec(streams(), requests()).run(container, argv, env, stdin, stdinBytes, stdout, stderr, onCancel);
    }

    /**
     * One stats sample (the engine waits for its own second sample, about a second). Returns the raw
     * counters; CPU % is computed by the caller from successive samples.
     */
    public CpuMemorySample stats(String id) {
        CompletableFuture<Statistics> result = new CompletableFuture<>();
        ResultCallback.Adapter<Statistics> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics s) {
                result.complete(s);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.completeExceptionally(new IOException("stats stream ended without a sample"));
            }
        };
        try (ResultCallback.Adapter<Statistics> running = requests().statsCmd(id).withNoStream(true).exec(cb)) {
            Statistics s = result.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
            return CpuMemorySample.from(s);
        } catch (TimeoutException e) {
            throw EngineException.of("stats " + id, new EngineNotAnsweringException(timeout, e));
        } catch (ExecutionException e) {
            throw EngineException.of("stats " + id, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("stats " + id + ": interrupted", e);
        } catch (IOException e) {
            throw EngineException.of("stats " + id, e);
        }
    }

    /**
     * Subscribes to container events. onEvent runs on docker-java's thread; onEnd is called once with
     * the reason (null for a clean close) when the stream ends, so the caller can reconnect.
     */
    public Closeable subscribeEvents(Instant since, Consumer<EngineEvent> onEvent, Consumer<Throwable> onEnd) {
        ResultCallback.Adapter<Event> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event e) {
                if (e == null || e.getType() != EventType.CONTAINER) {
                    return;
                }
                Map<String, String> attrs = e.getActor() == null || e.getActor().getAttributes() == null
                        ? Map.of() : e.getActor().getAttributes();
                Instant t = e.getTimeNano() != null ? Instant.ofEpochSecond(0, e.getTimeNano())
                        : Instant.ofEpochSecond(Objects.requireNonNullElse(e.getTime(), 0L));
                onEvent.accept(new EngineEvent(t, e.getId(), attrs.getOrDefault("name", ""), e.getAction()));
            }

            @Override
            public void onError(Throwable t) {
                onEnd.accept(t);
            }

            @Override
            public void onComplete() {
                onEnd.accept(new IOException("event stream closed by the engine"));
            }
        };
        var cmd = streams().eventsCmd().withEventTypeFilter(EventType.CONTAINER);
        if (since != null) {
            cmd = cmd.withSince(Long.toString(since.getEpochSecond()));
        }
        return cmd.exec(cb);
    }

    /** A container found by name: its id, whether it runs, and when it last started (engine's text). */
    public record NamedContainer(String id, boolean running, String startedAt) {
    }

    /** The container carrying exactly this name now, or empty when there is none. */
    public java.util.Optional<NamedContainer> findByName(String name) {
        InspectContainerResponse r;
        try {
            r = requests().inspectContainerCmd(name).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return java.util.Optional.empty();
        } catch (Exception e) {
            throw EngineException.of("inspect " + name, e);
        }
        InspectContainerResponse.ContainerState s = r.getState();
        boolean running = s != null && Boolean.TRUE.equals(s.getRunning());
        String started = s == null || s.getStartedAt() == null ? "" : s.getStartedAt();
        return java.util.Optional.of(new NamedContainer(r.getId(), running, started));
    }

    /** Receives a log stream: raw bytes of stdout or stderr, then one end (null error: finished). */
    public interface LogChunks {
        void chunk(boolean stderr, byte[] data, int offset, int length);

        void end(Throwable error);
    }

    /**
     * Streams a container's logs with Docker's timestamp in front of every line, stdout and stderr
     * kept apart: lines since {@code since} (whole seconds; null: all), at most the last {@code tail}
     * (negative: all; 0: none), then new ones while {@code follow}. Runs on the streaming client (no response
     * timeout: a quiet container is not an error); close the result to stop.
     */
    public Closeable logs(String id, Instant since, int tail, boolean follow, LogChunks sink) {
        ResultCallback.Adapter<com.github.dockerjava.api.model.Frame> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame f) {
                byte[] p = f.getPayload();
                if (p != null && p.length > 0) {
                    sink.chunk(f.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR, p, 0, p.length);
                }
            }

            @Override
            public void onError(Throwable t) {
                sink.end(EngineException.of("logs " + id, t));
            }

            @Override
            public void onComplete() {
                sink.end(null);
            }
        };
        var cmd = streams().logContainerCmd(id).withStdOut(true).withStdErr(true).withTimestamps(true)
                .withFollowStream(follow);
        if (since != null) {
            cmd = cmd.withSince((int) Math.max(0, since.getEpochSecond()));
        }
        if (tail >= 0) {
            cmd = cmd.withTail(tail); // 0: none of the history, follow from the end
        }
        try {
            return cmd.exec(cb);
        } catch (Exception e) {
            throw EngineException.of("logs " + id, e);
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private interface VoidCall {
        void run(DockerClient c) throws Exception;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw EngineException.of(what, e);
        }
    }

    private void call(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    private void withLongDeadline(int graceSeconds, String what, VoidCall call) {
        try (DockerClient longer = DockerClients.requests(endpoint, timeout.plusSeconds(graceSeconds + 5L))) {
            call.run(longer);
        } catch (Exception e) {
            throw EngineException.of(what, e);
        }
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
        DockerClient r;
        DockerClient st;
        synchronized (this) {
            closed = true;
            r = requestsClient;
            st = streamsClient;
        }
        try {
            if (r != null) {
                r.close();
            }
            if (st != null) {
                st.close();
            }
        } catch (IOException ignored) {
            // Closing sockets of a client we are abandoning; nothing useful to do.
        }
    }

    static PortMapping toPort(ContainerPort p) {
        return new PortMapping(p.getIp() == null ? "" : p.getIp(),
                p.getPublicPort() == null ? 0 : p.getPublicPort(),
                p.getPrivatePort() == null ? 0 : p.getPrivatePort(),
                p.getType() == null ? "tcp" : p.getType());
    }

    static ContainerStatus status(String state) {
        return ContainerStatus.parse(state);
    }
}
