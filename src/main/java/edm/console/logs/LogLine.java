package edm.console.logs;

import java.time.Instant;

/**
 * One sanitised log line, tagged with its source. {@code text} is safe for the terminal (see
 * {@link LogSanitizer}); {@code time} is the line's own timestamp when it has one, else when it was read.
 */
public record LogLine(String source, Origin origin, Instant time, String text, LogLevel level) {
    /** Where the line came from; MARKER and NOTICE lines are the console's own (a switch, a wait). */
    public enum Origin { STDOUT, STDERR, FILE, MARKER, NOTICE }

    /** Rough heap cost, for the buffer's byte limit: object headers plus two bytes a char. */
    public long weight() {
        return 96L + 2L * text.length();
    }

    public boolean own() {
        return origin == Origin.MARKER || origin == Origin.NOTICE;
    }
}
