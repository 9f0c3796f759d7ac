package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edm.console.config.ConfigLoader;
import edm.console.config.LoadedConfig;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `check --json` and `status --json` are written with jackson-core's generator; their text must stay what
 * Jackson's ObjectMapper with INDENT_OUTPUT wrote before (scripts may compare it line by line): the mapper,
 * given the same tree, writes the same characters.
 */
class ProbeReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Instant AT = Instant.parse("2026-12-01T18:52:36.315336502Z");

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static List<ProbeResult> probes() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("up", 1.0);
        metrics.put("restarts", 0.0);
        metrics.put("ratio", 0.125);
        return List.of(new ProbeResult("container:edm-backend-prod", "container", "edm-backend-prod", ProbeStatus.OK, "running / healthy",
                Duration.ofMillis(12), AT, "", metrics),
                new ProbeResult("http:api", "http", "http://127.0.0.1:9/", ProbeStatus.CRITICAL, null, Duration.ZERO, AT,
                        "connection refused: \"quoted\", tab\t, 中文, \u0001", Map.of()));
    }

    /** The text, and that the mapper writes the same text for the tree it reads back. */
    private static JsonNode asTheMapperWritesIt(String text) throws IOException {
        JsonNode tree = MAPPER.readTree(text);
        assertEquals(MAPPER.writeValueAsString(tree), text);
        return tree;
    }

    @Test
    void checkJsonReadsAsTheMapperWroteIt() throws IOException {
        String text = ProbeReport.jsonObject(g -> ProbeReport.writeJson(g, probes(), ProbeStatus.CRITICAL));
        JsonNode tree = asTheMapperWritesIt(text);
        assertEquals("critical", tree.get("status").asText());
        assertEquals(2, tree.get("exitCode").intValue());
        assertEquals(12, tree.get("probes").get(0).get("latencyMs").intValue());
        assertEquals(0.125, tree.get("probes").get(0).get("metrics").get("ratio").doubleValue());
        assertEquals("", tree.get("probes").get(1).get("value").asText());
        assertEquals(AT.toString(), tree.get("probes").get(1).get("checkedAt").asText());
        assertTrue(text.contains("\"metrics\" : { }"), text);
    }

    @Test
    void statusJsonReadsAsTheMapperWroteIt() throws IOException {
        LoadedConfig loaded = ConfigLoader.load(null, Map.of(), Path.of("/nonexistent-home"));
        ContainerInfo c = new ContainerInfo("id", "edm-backend-prod", "edm-backend:v1.2", ContainerStatus.RUNNING, HealthStatus.HEALTHY, AT,
                AT, 3, List.of(new PortMapping("127.0.0.1", 8002, 8002, "tcp")), Map.of());
        SnapshotCollector.Report r = new SnapshotCollector.Report(new ContainersSnapshot(EngineStatus.up("unix:///var/run/docker.sock",
                "1.41", "20.10.24", AT), List.of(c), Map.of(), AT), null, probes(), AT);
        String text = ProbeReport.jsonObject(g -> StatusCommand.writeJson(g, r, loaded, List.of("CRITICAL disk: 99% used")));
        JsonNode tree = asTheMapperWritesIt(text);
        assertEquals("unix:///var/run/docker.sock", tree.get("engine").asText());
        assertTrue(tree.get("engineConnected").booleanValue());
        assertEquals(3, tree.get("containers").get(0).get("restarts").intValue());
        assertTrue(tree.get("containers").get(0).get("stack").booleanValue());
        assertEquals("CRITICAL disk: 99% used", tree.get("alertConditions").get(0).asText());
    }
}
