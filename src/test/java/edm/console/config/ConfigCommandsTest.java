package edm.console.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCommandsTest {
    @TempDir
    Path dir;

    @Test
    void checkOfAValidFileSaysOkAndExitsZero() throws IOException {
        Path f = Files.writeString(dir.resolve("c.yml"), "environment: sandbox\n");
        ConfigCommands.Output out = ConfigCommands.check(ConfigLoader.loadFile(f));
        assertEquals(0, out.exitCode());
        assertEquals(List.of("config OK: " + f + " (defaults for everything else)"), out.lines());
    }

    @Test
    void checkWithoutAFileNamesThePlacesSearched() {
        LoadedConfig loaded = new ConfigLoader(dir.resolve("sys.yml")).find(null, Map.of(), null);
        ConfigCommands.Output out = ConfigCommands.check(loaded);
        assertEquals(0, out.exitCode());
        assertEquals(List.of("config OK: no config file found, using the built-in defaults (SPEC-006); searched: " + dir.resolve("sys.yml")),
                out.lines());
    }

    @Test
    void checkOfAnInvalidFileListsEveryProblemThenCountsThem() throws IOException {
        Path f = Files.writeString(dir.resolve("c.yml"), "projectDir: relative\nthresholds:\n  diskPercent: 101\n");
        ConfigCommands.Output out = ConfigCommands.check(ConfigLoader.loadFile(f));
        assertEquals(2, out.exitCode());
        assertEquals(3, out.lines().size());
        assertTrue(out.lines().get(0).startsWith(f + ":1: projectDir: "));
        assertTrue(out.lines().get(1).startsWith(f + ":3: thresholds.diskPercent: "));
        assertEquals("2 problems in " + f, out.lines().get(2));

        Path one = Files.writeString(dir.resolve("one.yml"), "projectDir: relative\n");
        assertEquals("1 problem in " + one, ConfigCommands.check(ConfigLoader.loadFile(one)).lines().get(1));
    }

    @Test
    void showMasksPasswordsInUrlsAndSaysWhereTheConfigCameFrom() throws Exception {
        Path f = Files.writeString(dir.resolve("c.yml"), """
                services:
                  - name: backend
                    healthUrl: https://monitor:s3cret-pw@tkmail.fun/api/health
                health:
                  urls:
                    - name: db
                      url: http://admin:hunter2@127.0.0.1:8002/health
                """);
        ConfigCommands.Output out = ConfigCommands.show(ConfigLoader.loadFile(f));
        assertEquals(0, out.exitCode(), out.text());
        String text = out.text();
        assertFalse(text.contains("s3cret-pw"), text);
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("https://monitor:******@tkmail.fun/api/health"), text);
        assertTrue(text.contains("http://admin:******@127.0.0.1:8002/health"), text);
        assertEquals("# edm-console effective configuration", out.lines().get(0));
        assertEquals("# from " + f + "; settings not in that file are built-in defaults", out.lines().get(1));

        // The body is the effective config: it reads back to the same values (apart from the masks).
        JsonNode back = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text);
        assertEquals(85, back.at("/thresholds/diskPercent").asInt());
        assertEquals("85", back.at("/thresholds/diskPercent").asText(), "whole numbers are shown as written");
        assertEquals("edm_edm-network", back.at("/network").asText());
    }

    @Test
    void secretNamedKeysAreMaskedWhateverTheirValue() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                {"apiToken": "abc", "nested": {"DATABASE_URL": "postgresql://user:pass@postgres:5432/db", "jwtSecret": "x"},
                 "plain": "visible", "list": ["redis://:pw@redis:6379"]}
                """);
        ConfigCommands.mask(tree, "");
        assertEquals("******", tree.at("/apiToken").asText());
        assertEquals("******", tree.at("/nested/jwtSecret").asText());
        assertEquals("postgresql://user:******@postgres:5432/db", tree.at("/nested/DATABASE_URL").asText());
        assertEquals("redis://:******@redis:6379", tree.at("/list/0").asText());
        assertEquals("visible", tree.at("/plain").asText());
    }

    @Test
    void showOfAnInvalidFileListsTheProblemsAsCommentsAndExitsTwo() throws IOException {
        Path f = Files.writeString(dir.resolve("c.yml"), "thresholds:\n  diskPercent: lots\n");
        ConfigCommands.Output out = ConfigCommands.show(ConfigLoader.loadFile(f));
        assertEquals(2, out.exitCode());
        assertTrue(out.lines().contains("#   " + f + ":2: thresholds.diskPercent: got the text 'lots', expected a number"), out.text());
        assertTrue(out.lines().contains("  diskPercent: 85"), "the invalid value is replaced by its default:\n" + out.text());
    }

    @Test
    void messagesAreInChineseWhenTheConsoleIsInChinese() throws IOException {
        Path f = Files.writeString(dir.resolve("c.yml"), "thresholds:\n  diskPercnt: 80\n");
        Messages previous = Messages.current();
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        try {
            ConfigCommands.Output out = ConfigCommands.check(ConfigLoader.loadFile(f));
            assertEquals(List.of(f + ":2: thresholds.diskPercnt: 未知的键，是否想写 'diskPercent'？", f + " 中有 1 个问题"), out.lines());
        } finally {
            Messages.use(previous.locale());
        }
    }
}
