package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertJsonTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void oneLineThatAJsonReaderReadsBackFieldForField() throws Exception {
        Alert a = new Alert("http-down", "https://ops:hunter2@example.com/api", Severity.CRITICAL, AlertState.FIRING,
                "said \"no\"\nthen \u0007 and 中文 \\ done", T, T.plusSeconds(5), null, "li.wei", null, null);
        String line = AlertJson.line(a);
        assertFalse(line.contains("\n"), line);
        assertFalse(line.contains("hunter2"), "URL passwords are masked: " + line);
        JsonNode n = new ObjectMapper().readTree(line);
        assertEquals("edm-console", n.get("source").asText());
        assertEquals("http-down", n.get("rule").asText());
        assertEquals("critical", n.get("severity").asText());
        assertEquals("firing", n.get("state").asText());
        assertEquals("said \"no\"\nthen \u0007 and 中文 \\ done", n.get("message").asText());
        assertEquals("2026-12-01T10:00:00Z", n.get("since").asText());
        assertEquals("2026-12-01T10:00:05Z", n.get("firedAt").asText());
        assertFalse(n.has("resolvedAt"), "no field for a time not set");
        assertEquals("li.wei", n.get("acknowledgedBy").asText());
        assertEquals("", n.get("ackNote").asText());
        assertTrue(n.get("subject").asText().startsWith("https://ops:"), n.get("subject").asText());
        assertFalse(n.has("engine"), "one engine: no engine field");
    }

    /** With several engines, the alert names the engine it is about, by its configured name. */
    @Test
    void anAlertOfOneOfSeveralEnginesNamesIt() throws Exception {
        Alert a = new Alert("service-down", "edm-backend-prod", Severity.CRITICAL, AlertState.FIRING, "down", T, T, null, null,
                null, null, "staging");
        JsonNode n = new ObjectMapper().readTree(AlertJson.line(a));
        assertEquals("staging", n.get("engine").asText());
        assertEquals("staging|service-down|edm-backend-prod", a.key(), "the same container on two engines: two alerts");
    }

    @Test
    void writingAnAlertLoadsNoDatabindClass(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xshare:off", "-Xlog:class+load:file=" + log, "-cp",
                System.getProperty("java.class.path"), Writer.class.getName(), dir.resolve("alerts.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child finished");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt")));
        assertTrue(Files.readString(dir.resolve("alerts.log")).contains("\"rule\":\"disk\""));
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" edm.console.health.AlertJson ")), "the premise: the log lists classes");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains("com.fasterxml.jackson.databind.")).toList());
    }

    /** The child JVM: one alert change appended to the alert log. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            new AlertLog(file).append(new Alert("disk", "/", Severity.WARNING, AlertState.FIRING, "91 % used", T, T, null,
                    null, null, null));
        }
    }
}
