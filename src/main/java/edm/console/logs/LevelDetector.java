package edm.console.logs;

import java.util.Locale;
import java.util.Map;

/**
 * Recognises the level of a line in the formats the stack writes: {@code ERROR}/{@code WARN}/...
 * as a word in capitals (Java, Python, Go), in brackets ({@code [error]} of nginx), as
 * {@code level=warn} (logfmt) or {@code "level":"error"} (JSON); and for access logs, the status
 * class (5xx error, 4xx warning). Lower-case words in running text ("no error") do not count.
 */
public final class LevelDetector {
    private static final int SCAN_CHARS = 200;
    private static final Map<String, LogLevel> WORDS = Map.ofEntries(
            Map.entry("ERROR", LogLevel.ERROR), Map.entry("ERR", LogLevel.ERROR), Map.entry("FATAL", LogLevel.ERROR),
            Map.entry("CRIT", LogLevel.ERROR), Map.entry("CRITICAL", LogLevel.ERROR), Map.entry("PANIC", LogLevel.ERROR),
            Map.entry("ALERT", LogLevel.ERROR), Map.entry("EMERG", LogLevel.ERROR), Map.entry("SEVERE", LogLevel.ERROR),
            Map.entry("WARN", LogLevel.WARN), Map.entry("WARNING", LogLevel.WARN),
            Map.entry("INFO", LogLevel.INFO), Map.entry("NOTICE", LogLevel.INFO),
            Map.entry("DEBUG", LogLevel.DEBUG), Map.entry("TRACE", LogLevel.DEBUG));

    private LevelDetector() {
    }

    /** The level of {@code text}, using an already parsed access entry when there is one. */
    public static LogLevel detect(String text, AccessEntry access) {
        if (access != null) {
            return access.level();
        }
        int end = Math.min(text.length(), SCAN_CHARS);
        int i = 0;
        while (i < end) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < end && Character.isLetter(text.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len >= 3 && len <= 8) {
                String word = text.substring(start, i);
                LogLevel l = WORDS.get(word.toUpperCase(Locale.ROOT));
                if (l != null && (word.equals(word.toUpperCase(Locale.ROOT)) || marked(text, start, i))) {
                    return l;
                }
            }
        }
        return LogLevel.NONE;
    }

    /** A lower-case level word counts when the format marks it as one: [error], <warn>, level=, "level":". */
    private static boolean marked(String t, int start, int end) {
        char before = start > 0 ? t.charAt(start - 1) : ' ';
        char after = end < t.length() ? t.charAt(end) : ' ';
        if ((before == '[' && after == ']') || (before == '<' && after == '>')) {
            return true;
        }
        String head = t.substring(Math.max(0, start - 12), start).toLowerCase(Locale.ROOT);
        return head.endsWith("level=") || head.endsWith("lvl=") || head.endsWith("\"level\":\"")
                || head.endsWith("\"level\": \"") || head.endsWith("severity\":\"") || head.endsWith("\"lvl\":\"");
    }

    /** Continuation lines (stack traces) carry the level of the line they continue. */
    public static boolean continuation(String text) {
        return !text.isEmpty() && (text.charAt(0) == ' ' || text.startsWith("Caused by:") || text.startsWith("\t"));
    }
}
