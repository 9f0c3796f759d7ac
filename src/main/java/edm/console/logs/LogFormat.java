package edm.console.logs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One line as text for the CLI and for exports: {@code TIME SOURCE | text}; stderr marked {@code SOURCE!}. */
public final class LogFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private LogFormat() {
    }

    /** The source tag, {@code !} added for stderr so the two streams stay apart in plain text. */
    public static String tag(LogLine l) {
        return l.origin() == LogLine.Origin.STDERR ? l.source() + "!" : l.source();
    }

    public static String time(LogLine l, ZoneId zone) {
        return TIME.format(l.time().atZone(zone));
    }

    public static String plain(LogLine l, boolean timestamps, ZoneId zone) {
        String mark = l.origin() == LogLine.Origin.MARKER ? "── " : "";
        return (timestamps ? time(l, zone) + " " : "") + tag(l) + " | " + mark + l.text();
    }
}
