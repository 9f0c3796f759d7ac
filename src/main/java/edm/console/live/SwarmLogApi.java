package edm.console.live;

import edm.console.docker.ContainerGateway;
import edm.console.logs.ContainerLogApi;
import edm.console.logs.ServiceLogApi;
import edm.console.swarm.SwarmNode;
import edm.console.swarm.SwarmReads;
import edm.console.swarm.SwarmTask;
import java.io.Closeable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Swarm services' log sources talking to the engine through the swarm reads. */
public final class SwarmLogApi implements ServiceLogApi {
    private final SwarmReads reads;

    public SwarmLogApi(SwarmReads reads) {
        this.reads = reads;
    }

    @Override
    public Map<String, String> taskNames(String service) {
        List<SwarmTask> tasks = reads.tasksOf(service);
        Map<String, String> hostnames = new HashMap<>();
        if (tasks.stream().anyMatch(t -> t.slot() == 0)) {
            // A global service's tasks are named by their node: its hostname, not its id.
            for (SwarmNode n : reads.nodes()) {
                hostnames.put(n.id(), n.hostname());
            }
        }
        Map<String, String> out = new HashMap<>();
        for (SwarmTask t : tasks) {
            SwarmTask named = hostnames.containsKey(t.nodeId()) ? t.withNode(hostnames.get(t.nodeId())) : t;
            out.put(t.id(), named.displayName(service));
        }
        return out;
    }

    @Override
    public Closeable stream(String service, Instant since, int tail, boolean follow, Runnable onOpen,
                            ContainerLogApi.ChunkHandler handler) {
        return reads.logs(service, since, tail, follow, onOpen, new ContainerGateway.LogChunks() {
            @Override
            public void chunk(boolean stderr, byte[] data, int offset, int length) {
                handler.chunk(stderr, data, offset, length);
            }

            @Override
            public void end(Throwable error) {
                handler.end(error);
            }
        });
    }
}
