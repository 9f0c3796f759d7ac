package edm.console.logs;

import java.time.Instant;

/**
 * One request from an nginx-style access log.
 *
 * @param time               the request's time from the log, or null when the line has none
 * @param status             the HTTP status
 * @param requestTimeSeconds {@code $request_time}, or NaN when the log format does not carry it
 */
public record AccessEntry(Instant time, int status, double requestTimeSeconds) {
    public boolean serverError() {
        return status >= 500 && status <= 599;
    }

    public boolean clientError() {
        return status >= 400 && status <= 499;
    }

    public LogLevel level() {
        return serverError() ? LogLevel.ERROR : clientError() ? LogLevel.WARN : LogLevel.INFO;
    }
}
