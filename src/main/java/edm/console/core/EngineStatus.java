package edm.console.core;

import java.time.Instant;

/**
 * Whether the Docker engine is reachable. endpoint is what we talk to (e.g. unix:///var/run/docker.sock);
 * apiVersion is the negotiated API version when connected; error is a one-line reason when not.
 */
public record EngineStatus(boolean connected, String endpoint, String apiVersion, String engineVersion,
                           String error, Instant since, Instant nextRetry) {

    public static EngineStatus connecting(String endpoint, Instant now) {
        return new EngineStatus(false, endpoint, "", "", "", now, null);
    }

    public static EngineStatus up(String endpoint, String apiVersion, String engineVersion, Instant now) {
        return new EngineStatus(true, endpoint, apiVersion, engineVersion, "", now, null);
    }

    public static EngineStatus down(String endpoint, String error, Instant now, Instant nextRetry) {
        return new EngineStatus(false, endpoint, "", "", error, now, nextRetry);
    }

    public boolean everFailed() {
        return !connected && !error.isEmpty();
    }
}
