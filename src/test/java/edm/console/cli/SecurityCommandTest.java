package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edm-console security} end to end through Main on a fixture root: the JSON has the documented shape,
 * the exit code follows the worst counted finding, accepted risks are muted, no secret value is printed,
 * and the table reads in both languages.
 */
class SecurityCommandTest {
    private static final String SECRET = "changeme-s3cr3t-value-never-printed";
    private static final Set<String> STATUSES = Set.of("ok", "warning", "critical", "unknown");
    private static final Set<String> FINDING_KEYS = Set.of("rule", "status", "title", "evidence", "fix", "accepted");

    @TempDir
    Path dir;
    Path root;
    Path project;

    @BeforeEach
    void tree() throws Exception {
        root = dir.resolve("root");
        copy(resource("ssh/hardened"), root);
        copy(resource("ports/closed"), root);
        project = dir.resolve("edm");
        // The spec's entry, for this project dir and this user rather than /opt/edm and ubuntu.
        copy(resource("logs/spec"), root);
        Path entry = root.resolve("etc/logrotate.d/edm");
        Files.writeString(entry, Files.readString(entry).replace("/opt/edm", project.toString())
                .replace("ubuntu ubuntu", System.getProperty("user.name") + " " + System.getProperty("user.name")));
        Files.createDirectories(project);
        Path env = project.resolve(".env.production");
        Files.writeString(env, "JWT_SECRET=" + SECRET + "\nDATABASE_URL=postgresql://edm:hunter2@postgres:5432/edm\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    }

    private Path config(String extra) throws IOException {
        return Files.writeString(dir.resolve("c.yml"), """
                projectDir: %s
                docker:
                  endpoint: unix://%s
                  timeoutSeconds: 2
                health:
                  urls: []
                security:
                  root: %s
                  deployUser: %s
                %s""".formatted(project, dir.resolve("no-docker.sock"), root, System.getProperty("user.name"), extra));
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        ConfigProblemsCliTest.Run r = ConfigProblemsCliTest.run("security", "--json", "--config", config("").toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(Set.of("status", "exitCode", "checkedAt", "findings"), names(json));
        assertTrue(STATUSES.contains(json.get("status").asText()), json.get("status").asText());
        assertEquals(r.code(), json.get("exitCode").asInt());
        Instant.parse(json.get("checkedAt").asText());
        assertTrue(json.get("findings").isArray() && json.get("findings").size() > 10, r.out());
        Set<String> rules = new HashSet<>();
        for (JsonNode f : json.get("findings")) {
            Set<String> keys = names(f);
            assertTrue(keys.equals(FINDING_KEYS) || f.get("accepted").asBoolean() && keys.equals(union(FINDING_KEYS, "reason")), f.toString());
            assertTrue(STATUSES.contains(f.get("status").asText()), f.toString());
            assertTrue(f.get("rule").asText().matches("[a-z]+(\\.[A-Za-z0-9_.-]+)*"), f.toString());
            for (String k : List.of("title", "evidence", "fix")) {
                assertTrue(f.get(k).isTextual(), f.toString());
            }
            rules.add(f.get("rule").asText().split("\\.")[0]);
        }
        assertEquals(Set.of("ssh", "secrets", "ports", "networks", "logs", "patches", "firewall", "https", "ratelimit"), rules);
        // The fixture's ssh and logs pass; the JWT secret is a placeholder (critical); no engine: unknown, never ok.
        assertEquals("critical", json.get("status").asText());
        assertEquals(2, r.code());
        assertEquals("ok", finding(json, "ssh.passwordAuthentication").get("status").asText());
        assertEquals("ok", finding(json, "logs.logrotate").get("status").asText());
        assertEquals("critical", finding(json, "secrets.jwtSecret").get("status").asText());
        assertEquals("unknown", finding(json, "networks").get("status").asText());
        assertFalse(r.out().contains(SECRET) || r.out().contains("hunter2") || r.err().contains(SECRET), r.out());
    }

    @Test
    void anAcceptedRiskIsMutedWithItsReasonAndNoLongerCounts() throws Exception {
        Path cfg = config("""
                  accept:
                    - rule: secrets.jwtSecret
                      reason: rotated with the next release
                    - rule: nosuch.rule
                      reason: typo
                """);
        ConfigProblemsCliTest.Run r = ConfigProblemsCliTest.run("security", "--json", "--config", cfg.toString());
        JsonNode jwt = finding(new ObjectMapper().readTree(r.out()), "secrets.jwtSecret");
        assertEquals("critical", jwt.get("status").asText());
        assertTrue(jwt.get("accepted").asBoolean());
        assertEquals("rotated with the next release", jwt.get("reason").asText());
        assertEquals(1, r.code(), "the worst that counts is the engine's unknown: " + r.out());
        assertTrue(r.err().contains("nosuch.rule"), r.err());
    }

    /** The schema the README points --json users at, as the repository ships it. */
    private static Schema reportSchema() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("docs", "security-report.schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void realJsonOutputMatchesTheShippedSchemaInBothLanguagesWithAnAcceptedRisk() throws Exception {
        Path cfg = config("""
                  accept:
                    - rule: secrets.jwtSecret
                      reason: rotated with the next release
                """);
        Schema schema = reportSchema();
        for (String lang : List.of("en", "zh-CN")) {
            ConfigProblemsCliTest.Run r = ConfigProblemsCliTest.run("security", "--json", "--config", cfg.toString(), "--lang", lang);
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals(List.of(), schema.validate(json).stream().map(Error::toString).toList(), lang + ": " + r.out());
        }
    }

    @Test
    void theSchemaRejectsWhatTheReportMustNeverBe() throws Exception {
        Schema schema = reportSchema();
        ObjectMapper m = new ObjectMapper();
        String finding = "{\"rule\":\"ssh.permitRootLogin\",\"status\":\"ok\",\"title\":\"t\",\"evidence\":\"\",\"fix\":\"\",\"accepted\":false}";
        String good = "{\"status\":\"ok\",\"exitCode\":0,\"checkedAt\":\"2026-12-01T22:00:00.123Z\",\"findings\":[" + finding + "]}";
        assertEquals(List.of(), schema.validate(m.readTree(good)));
        for (String bad : List.of(
                good.replace("\"status\":\"ok\",\"exitCode\"", "\"status\":\"fine\",\"exitCode\""),
                good.replace("\"exitCode\":0", "\"exitCode\":3"),
                good.replace("[" + finding + "]", "[]"),
                good.replace("\"accepted\":false", "\"accepted\":true"),
                good.replace("\"accepted\":false", "\"accepted\":false,\"reason\":\"why\""),
                good.replace("ssh.permitRootLogin", "SSH!"),
                good.replace("\"fix\":\"\",", ""))) {
            assertFalse(schema.validate(m.readTree(bad)).isEmpty(), "accepted: " + bad);
        }
    }

    @Test
    void theReportReadsInEnglishAndChinese() throws Exception {
        Path cfg = config("");
        ConfigProblemsCliTest.Run en = ConfigProblemsCliTest.run("security", "--config", cfg.toString(), "--lang", "en");
        assertTrue(en.out().contains("JWT_SECRET strong and not a placeholder"), en.out());
        assertTrue(en.out().contains("fix: set JWT_SECRET=$(openssl rand -hex 32)"), en.out());
        assertTrue(en.out().strip().lines().reduce((a, b) -> b).orElse("").startsWith("Security: CRITICAL"), en.out());
        ConfigProblemsCliTest.Run zh = ConfigProblemsCliTest.run("security", "--config", cfg.toString(), "--lang", "zh-CN");
        assertTrue(zh.out().contains("JWT_SECRET 足够强且不是占位符") && zh.out().contains("修复："), zh.out());
        assertTrue(zh.out().strip().lines().reduce((a, b) -> b).orElse("").startsWith("安全："), zh.out());
        assertEquals(2, zh.code());
        assertFalse(en.out().contains(SECRET) || zh.out().contains(SECRET));
    }

    @Test
    void fixLogrotateWritesOnlyAfterYes() throws Exception {
        Path empty = dir.resolve("empty-root");
        Files.createDirectories(empty.resolve("etc/logrotate.d"));
        Path cfg = Files.writeString(dir.resolve("fix.yml"), "projectDir: " + project + "\nsecurity:\n  root: " + empty + "\n");
        Path target = empty.resolve("etc/logrotate.d/edm");
        LineInput.use(LineInput.of(new ByteArrayInputStream("no\n".getBytes()), true));
        ConfigProblemsCliTest.Run no = ConfigProblemsCliTest.run("security", "fix", "logrotate", "--config", cfg.toString());
        assertEquals(SecurityFixCommand.NOT_DONE, no.code(), no.out() + no.err());
        assertTrue(no.out().contains(project + "/logs/*.log " + project + "/logs/*/*.log {"), no.out());
        assertFalse(Files.exists(target));
        LineInput.use(LineInput.of(new ByteArrayInputStream("yes\n".getBytes()), true));
        ConfigProblemsCliTest.Run yes = ConfigProblemsCliTest.run("security", "fix", "logrotate", "--config", cfg.toString());
        assertEquals(0, yes.code(), yes.out() + yes.err());
        assertTrue(Files.readString(target).contains("create 644 ubuntu ubuntu"));
        ConfigProblemsCliTest.Run readOnly = ConfigProblemsCliTest.run("security", "fix", "logrotate", "--read-only", "--config", cfg.toString());
        assertEquals(CliContext.CONFIG, readOnly.code(), readOnly.out() + readOnly.err());
    }

    private static JsonNode finding(JsonNode json, String rule) {
        for (JsonNode f : json.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + rule + " in " + json);
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new HashSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            s.add(it.next());
        }
        return s;
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> s = new HashSet<>(a);
        s.add(b);
        return s;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SecurityCommandTest.class.getResource("/security/" + name).toURI());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
