package edm.console.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as operators type them: {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}, {@code 1h30m}, or ISO {@code PT15M}. */
public final class DurationText {
    private DurationText() {
    }

    public static Duration parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException(text);
        }
        Duration total = Duration.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i >= s.length()) {
                throw new IllegalArgumentException(text);
            }
            long n = Long.parseLong(s.substring(start, i));
            total = switch (s.charAt(i++)) {
                case 's' -> total.plusSeconds(n);
                case 'm' -> total.plusMinutes(n);
                case 'h' -> total.plusHours(n);
                case 'd' -> total.plusDays(n);
                default -> throw new IllegalArgumentException(text);
            };
        }
        return total;
    }
}
