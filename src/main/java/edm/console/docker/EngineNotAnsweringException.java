package edm.console.docker;

import java.time.Duration;

/**
 * The engine accepted the request but did not answer within the deadline (a hung or SIGSTOPed daemon,
 * or one too busy to answer). Distinct from "unreachable": the socket is there, the engine is not.
 */
public final class EngineNotAnsweringException extends RuntimeException {
    private final Duration waited;

    public EngineNotAnsweringException(Duration waited, Throwable cause) {
        super("Docker engine not answering (" + waited.toSeconds() + " s)", cause);
        this.waited = waited;
    }

    /** How long the call waited for an answer. */
    public Duration waited() {
        return waited;
    }
}
