package edm.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config is read without jackson-databind ({@link ConfigBinder}); what it makes of a file must be
 * exactly what Jackson's {@code readerForUpdating} over the defaults made of it. The file sets every
 * setting of the model (walked, so a new field is covered without editing this test) to a value
 * other than its default, in the spellings YAML allows (a whole number for a decimal setting, 5.0 for
 * a whole one, a number for a text setting).
 */
class ConfigBinderTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    /** Every leaf of the defaults changed; lists get two elements so that element order counts. */
    private static JsonNode changed(JsonNode defaults) {
        if (defaults instanceof ObjectNode o) {
            ObjectNode out = YAML.createObjectNode();
            o.properties().forEach(e -> out.set(e.getKey(), changed(e.getValue())));
            return out;
        }
        if (defaults instanceof ArrayNode a) {
            ArrayNode out = YAML.createArrayNode();
            a.forEach(e -> out.add(changed(e)));
            if (!a.isEmpty()) {
                out.add(changed(a.get(0)));
            }
            return out;
        }
        if (defaults.isBoolean()) {
            return BooleanNode.valueOf(!defaults.booleanValue());
        }
        if (defaults.isInt()) {
            return IntNode.valueOf(defaults.intValue() + 7);
        }
        if (defaults.isLong()) {
            return LongNode.valueOf(defaults.longValue() * 3 + 1);
        }
        if (defaults.isDouble()) {
            return DoubleNode.valueOf(defaults.doubleValue() + 1.25);
        }
        return TextNode.valueOf(defaults.asText() + "-x");
    }

    private static JsonNode jackson(String yaml) throws IOException {
        ConsoleConfig c = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readerForUpdating(new ConsoleConfig()).readValue(yaml);
        return YAML.valueToTree(c);
    }

    /**
     * The config as loaded. Values the validator refuses (a container name "-x") are bound all the same,
     * only reported; a value the schema check had dropped would differ from Jackson's binding.
     */
    private JsonNode ours(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), yaml);
        return YAML.valueToTree(ConfigLoader.loadFile(file).config());
    }

    @Test
    void everySettingBindsAsJacksonBoundIt() throws IOException {
        ObjectNode all = (ObjectNode) changed(YAML.valueToTree(new ConsoleConfig()));
        // The settings whose default is null (so valueToTree leaves them out) and the absolute project dir.
        ObjectNode service = (ObjectNode) all.get("services").get(0);
        service.put("stopSeconds", 25).put("upstream", false);
        all.put("projectDir", dir.toString());
        String yaml = YAML.writeValueAsString(all);
        JsonNode ours = ours(yaml);
        assertNotEquals(YAML.valueToTree(new ConsoleConfig()), ours, "the premise: the file changes the defaults");
        assertEquals(jackson(yaml), ours);
    }

    @Test
    void partialSectionsAndOtherSpellingsBindAsJacksonBoundThem() throws IOException {
        for (String yaml : List.of("thresholds:\n  diskPercent: 80\n", "docker:\n  timeoutSeconds: 5.0\n",
                "environment: 1.50\nproject: 12\nreadOnly: true\n", "health:\n  urls: []\n  timeoutSeconds: 2\n",
                "services:\n- name: api\n  port: 9000\n", "logs:\n  maxBytes: 99999999999\n  files:\n  - a.log\n",
                "ui: {}\n", "{}\n", "backups:\n  verifyMinTableShare: 1\n", "environment: true\n")) {
            assertEquals(jackson(yaml), ours(yaml), yaml);
        }
    }

    @Test
    void theFileStillChangesOnlyWhatItSets() throws IOException {
        JsonNode c = ours("thresholds:\n  diskPercent: 80\n");
        assertEquals(80.0, c.get("thresholds").get("diskPercent").doubleValue());
        assertEquals(90.0, c.get("thresholds").get("memoryPercent").doubleValue());
        assertTrue(c.get("services").size() == 5 && c.get("services").get(0).get("name").asText().equals("postgres"),
                Map.of("services", c.get("services")).toString());
    }
}
