package edm.console.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the Docker engine is reachable. endpoint is what we talk to (e.g. unix:///var/run/docker.sock);
 * apiVersion is the negotiated API version when connected; error is a one-line reason when not.
 * silentSince is set when the engine is there but does not answer (hung, SIGSTOPed): since when it has
 * been silent, so that the console can say for how long; null otherwise.
 */
public record EngineStatus(boolean connected, String endpoint, String apiVersion, String engineVersion,
                           String error, Instant since, Instant nextRetry, Instant silentSince) {

    public static EngineStatus connecting(String endpoint, Instant now) {
        return new EngineStatus(false, endpoint, "", "", "", now, null, null);
    }

    public static EngineStatus up(String endpoint, String apiVersion, String engineVersion, Instant now) {
        return new EngineStatus(true, endpoint, apiVersion, engineVersion, "", now, null, null);
    }

    public static EngineStatus down(String endpoint, String error, Instant now, Instant nextRetry) {
        return new EngineStatus(false, endpoint, "", "", error, now, nextRetry, null);
    }

    /** The engine accepted requests but answered none since {@code silentSince}. */
    public static EngineStatus notAnswering(String endpoint, String error, Instant silentSince, Instant now,
                                            Instant nextRetry) {
        return new EngineStatus(false, endpoint, "", "", error, now, nextRetry, silentSince);
    }

    public boolean everFailed() {
        return !connected && !error.isEmpty();
    }

    public boolean notAnswering() {
        return !connected && silentSince != null;
    }

    /** Whole seconds the engine has been silent at {@code now} (0 when it is not silent). */
    public long silentSeconds(Instant now) {
        return silentSince == null ? 0 : Math.max(0, Duration.between(silentSince, now).toSeconds());
    }
}
