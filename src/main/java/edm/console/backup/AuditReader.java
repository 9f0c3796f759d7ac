package edm.console.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import edm.console.core.RecordTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newest audit lines of some actions, per target (the last deploy of each service), read from the log's
 * tail with jackson-core's parser alone: {@code check --format prometheus} runs every few minutes and must
 * not load the JSON mapper. Lines that do not parse are skipped.
 */
public final class AuditReader {
    private static final int TAIL_BYTES = 256 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private AuditReader() {
    }

    public static Map<String, AuditLog.Entry> newestByTarget(Path projectDir, Set<String> actions) {
        Map<String, AuditLog.Entry> newest = new LinkedHashMap<>();
        Path file = projectDir.resolve(AuditLog.FILE);
        if (!Files.isRegularFile(file)) {
            return newest;
        }
        try {
            for (String line : RecordTail.lines(file, TAIL_BYTES)) {
                AuditLog.Entry e = parse(line);
                if (e != null && e.action() != null && actions.contains(e.action()) && e.target() != null) {
                    newest.put(e.target(), e);
                }
            }
        } catch (IOException e) {
            return newest;
        }
        return newest;
    }

    static AuditLog.Entry parse(String line) {
        Map<String, String> f = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isScalarValue()) {
                    f.put(name, p.getValueAsString());
                } else {
                    p.skipChildren();
                }
            }
            Instant time = f.get("time") == null ? null : Instant.parse(f.get("time"));
            long took = f.get("durationMillis") == null ? 0 : Long.parseLong(f.get("durationMillis"));
            return new AuditLog.Entry(time, f.get("user"), f.get("ssh"), f.get("action"), f.get("target"), f.get("detail"),
                    f.get("result"), f.get("message"), took);
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

}
