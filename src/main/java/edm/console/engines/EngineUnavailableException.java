package edm.console.engines;

/** An engine that cannot be opened: its one-line message says why (ssh's own words, a config's problem, silence). */
public final class EngineUnavailableException extends RuntimeException {
    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
