package edm.console.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static List<String> problemLines(LoadedConfig loaded) {
        return loaded.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void defaultsAreTheSpecValues() {
        ConsoleConfig c = new ConsoleConfig();
        assertEquals("/opt/edm", c.projectDir);
        assertEquals("edm_edm-network", c.network);
        assertEquals(".env.production", c.envFile);
        assertEquals(List.of("edm-postgres-prod", "edm-redis-prod", "edm-backend-prod", "edm-frontend-prod", "edm-nginx-prod"),
                c.containerNames());
        assertEquals(List.of(8003, 8004, 8002, 8001, 443), c.services.stream().map(s -> s.port).toList());
        assertEquals("edm-frontend", c.service("frontend").orElseThrow().imageRepository(c.project));
        assertEquals(60, c.thresholds.serviceDownSeconds);
        assertEquals(5.0, c.thresholds.apiResponseSeconds);
        assertEquals(5.0, c.thresholds.errorRatePercent);
        assertEquals(85.0, c.thresholds.diskPercent);
        assertEquals(90.0, c.thresholds.memoryPercent);
        assertEquals(300, c.health.intervalSeconds);
        assertEquals("https://tkmail.fun/api/health", c.health.urls.get(0).url);
        assertEquals(30, c.logs.retentionDays);
        assertEquals("backups/database", c.backups.databaseDir);
        assertEquals("backups/files", c.backups.filesDir);
    }

    @Test
    void withoutAnyFileTheDefaultsAreUsedAndValid() {
        LoadedConfig loaded = new ConfigLoader(dir.resolve("no-system.yml")).find(null, Map.of(), dir.resolve("home"));
        assertTrue(loaded.valid(), problemLines(loaded).toString());
        assertTrue(loaded.source().isEmpty());
        assertEquals(List.of(dir.resolve("no-system.yml"), dir.resolve("home/.config/edm-console/config.yml")), loaded.searched());
        assertEquals(85.0, loaded.config().thresholds.diskPercent);
    }

    @Test
    void anEmptyFileIsValidAndGivesTheDefaults() throws IOException {
        LoadedConfig loaded = ConfigLoader.loadFile(write("empty.yml", "# nothing here yet\n"));
        assertTrue(loaded.valid(), problemLines(loaded).toString());
        assertEquals(new ConsoleConfig().containerNames(), loaded.config().containerNames());
    }

    @Test
    void aFileOverridesSomeValuesAndKeepsTheOtherDefaults() throws IOException {
        LoadedConfig loaded = ConfigLoader.loadFile(write("c.yml", """
                environment: sandbox
                thresholds:
                  diskPercent: 70
                logs:
                  files: [/var/log/edm/*.log]
                """));
        assertTrue(loaded.valid(), problemLines(loaded).toString());
        ConsoleConfig c = loaded.config();
        assertEquals("sandbox", c.environment);
        assertEquals("edm-backend-sandbox", c.containerName(c.service("backend").orElseThrow()));
        assertEquals(70.0, c.thresholds.diskPercent);
        assertEquals(90.0, c.thresholds.memoryPercent, "a sibling of an overridden value keeps its default");
        assertEquals(List.of("/var/log/edm/*.log"), c.logs.files, "a list replaces the default list");
        assertEquals("/opt/edm", c.projectDir);
    }

    @Test
    void unknownKeysAreReportedWithLineAndSuggestion() throws IOException {
        Path f = write("c.yml", """
                project: edm
                thresholds:
                  diskPercnt: 80
                  disk-percent: 80
                colour: blue
                memoryPercent: 80
                """);
        List<String> lines = problemLines(ConfigLoader.loadFile(f));
        assertEquals(List.of(
                f + ":3: thresholds.diskPercnt: unknown key, did you mean 'diskPercent'?",
                f + ":4: thresholds.disk-percent: unknown key, did you mean 'diskPercent'?",
                f + ":5: colour: unknown key, expected one of: project, environment, projectDir, network, envFile, "
                        + "readOnly, docker, services, thresholds, refresh, health, logs, backups, ui, alerts, deploy, compose, security, schedule, engines",
                f + ":6: memoryPercent: unknown key here, did you mean 'thresholds.memoryPercent'?"), lines);
    }

    @Test
    void wrongTypesSayWhatWasExpected() throws IOException {
        Path f = write("c.yml", """
                readOnly: yes please
                thresholds:
                  diskPercent: high
                docker:
                  timeoutSeconds: 2.5
                services: backend
                """);
        List<String> lines = problemLines(ConfigLoader.loadFile(f));
        assertEquals(List.of(
                f + ":1: readOnly: got the text 'yes please', expected true or false",
                f + ":3: thresholds.diskPercent: got the text 'high', expected a number",
                f + ":5: docker.timeoutSeconds: 2.5 is not a whole number, expected a whole number",
                f + ":6: services: got the text 'backend', expected a list (lines starting with \"- \")"), lines);
    }

    @Test
    void invalidValuesAreLeftOutSoTheRestStillApplies() throws IOException {
        LoadedConfig loaded = ConfigLoader.loadFile(write("c.yml", """
                thresholds:
                  diskPercent: high
                  memoryPercent: 80
                """));
        assertEquals(1, loaded.problems().size());
        assertEquals(85.0, loaded.config().thresholds.diskPercent);
        assertEquals(80.0, loaded.config().thresholds.memoryPercent);
    }

    @Test
    void aYamlSyntaxErrorIsOneProblemWithItsLine() throws IOException {
        Path f = write("c.yml", """
                project: edm
                thresholds:
                  diskPercent: 80
                 memoryPercent: 90
                """);
        LoadedConfig loaded = ConfigLoader.loadFile(f);
        assertEquals(1, loaded.problems().size(), problemLines(loaded).toString());
        ConfigProblem p = loaded.problems().get(0);
        assertEquals(4, p.line());
        assertTrue(p.toString().startsWith(f + ":4: YAML syntax error: "), p.toString());
        assertFalse(p.toString().contains("\n"));
        assertEquals(new ConsoleConfig().containerNames(), loaded.config().containerNames());
    }

    @Test
    void allProblemsAreReportedInFileOrder() throws IOException {
        Path f = write("c.yml", """
                project: EDM
                projectDir: opt/edm
                docker:
                  endpoint: http://localhost:2375
                services:
                  - name: backend
                    port: 70000
                    healthUrl: ftp://example.com/
                  - name: backend
                    container: "-bad"
                thresholds:
                  errorRatePercent: 0
                  memoryPercent: 150
                refresh:
                  hostSeconds: -1
                health:
                  urls:
                    - name: api
                      url: "https://admin:hunter2@example.com:bad/"
                ui:
                  theme: neon
                  language: fr
                """);
        List<String> lines = problemLines(ConfigLoader.loadFile(f));
        assertEquals(List.of(
                f + ":1: project: 'EDM' is not a valid project name, expected lowercase letters and digits, separated by single '-', '_' or '.'",
                f + ":2: projectDir: 'opt/edm' is a relative path, expected an absolute path like /opt/edm",
                f + ":4: docker.endpoint: 'http://localhost:2375' is not a Docker endpoint, expected unix:///var/run/docker.sock, tcp://host:2375, or empty for $DOCKER_HOST",
                f + ":7: services[0].port: 70000 is not a port number, expected 0 (none) to 65535",
                f + ":8: services[0].healthUrl: 'ftp://example.com/' is not a valid URL, expected an http:// or https:// URL with a host",
                f + ":9: services[1].name: 'backend' is already used by services[0], expected unique names",
                f + ":10: services[1].container: '-bad' is not a valid Docker name, expected letters, digits, '_', '.' or '-', starting with a letter or digit",
                f + ":12: thresholds.errorRatePercent: 0 is out of range, expected a percentage from 1 to 100",
                f + ":13: thresholds.memoryPercent: 150 is out of range, expected a percentage from 1 to 100",
                f + ":15: refresh.hostSeconds: -1 is not positive, expected a number greater than 0",
                f + ":19: health.urls[0].url: 'https://admin:******@example.com:bad/' is not a valid URL, expected an http:// or https:// URL with a host",
                f + ":21: ui.theme: 'neon' is neither a built-in theme nor an existing file, expected dark, light, high-contrast or the path of a theme file (relative paths start at projectDir opt/edm)",
                f + ":22: ui.language: 'fr' is not a supported language, expected auto, en or zh-CN"), lines);
    }

    @Test
    void duplicateKeysAndMissingValuesAreProblems() throws IOException {
        Path f = write("c.yml", """
                network: a
                network: b
                envFile:
                services:
                  - port: 8002
                """);
        assertEquals(List.of(
                f + ":2: network: appears more than once (first on line 1), expected each key once",
                f + ":3: envFile: has no value, expected text (or remove the line to keep the default)",
                f + ":5: services[0].name: is missing, expected a name for every entry"),
                problemLines(ConfigLoader.loadFile(f)));
    }

    @Test
    void aThemeFileRelativeToTheProjectDirIsAccepted() throws IOException {
        write("project/themes/mine.properties", "# theme\n");
        LoadedConfig loaded = ConfigLoader.loadFile(write("c.yml", "projectDir: " + dir.resolve("project") + "\nui:\n  theme: themes/mine.properties\n"));
        assertTrue(loaded.valid(), problemLines(loaded).toString());
    }

    @Test
    void aJsonFileWorksWithTheSameKeys() throws IOException {
        Path f = write("c.json", """
                {
                  "environment": "staging",
                  "thresholds": {"diskPercent": 75},
                  "health": {"urls": [{"name": "api", "url": "http://127.0.0.1:8002/api/health"}]}
                }
                """);
        LoadedConfig loaded = ConfigLoader.loadFile(f);
        assertTrue(loaded.valid(), problemLines(loaded).toString());
        assertEquals("staging", loaded.config().environment);
        assertEquals(75.0, loaded.config().thresholds.diskPercent);
        assertEquals(1, loaded.config().health.urls.size());
    }

    @Test
    void jsonProblemsHaveLinesToo() throws IOException {
        Path unknown = write("u.json", "{\n  \"thresholds\": {\n    \"diskPercnt\": 75\n  }\n}\n");
        assertEquals(List.of(unknown + ":3: thresholds.diskPercnt: unknown key, did you mean 'diskPercent'?"),
                problemLines(ConfigLoader.loadFile(unknown)));
        Path broken = write("b.json", "{\n  \"project\": \"edm\",\n}\n");
        List<ConfigProblem> problems = ConfigLoader.loadFile(broken).problems();
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("JSON syntax error: "), problems.get(0).message());
    }

    @Test
    void aFileThatIsNotAMappingIsOneProblem() throws IOException {
        Path f = write("c.yml", "- just\n- a list\n");
        assertEquals(List.of(f + ":1: the file holds a list, expected a mapping of settings (key: value lines)"),
                problemLines(ConfigLoader.loadFile(f)));
    }

    @Test
    void searchOrderIsExplicitThenEnvThenSystemThenHome() throws IOException {
        Path explicit = write("explicit.yml", "environment: explicit\n");
        Path fromEnv = write("env.yml", "environment: env\n");
        Path system = write("system/edm-console.yml", "environment: system\n");
        Path home = dir.resolve("home");
        Path user = write("home/.config/edm-console/config.yml", "environment: user\n");
        Map<String, String> env = Map.of(ConfigLoader.ENV_VAR, fromEnv.toString());

        ConfigLoader loader = new ConfigLoader(system);
        assertEquals("explicit", loader.find(explicit, env, home).config().environment);
        assertEquals("env", loader.find(null, env, home).config().environment);
        assertEquals("system", loader.find(null, Map.of(), home).config().environment);
        Files.delete(system);
        LoadedConfig fromHome = loader.find(null, Map.of(ConfigLoader.ENV_VAR, " "), home);
        assertEquals("user", fromHome.config().environment);
        assertEquals(user, fromHome.source().orElseThrow());
    }

    @Test
    void aMissingExplicitOrEnvFileIsAClearProblem() {
        Path missing = dir.resolve("nope.yml");
        ConfigLoader loader = new ConfigLoader(dir.resolve("system.yml"));

        LoadedConfig explicit = loader.find(missing, Map.of(), dir);
        assertEquals(List.of(missing + ": the file does not exist (given by --config), expected the path of an existing config file"),
                problemLines(explicit));
        assertEquals(missing, explicit.source().orElseThrow());

        LoadedConfig env = loader.find(null, Map.of(ConfigLoader.ENV_VAR, missing.toString()), dir);
        assertEquals(List.of(missing + ": the file does not exist (given by $EDM_CONSOLE_CONFIG), expected the path of an existing config file"),
                problemLines(env));
    }

    @Test
    void theExampleConfigLoadsWithoutProblemsAndDocumentsEverySetting() throws Exception {
        Path example = Path.of(getClass().getResource("/config/edm-console.example.yml").toURI());
        LocatedTree tree = LocatedTree.parse(example);
        LoadedConfig loaded = ConfigLoader.loadFile(example);
        assertTrue(loaded.valid(), problemLines(loaded).toString());
        List<String> present = tree.lines().keySet().stream().map(k -> k.replaceAll("\\[\\d+]", "[]")).toList();
        List<String> missing = ConfigSchema.leafPaths().stream().filter(p -> !present.contains(p)).toList();
        assertEquals(List.of(), missing, "settings not documented in the example");
        assertEquals(new ConsoleConfig().containerNames(), loaded.config().containerNames());
    }

    @Test
    void aFileThatIsNotUtf8IsOneClearProblem() throws IOException {
        Path f = dir.resolve("latin1.yml");
        Files.write(f, new byte[] {'p', 'r', 'o', 'j', 'e', 'c', 't', ':', ' ', (byte) 0xE9, '\n'});
        assertEquals(List.of(f + ": the file is not UTF-8 text, expected a config file saved as UTF-8"),
                problemLines(ConfigLoader.loadFile(f)));
    }

    @Test
    void aSecondYamlDocumentIsReportedRatherThanIgnored() throws IOException {
        Path f = write("c.yml", "environment: prod\n---\nenvironment: sandbox\n");
        LoadedConfig loaded = ConfigLoader.loadFile(f);
        assertEquals(1, loaded.problems().size(), problemLines(loaded).toString());
        assertTrue(loaded.problems().get(0).message().startsWith("a second YAML document starts here"));
    }
}
