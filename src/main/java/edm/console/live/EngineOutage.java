package edm.console.live;

import edm.console.core.EngineStatus;
import edm.console.docker.EngineException;
import java.time.Duration;
import java.time.Instant;

/**
 * What an engine failure means for the list and when to ask again. A silent engine (hung, SIGSTOPed)
 * is asked again every second: each attempt itself already waits the full timeout, and the status
 * keeps the time it went silent so the console can say for how long. An engine that refuses (stopped,
 * socket gone) is asked again with a back-off doubling from one second to fifteen. Pure apart from its
 * back-off state: not thread-safe, used under the monitor's state lock.
 */
final class EngineOutage {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    /** Between attempts at a silent engine: each attempt itself already waits the full timeout. */
    static final Duration SILENT_RETRY = Duration.ofSeconds(1);

    private final String endpoint;
    private Duration backoff = FIRST_BACKOFF;

    EngineOutage(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The status to show after {@code failure} of a request that began at {@code asked}, and when to retry. */
    record Verdict(EngineStatus status, Duration retryIn) {
    }

    Verdict failed(RuntimeException failure, Instant asked, EngineStatus was, Instant now) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (EngineException.notAnswering(failure) != null) {
            Instant silentSince = was.notAnswering() ? was.silentSince() : asked;
            return new Verdict(EngineStatus.notAnswering(endpoint, reason, silentSince, now, now.plus(SILENT_RETRY)),
                    SILENT_RETRY);
        }
        Duration delay = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        return new Verdict(EngineStatus.down(endpoint, reason, now, now.plus(delay)), delay);
    }

    /** The engine answered: the next refusal starts the back-off from the beginning. */
    void answered() {
        backoff = FIRST_BACKOFF;
    }
}
