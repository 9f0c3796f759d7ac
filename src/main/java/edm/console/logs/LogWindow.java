package edm.console.logs;

import java.time.Instant;

/**
 * What to read first and whether to keep following: lines since {@code since} (null: no limit), at most
 * the last {@code tail} of them (0 or less: no limit), then new lines while {@code follow}.
 */
public record LogWindow(Instant since, int tail, boolean follow) {
    public static LogWindow lastLines(int n, boolean follow) {
        return new LogWindow(null, n, follow);
    }
}
