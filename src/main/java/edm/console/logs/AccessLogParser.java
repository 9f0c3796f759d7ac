package edm.console.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads nginx access log lines: the {@code combined} format (optionally followed by
 * {@code $request_time}, bare or as {@code rt=}/{@code request_time=}) and the JSON format people
 * commonly configure ({@code "status"}, {@code "request_time"}, {@code "time_iso8601"} /
 * {@code "time_local"} / {@code "@timestamp"}). Anything else is not an access line (null).
 */
public final class AccessLogParser {
    /** addr - user [time] "request" status bytes ... */
    private static final Pattern COMBINED = Pattern.compile(
            "^\\S+ \\S+ \\S+ \\[([^\\]]{20,32})\\] \"[^\"]*\" (\\d{3}) (?:\\d+|-)(.*)$");
    private static final Pattern TRAILING_TIME = Pattern.compile(
            "(?:^|\\s)(?:rt=|request_time=|urt=)?\"?(\\d{1,6}\\.\\d{1,6})\"?\\s*$");

    private AccessLogParser() {
    }

    public static AccessEntry parse(String line) {
        if (line.isEmpty()) {
            return null;
        }
        if (line.charAt(0) == '{') {
            return json(line);
        }
        if (line.indexOf("] \"") < 0) {
            return null; // cheap rejection before the regex
        }
        Matcher m = COMBINED.matcher(line);
        if (!m.matches()) {
            return null;
        }
        int status = Integer.parseInt(m.group(2));
        double rt = Double.NaN;
        String rest = m.group(3);
        if (!rest.isEmpty()) {
            Matcher t = TRAILING_TIME.matcher(rest);
            if (t.find()) {
                rt = Double.parseDouble(t.group(1));
            }
        }
        return new AccessEntry(LogTimestamps.nginxLocal(m.group(1)), status, rt);
    }

    private static AccessEntry json(String line) {
        String status = jsonValue(line, "status");
        if (status == null || status.length() != 3) {
            return null;
        }
        int code;
        try {
            code = Integer.parseInt(status);
        } catch (NumberFormatException e) {
            return null;
        }
        double rt = Double.NaN;
        String t = jsonValue(line, "request_time");
        if (t != null && !t.isEmpty() && !"-".equals(t)) {
            try {
                rt = Double.parseDouble(t);
            } catch (NumberFormatException ignored) {
                // "-" or garbage: no response time for this line
            }
        }
        Instant when = null;
        String iso = jsonValue(line, "time_iso8601");
        if (iso == null) {
            iso = jsonValue(line, "@timestamp");
        }
        if (iso == null) {
            iso = jsonValue(line, "time");
        }
        if (iso != null) {
            when = LogTimestamps.iso(iso, 0, iso.length(), ZoneOffset.UTC);
        }
        if (when == null) {
            String local = jsonValue(line, "time_local");
            when = local == null ? null : LogTimestamps.nginxLocal(local);
        }
        return new AccessEntry(when, code, rt);
    }

    /** The value of a top-level-looking key: a string's content or a bare number; null when absent. */
    static String jsonValue(String line, String key) {
        String needle = "\"" + key + "\"";
        int k = line.indexOf(needle);
        if (k < 0) {
            return null;
        }
        int i = k + needle.length();
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ':')) {
            i++;
        }
        if (i >= line.length()) {
            return null;
        }
        if (line.charAt(i) == '"') {
            int end = line.indexOf('"', i + 1);
            return end < 0 ? null : line.substring(i + 1, end);
        }
        int end = i;
        while (end < line.length() && ",} ".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return line.substring(i, end);
    }
}
