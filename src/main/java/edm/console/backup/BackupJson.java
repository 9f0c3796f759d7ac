package edm.console.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/** The one JSON mapper of the backup package: ISO-8601 instants, manifests pretty-printed, log lines compact. */
final class BackupJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private BackupJson() {
    }

    static String pretty(Object o) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String line(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BackupManifest readManifest(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), BackupManifest.class);
    }

    static void writeManifest(Path dir, BackupManifest m) throws IOException {
        AtomicFile.write(dir.resolve(m.fileName()), pretty(m));
    }
}
