package edm.console.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.core.TimelineEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes the timeline for the incident record: Markdown for people, JSON for tools; atomically. */
public final class TimelineExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private TimelineExport() {
    }

    public static String markdown(List<TimelineEntry> entries, ZoneId zone, String title) {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
        b.append("| time | source | level | subject | what |\n|---|---|---|---|---|\n");
        for (TimelineEntry e : entries) {
            b.append("| ").append(TIME.format(e.time().atZone(zone))).append(" | ")
                    .append(e.source().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(e.level().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(cell(e.subject())).append(" | ").append(cell(e.text())).append(" |\n");
        }
        return b.toString();
    }

    public static String json(List<TimelineEntry> entries) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (TimelineEntry e : entries) {
            ObjectNode n = arr.addObject();
            n.put("time", e.time().toString());
            n.put("source", e.source().name().toLowerCase(Locale.ROOT));
            n.put("level", e.level().name().toLowerCase(Locale.ROOT));
            n.put("subject", e.subject());
            n.put("text", e.text());
        }
        return arr.toPrettyString() + "\n";
    }

    /** Escapes what would break a Markdown table cell and drops control characters. */
    static String cell(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ").replace("|", "\\|");
    }

    public static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".timeline", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            return Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
