package edm.console.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Finds the time of a log line without regular expressions (this runs for every line): Docker's
 * RFC 3339 prefix, ISO dates at the start of application logs ({@code 2026-11-29 10:00:00,123},
 * {@code 2026-11-29T10:00:00.5Z}), nginx error logs ({@code 2026/11/29 10:00:00}) and nginx access
 * logs' {@code [29/Nov/2026:10:00:00 +0800]}. Times without a zone are in {@code zone}.
 */
public final class LogTimestamps {
    private static final DateTimeFormatter NGINX_LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private LogTimestamps() {
    }

    /** Docker's {@code 2026-11-29T10:00:00.123456789Z }: the instant and where the text starts, or null. */
    public static Prefixed dockerPrefix(String line) {
        int sp = line.indexOf(' ');
        if (sp < 20 || sp > 40) {
            return null;
        }
        Instant t = iso(line, 0, sp, ZoneOffset.UTC);
        return t == null ? null : new Prefixed(t, sp + 1);
    }

    /** What {@link #dockerPrefixNanos} returns for a frame without Docker's timestamp. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /**
     * Docker's {@code 2026-11-29T10:00:00.123456789Z } at the start of raw bytes, as epoch nanoseconds, or
     * {@link #NO_TIME}. Reads bytes without decoding or allocating: it runs for every frame of a flood.
     */
    public static long dockerPrefixNanos(byte[] b, int off, int len) {
        if (len < 21 || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 10] != 'T' || b[off + 13] != ':'
                || b[off + 16] != ':') {
            return NO_TIME;
        }
        int year = num(b, off, 4);
        int month = num(b, off + 5, 2);
        int day = num(b, off + 8, 2);
        int hour = num(b, off + 11, 2);
        int minute = num(b, off + 14, 2);
        int second = num(b, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 60) {
            return NO_TIME;
        }
        int p = off + 19;
        int end = off + Math.min(len, 40);
        long nanos = 0;
        if (p < end && b[p] == '.') {
            p++;
            long scale = 100_000_000L;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                nanos += (b[p] - '0') * scale;
                scale /= 10;
                p++;
            }
        }
        if (p >= end || b[p] != 'Z') {
            return NO_TIME;
        }
        long secs = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return secs * 1_000_000_000L + nanos;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    private static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int num(byte[] b, int at, int len) {
        int v = 0;
        for (int k = 0; k < len; k++) {
            int c = b[at + k] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** An instant and the index where the rest of the line starts. */
    public record Prefixed(Instant time, int textStart) {
    }

    /** The line's own time if it has one we recognise, else null. */
    public static Instant find(String line, ZoneId zone) {
        if (line.length() >= 19 && digit(line, 0) && line.charAt(4) == '-' && line.charAt(7) == '-') {
            return iso(line, 0, Math.min(line.length(), 35), zone);
        }
        if (line.length() >= 19 && digit(line, 0) && line.charAt(4) == '/' && line.charAt(7) == '/') {
            return iso(line, 0, 19, zone);
        }
        int open = line.indexOf(" [");
        if (open > 0 && open < 80 && line.length() > open + 28 && line.charAt(open + 28) == ']') {
            return nginxLocal(line.substring(open + 2, open + 28));
        }
        return null;
    }

    /** The last nginx time parsed: a busy access log repeats the same second for many lines. */
    private record Cached(String text, Instant time) {
    }

    private static volatile Cached lastNginx = new Cached("", null);

    /** {@code 29/Nov/2026:10:00:00 +0800}. */
    public static Instant nginxLocal(String s) {
        Cached c = lastNginx;
        if (c.text().equals(s)) {
            return c.time();
        }
        try {
            Instant t = java.time.OffsetDateTime.parse(s, NGINX_LOCAL).toInstant();
            lastNginx = new Cached(s, t);
            return t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-mm-dd[T ]hh:mm:ss[.,]fraction[Z|±hh:mm|±hhmm]} (or with '/' between date parts)
     * within [from, to); anything after the time is ignored. Null when the text is not such a time.
     */
    public static Instant iso(String s, int from, int to, ZoneId zone) {
        if (to - from < 19) {
            return null;
        }
        int i = from;
        try {
            int year = num(s, i, 4);
            int month = num(s, i + 5, 2);
            int day = num(s, i + 8, 2);
            char sep = s.charAt(i + 10);
            if (sep != 'T' && sep != ' ' || s.charAt(i + 13) != ':' || s.charAt(i + 16) != ':') {
                return null;
            }
            int hour = num(s, i + 11, 2);
            int minute = num(s, i + 14, 2);
            int second = num(s, i + 17, 2);
            if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
                return null;
            }
            int p = i + 19;
            int nanos = 0;
            if (p < to && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
                p++;
                int scale = 100_000_000;
                while (p < to && digit(s, p)) {
                    nanos += (s.charAt(p) - '0') * scale;
                    scale /= 10;
                    p++;
                }
            }
            ZoneId z = zone;
            if (p < to && s.charAt(p) == 'Z') {
                z = ZoneOffset.UTC;
            } else if (p + 5 <= to && (s.charAt(p) == '+' || s.charAt(p) == '-') && digit(s, p + 1)) {
                int hh = num(s, p + 1, 2);
                int mm = s.charAt(p + 3) == ':' ? num(s, p + 4, 2) : num(s, p + 3, 2);
                if (hh >= 0 && mm >= 0) {
                    int secs = (hh * 3600 + mm * 60) * (s.charAt(p) == '-' ? -1 : 1);
                    z = ZoneOffset.ofTotalSeconds(secs);
                }
            }
            if (z instanceof ZoneOffset off) {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                long secs = epochDay * 86_400 + hour * 3600L + minute * 60L + second - off.getTotalSeconds();
                return Instant.ofEpochSecond(secs, nanos);
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(z).toInstant();
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static int num(String s, int at, int len) {
        int v = 0;
        for (int k = 0; k < len; k++) {
            if (!digit(s, at + k)) {
                return -1;
            }
            v = v * 10 + (s.charAt(at + k) - '0');
        }
        return v;
    }
}
