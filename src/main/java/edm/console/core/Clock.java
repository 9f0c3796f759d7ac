package edm.console.core;

import java.time.Instant;

/** Time source, injectable so that durations and ages can be tested without sleeping. */
@FunctionalInterface
public interface Clock {
    Instant now();

    Clock SYSTEM = Instant::now;
}
