package edm.console.core;

import java.time.Instant;

/**
 * One line of the incident timeline: an alert firing or resolving, a Docker event that matters, or
 * something the console itself did. text is already free of secrets.
 */
public record TimelineEntry(Instant time, Source source, Level level, String subject, String text) {
    public enum Source { ALERT, DOCKER, CONSOLE }

    public enum Level { INFO, WARNING, CRITICAL }
}
