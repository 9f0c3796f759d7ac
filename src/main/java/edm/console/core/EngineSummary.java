package edm.console.core;

import java.time.Instant;

/**
 * One row of the hosts view: an engine by its configured name, whether the last poll reached it (and why not),
 * its containers, and what it says of its host. Counts are only meaningful when {@link #reach} is UP.
 *
 * @param why       one line: why the engine could not be read (empty when it was)
 * @param firing    firing alerts about this engine that nobody acknowledged
 * @param info      what the engine says of its host, or null when it did not answer
 * @param checkedAt when the last poll ended, or null before the first one
 */
public record EngineSummary(String name, String endpoint, Reach reach, String why, int running, int total,
                            int unhealthy, long firing, EngineInfo info, Instant checkedAt) {
    public enum Reach { CHECKING, UP, DOWN, NOT_ANSWERING }

    public EngineSummary {
        why = why == null ? "" : why;
    }

    /** Before the first poll has ended. */
    public static EngineSummary checking(String name, String endpoint) {
        return new EngineSummary(name, endpoint, Reach.CHECKING, "", 0, 0, 0, 0, null, null);
    }

    public EngineSummary withFiring(long count) {
        return new EngineSummary(name, endpoint, reach, why, running, total, unhealthy, count, info, checkedAt);
    }
}
