package edm.console.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Version;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.EngineEvent;
import edm.console.core.EngineInfo;
import edm.console.core.HealthStatus;
import edm.console.core.ImageRef;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The reads through docker-java: for endpoints {@link LeanEngine} cannot serve (TLS), and as its reference in the IT. */
final class DockerJavaReads implements EngineReads {
    private final DockerJavaOps ops;
    private final Duration timeout;

    DockerJavaReads(DockerJavaOps ops, Duration timeout) {
        this.ops = ops;
        this.timeout = timeout;
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw EngineException.of(what, e);
        }
    }

    @Override
    public void ping() {
        call("ping", () -> {
            ops.requests().pingCmd().exec();
            return null;
        });
    }

    @Override
    public ContainerGateway.EngineVersion version() {
        Version v = call("version", () -> ops.requests().versionCmd().exec());
        return new ContainerGateway.EngineVersion(v.getApiVersion(), v.getVersion());
    }

    @Override
    public EngineInfo info() {
        Info i = call("info", () -> ops.requests().infoCmd().exec());
        return new EngineInfo(i.getName(), i.getMemTotal() == null ? -1 : i.getMemTotal(),
                i.getNCPU() == null ? -1 : i.getNCPU(), i.getServerVersion(), i.getOperatingSystem());
    }

    @Override
    public List<ContainerInfo> listContainers() {
        List<Container> raw = call("list containers", () -> ops.requests().listContainersCmd().withShowAll(true).exec());
        List<ContainerInfo> out = new ArrayList<>(raw.size());
        for (Container c : raw) {
            ContainerInfo info = ContainerMapper.fromList(c);
            out.add(ImageRef.isId(info.image()) ? info.withImage(ImageNames.readable(ops.requests(), info.image(), c.getImageId())) : info);
        }
        return out;
    }

    private InspectContainerResponse inspectRaw(String idOrName) {
        return call("inspect " + idOrName, () -> ops.requests().inspectContainerCmd(idOrName).exec());
    }

    @Override
    public ContainerGateway.Inspected enrich(ContainerInfo listed) {
        InspectContainerResponse r = inspectRaw(listed.id());
        InspectContainerResponse.ContainerState s = r.getState();
        HealthStatus health = s == null || s.getHealth() == null ? HealthStatus.NONE : HealthStatus.parse(s.getHealth().getStatus());
        Instant started = s == null ? null : ContainerRows.parseTime(s.getStartedAt());
        int restarts = r.getRestartCount() == null ? -1 : r.getRestartCount();
        int pid = s == null || s.getPid() == null ? 0 : s.getPid();
        return new ContainerGateway.Inspected(listed.withHealthAndRestarts(health, started, restarts), pid);
    }

    @Override
    public ContainerDetail inspect(String idOrName) {
        ContainerDetail d = ContainerMapper.toDetail(inspectRaw(idOrName));
        ContainerInfo s = d.summary();
        return ImageRef.isId(s.image()) ? d.withSummary(s.withImage(ImageNames.readable(ops.requests(), s.image(), d.imageId()))) : d;
    }

    @Override
    public String name(String id) {
        String n = inspectRaw(id).getName();
        return n == null ? id : ContainerRows.stripSlash(n);
    }

    @Override
    public Optional<ContainerGateway.NamedContainer> findByName(String name) {
        InspectContainerResponse r;
        try {
            r = ops.requests().inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw EngineException.of("inspect " + name, e);
        }
        InspectContainerResponse.ContainerState s = r.getState();
        boolean running = s != null && Boolean.TRUE.equals(s.getRunning());
        String started = s == null || s.getStartedAt() == null ? "" : s.getStartedAt();
        return Optional.of(new ContainerGateway.NamedContainer(r.getId(), running, started));
    }

    @Override
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
        try (ResultCallback.Adapter<Statistics> running = ops.requests().statsCmd(id).withNoStream(true).exec(cb)) {
            Statistics s = result.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
            return sample(s);
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

    static CpuMemorySample sample(Statistics s) {
        long cpu = 0;
        long sys = 0;
        int cpus = 1;
        if (s.getCpuStats() != null) {
            if (s.getCpuStats().getCpuUsage() != null && s.getCpuStats().getCpuUsage().getTotalUsage() != null) {
                cpu = s.getCpuStats().getCpuUsage().getTotalUsage();
            }
            if (s.getCpuStats().getSystemCpuUsage() != null) {
                sys = s.getCpuStats().getSystemCpuUsage();
            }
            if (s.getCpuStats().getOnlineCpus() != null) {
                cpus = s.getCpuStats().getOnlineCpus().intValue();
            }
        }
        long preCpu = 0;
        long preSys = 0;
        if (s.getPreCpuStats() != null) {
            if (s.getPreCpuStats().getCpuUsage() != null && s.getPreCpuStats().getCpuUsage().getTotalUsage() != null) {
                preCpu = s.getPreCpuStats().getCpuUsage().getTotalUsage();
            }
            if (s.getPreCpuStats().getSystemCpuUsage() != null) {
                preSys = s.getPreCpuStats().getSystemCpuUsage();
            }
        }
        long used = 0;
        long limit = 0;
        if (s.getMemoryStats() != null) {
            used = s.getMemoryStats().getUsage() == null ? 0 : s.getMemoryStats().getUsage();
            // Like `docker stats`: page cache is not "used" memory.
            if (s.getMemoryStats().getStats() != null) {
                Long cache = s.getMemoryStats().getStats().getTotalInactiveFile();
                if (cache == null) {
                    cache = s.getMemoryStats().getStats().getInactiveFile();
                }
                if (cache != null && cache < used) {
                    used -= cache;
                }
            }
            limit = s.getMemoryStats().getLimit() == null ? 0 : s.getMemoryStats().getLimit();
        }
        return new CpuMemorySample(cpu, sys, Math.max(1, cpus), preCpu, preSys, used, limit, Instant.now());
    }

    @Override
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
        var cmd = ops.streams().eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(EngineEvent.WATCHED_ACTIONS.toArray(String[]::new));
        if (since != null) {
            cmd = cmd.withSince(Long.toString(since.getEpochSecond()));
        }
        return cmd.exec(cb);
    }

    @Override
    public Closeable logs(String id, Instant since, int tail, boolean follow, ContainerGateway.LogChunks sink) {
        ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame f) {
                byte[] p = f.getPayload();
                if (p != null && p.length > 0) {
                    sink.chunk(f.getStreamType() == StreamType.STDERR, p, 0, p.length);
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
        var cmd = ops.streams().logContainerCmd(id).withStdOut(true).withStdErr(true).withTimestamps(true)
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
}
