package edm.console.live;

import edm.console.docker.ContainerGateway;
import edm.console.logs.ContainerLogApi;
import java.io.Closeable;
import java.time.Instant;
import java.util.Optional;

/** Container log sources talking to the engine through the docker adapter. */
public final class GatewayLogApi implements ContainerLogApi {
    private final ContainerGateway gateway;

    public GatewayLogApi(ContainerGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Optional<ContainerRef> find(String name) {
        return gateway.findByName(name).map(c -> new ContainerRef(c.id(), c.running(), c.startedAt()));
    }

    @Override
    public Closeable stream(String id, Instant since, int tail, boolean follow, ChunkHandler handler) {
        return gateway.logs(id, since, tail, follow, new ContainerGateway.LogChunks() {
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
