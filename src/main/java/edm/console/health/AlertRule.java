package edm.console.health;

import edm.console.core.ProbeResult;
import edm.console.core.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rule: for each probe result it may report a breach (a message with the measured value); an alert
 * fires only when the breach has held for {@code holdFor}.
 */
public record AlertRule(String id, Severity severity, Duration holdFor, Function<ProbeResult, Optional<String>> breach) {

    /** One breach: which subject, and the message with the measured value. */
    public record Breach(String subject, String message) {
    }

    public List<Breach> evaluate(List<ProbeResult> results) {
        return results.stream()
                .flatMap(r -> breach.apply(r).map(msg -> new Breach(r.target(), msg)).stream())
                .toList();
    }
}
