package edm.console.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
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
        Path f = Files.writeString(dir.resolve("c.yml"), "environment: sandbox\nprojectDir: " + dir + "\n");
        ConfigCommands.Output out = ConfigCommands.check(ConfigLoader.loadFile(f));
        assertEquals(0, out.exitCode());
        assertEquals(List.of("config OK: " + f + " (defaults for everything else)"), out.lines());
    }

    @Test
    void checkWithoutAFileNamesThePlacesSearched() {
        LoadedConfig loaded = new ConfigLoader(dir.resolve("sys.yml")).find(null, Map.of(), null);
        ConfigCommands.Output out = ConfigCommands.check(loaded);
        if (Files.isDirectory(Path.of("/opt/edm"))) {
            assertEquals(0, out.exitCode());
            assertEquals(List.of("config OK: no config file found, using the built-in defaults (SPEC-006); searched: " + dir.resolve("sys.yml")),
                    out.lines());
        } else {
            // The defaults' project dir is checked like a configured one.
            assertEquals(2, out.exitCode());
            assertTrue(out.lines().get(0).startsWith("(defaults): projectDir: '/opt/edm' does not exist"), out.text());
        }
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
    void aFileThatSetsNothingIsAWarningNotConfigOk() throws IOException {
        Map<String, String> empties = Map.of("zero.yml", "", "blank.yml", "  \n\n   \n", "comments.yml", "# TODO\n# later\n",
                "braces.yml", "{}\n", "null.yml", "null\n", "tilde.yml", "~\n", "empty.json", "{ }", "null.json", "null");
        for (Map.Entry<String, String> e : empties.entrySet()) {
            Path f = Files.writeString(dir.resolve(e.getKey()), e.getValue());
            LoadedConfig loaded = ConfigLoader.loadFile(f);
            assertTrue(loaded.valid(), e.getKey() + ": " + loaded.problems());
            ConfigCommands.Output out = ConfigCommands.check(withoutHostProblems(loaded));
            assertEquals(0, out.exitCode(), e.getKey());
            assertEquals(List.of(f + ": warning: the file sets nothing, so the built-in defaults (SPEC-006) apply to every setting; "
                    + "add the settings to change (see edm-console config show) or remove the file"), out.lines(), e.getKey());
        }
        Path one = Files.writeString(dir.resolve("one.yml"), "projectDir: " + dir + "\n");
        assertTrue(ConfigLoader.loadFile(one).warnings().isEmpty(), "one setting is something");
    }

    /** The empty files' defaults name /opt/edm, which may be missing on the test machine: not what these tests are about. */
    private static LoadedConfig withoutHostProblems(LoadedConfig l) {
        return new LoadedConfig(l.config(), l.source(), l.problems(), l.searched(), l.warnings(), List.of());
    }

    @Test
    void aProjectDirThatDoesNotExistIsAnErrorWithItsLine() throws IOException {
        Path missing = dir.resolve("no-such-project");
        Path f = Files.writeString(dir.resolve("c.yml"), "environment: staging\nprojectDir: " + missing + "\n");
        ConfigCommands.Output out = ConfigCommands.check(ConfigLoader.loadFile(f));
        assertEquals(2, out.exitCode(), out.text());
        assertEquals(List.of(f + ":2: projectDir: '" + missing + "' does not exist, expected the project directory (the one with "
                + "docker-compose.yml and .env.production): create it, or set projectDir to where the project is", "1 problem in " + f),
                out.lines());
        assertTrue(ConfigLoader.loadFile(f).valid(), "still usable: check and the TUI run and report it as CRITICAL");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path g = Files.writeString(dir.resolve("g.yml"), "projectDir: " + file + "\n");
        assertTrue(ConfigCommands.check(ConfigLoader.loadFile(g)).lines().get(0).startsWith(g + ":1: projectDir: '" + file
                + "' is not a directory"));

        Files.createDirectories(missing);
        assertEquals(0, ConfigCommands.check(ConfigLoader.loadFile(f)).exitCode(), "created: fine");
    }

    @Test
    void aProjectDirProblemIsCountedWithTheFileProblemsInFileOrder() throws IOException {
        Path f = Files.writeString(dir.resolve("c.yml"), "thresholds:\n  diskPercent: 101\nprojectDir: /nonexistent-cfgtag\n");
        ConfigCommands.Output out = ConfigCommands.check(ConfigLoader.loadFile(f));
        assertEquals(2, out.exitCode());
        assertTrue(out.lines().get(0).startsWith(f + ":2: thresholds.diskPercent: "), out.text());
        assertTrue(out.lines().get(1).startsWith(f + ":3: projectDir: '/nonexistent-cfgtag' does not exist"), out.text());
        assertEquals("2 problems in " + f, out.lines().get(2));
    }

    @Test
    void aHugeFileGetsOneSizeLineWithoutBeingParsed() throws IOException {
        for (long mb : new long[] {10, 50}) {
            Path f = dir.resolve(mb + "mb.yml");
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(mb * 1024 * 1024);
            }
            ConfigCommands.Output out = ConfigCommands.check(ConfigLoader.loadFile(f));
            assertEquals(2, out.exitCode());
            assertEquals(List.of(f + ": the file is " + mb + ".0 MiB, larger than a config file can be (1.0 MiB at most); "
                    + "expected a config file of a few KiB: check that this is the right file", "1 problem in " + f), out.lines());
        }
        Path justUnder = Files.writeString(dir.resolve("ok.yml"), "projectDir: " + dir + "\n" + "#".repeat(1024 * 1024 - 200) + "\n");
        assertEquals(0, ConfigCommands.check(ConfigLoader.loadFile(justUnder)).exitCode(), "a big but sane file still loads");
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
