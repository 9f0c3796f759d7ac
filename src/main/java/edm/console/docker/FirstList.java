package edm.console.docker;

import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container list for the console's first frame, read straight over the local engine's unix socket.
 * <p>
 * Why not through {@link ContainerGateway}: docker-java with httpclient5 loads some 1,500 classes before
 * its first request (its connection manager sets up TLS even for a unix socket), which cost the first
 * frame about half a second of CPU. This asks the same two questions ({@code GET /version}, {@code GET
 * /containers/json?all=1}) through the lean client the monitor's reads use too ({@link LeanEngine}), without
 * the image names of containers created by id (one more request each: the monitor's list fills them in). Only for the first frame: the monitor's list (with
 * inspect, events and stats) replaces it a moment later; anything unusual here (another endpoint, an
 * error status, a slow engine) just means the first frame waits for the monitor as before.
 */
public final class FirstList {
    private FirstList() {
    }

    /**
     * The engine's list as a snapshot, or empty when the endpoint is not a local unix socket.
     *
     * @throws EngineException when the engine cannot be reached or answers with an error
     * @throws EngineNotAnsweringException when it does not answer within {@code deadline}
     */
    public static Optional<ContainersSnapshot> read(String endpoint, Duration deadline, List<String> preferredNames, Clock clock) {
        if (!endpoint.startsWith("unix://")) {
            return Optional.empty();
        }
        EngineHttp http = EngineHttp.forEndpoint(endpoint, Map.of()).orElseThrow();
        long until = System.nanoTime() + deadline.toNanos();
        try {
            Map<?, ?> version = EngineJson.object(EngineJson.parse(http.get("/version", left(until, deadline), 1 << 20)));
            List<ContainerInfo> listed = JsonContainers.containers(EngineJson.parse(
                    http.get("/containers/json?all=1", left(until, deadline), EngineHttp.MAX_BYTES)));
            EngineStatus up = EngineStatus.up(endpoint, EngineJson.text(version.get("ApiVersion")),
                    EngineJson.text(version.get("Version")), clock.now());
            return Optional.of(new ContainersSnapshot(up, ContainerGateway.sortForDisplay(listed, preferredNames), Map.of(),
                    clock.now()));
        } catch (EngineNotAnsweringException e) {
            throw new EngineNotAnsweringException(deadline, e);
        } catch (IOException e) {
            throw EngineException.of("list containers", e);
        }
    }

    /** What is left of one deadline for both requests. */
    private static Duration left(long untilNanos, Duration deadline) {
        long left = untilNanos - System.nanoTime();
        if (left <= 0) {
            throw new EngineNotAnsweringException(deadline, null);
        }
        return Duration.ofNanos(left);
    }
}
