package edm.console.logs;

import java.util.Locale;
import java.util.Optional;

/** How serious a log line is, as far as the console can tell. NONE: no level recognised. */
public enum LogLevel {
    NONE, DEBUG, INFO, WARN, ERROR;

    public boolean atLeast(LogLevel min) {
        return ordinal() >= min.ordinal();
    }

    /** "error", "warn", "warning", "info", "debug" (any case) for --level and config. */
    public static Optional<LogLevel> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error", "err" -> Optional.of(ERROR);
            case "warn", "warning" -> Optional.of(WARN);
            case "info" -> Optional.of(INFO);
            case "debug" -> Optional.of(DEBUG);
            default -> Optional.empty();
        };
    }
}
