package edm.console.core;

import java.time.Instant;

/**
 * Work the console finished after its operator's terminal went away (SSH drop, SIGHUP, SIGTERM): what it
 * was, how it ended, who started it and when, so that the next console can say so.
 */
public record UnattendedResult(String what, String subject, boolean ok, String result, String user, String host,
                               Instant started, Instant finished, Instant terminalLostAt) {
}
