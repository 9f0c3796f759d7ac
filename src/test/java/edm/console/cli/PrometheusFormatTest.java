package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import edm.console.backup.AuditLog;
import edm.console.config.ConsoleConfig;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format prometheus} against the rules of Prometheus' text exposition format 0.0.4 (no Java
 * parser of it exists in the Prometheus client, which only writes it): each line a HELP, TYPE or sample; valid
 * metric and label names; label values escaped; one TYPE per family, before its samples, which are contiguous;
 * no series twice; values Go's ParseFloat reads. The parser below is strict, and gives back the values.
 */
class PrometheusFormatTest {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern VALUE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|[+-]Inf");

    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    /** The series (name{labels as parsed, unescaped}) and their values; fails on the first line that breaks a rule. */
    static Map<String, Double> parse(String text) {
        assertTrue(text.isEmpty() || text.endsWith("\n"), "ends with a line feed");
        Map<String, Double> series = new LinkedHashMap<>();
        Set<String> typed = new HashSet<>();
        Set<String> helped = new HashSet<>();
        Set<String> closed = new HashSet<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] f = line.split(" ", 4);
                assertTrue(f.length >= 3 && f[2].matches("[a-zA-Z_:][a-zA-Z0-9_:]*"), line);
                assertFalse(closed.contains(f[2]) || f[2].equals(current) && line.startsWith("# TYPE") && series.keySet().stream()
                        .anyMatch(k -> k.startsWith(f[2] + "{") || k.equals(f[2])), "HELP/TYPE after the family's samples: " + line);
                if (line.startsWith("# TYPE ")) {
                    assertTrue(typed.add(f[2]), "TYPE twice: " + line);
                    assertEquals(4, f.length, line);
                    assertTrue(Set.of("counter", "gauge", "histogram", "summary", "untyped").contains(f[3]), line);
                } else {
                    assertTrue(helped.add(f[2]), "HELP twice: " + line);
                    assertTrue(f.length < 4 || escapedHelp(f[3]), "HELP escapes only \\\\ and \\n: " + line);
                }
                if (current != null && !current.equals(f[2])) {
                    closed.add(current);
                }
                current = f[2];
                continue;
            }
            assertFalse(line.startsWith("#") && !line.startsWith("# "), line);
            if (line.startsWith("# ")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                fail("not a sample line: " + line);
            }
            String name = m.group(1);
            assertTrue(typed.contains(name), "sample before its TYPE: " + line);
            assertFalse(closed.contains(name), "samples of a family not together: " + line);
            if (!name.equals(current)) {
                closed.add(current);
                current = name;
            }
            StringBuilder key = new StringBuilder(name).append('{');
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                int at = 0;
                Set<String> names = new HashSet<>();
                while (at < m.group(3).length()) {
                    assertTrue(l.find(at) && l.start() == at, "bad labels: " + line);
                    assertTrue(names.add(l.group(1)), "label twice: " + line);
                    assertFalse(l.group(1).startsWith("__"), line);
                    String value = l.group(2).replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\\n", "\n").replace("\u0000", "\\");
                    key.append(l.group(1)).append('=').append(value).append(';');
                    at = l.end();
                }
            }
            assertTrue(VALUE.matcher(m.group(4)).matches(), "value: " + line);
            String k = key.append('}').toString();
            assertFalse(series.containsKey(k), "series twice: " + line);
            series.put(k, Double.parseDouble(m.group(4).replace("Inf", "Infinity")));
        }
        return series;
    }

    /** Every backslash starts \\\\ or \\n, read left to right. */
    private static boolean escapedHelp(String help) {
        for (int i = 0; i < help.length(); i++) {
            if (help.charAt(i) == '\\') {
                if (i + 1 == help.length() || help.charAt(i + 1) != '\\' && help.charAt(i + 1) != 'n') {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    @Test
    void labelValuesAreEscapedAndReadBackAsTheyWere() {
        PrometheusText p = new PrometheusText().gauge("edm_console_test_bytes", "A size.\nSecond line with a \\ backslash.");
        String nasty = "a \"quoted\" \\path\\ and\na new line, 数据库";
        p.sample("edm_console_test_bytes", 1536, "target", nasty, "kind", "");
        p.sample("edm_console_test_bytes", 0.25, "target", "plain", "kind", "x");
        p.sample("edm_console_test_bytes", Double.NaN, "target", "nan", "kind", "x");
        String text = p.text();
        Map<String, Double> s = parse(text);
        assertEquals(1536.0, s.get("edm_console_test_bytes{target=" + nasty + ";kind=;}"), text);
        assertEquals(0.25, s.get("edm_console_test_bytes{target=plain;kind=x;}"), text);
        assertTrue(text.contains("# HELP edm_console_test_bytes A size.\\nSecond line with a \\\\ backslash.\n"), text);
        assertTrue(text.contains(" 1536\n") && text.contains(" 0.25\n") && text.contains(" NaN\n"), text);
    }

    @Test
    void theChecksMetricsFollowTheFormatAndTheNamingConventions() throws Exception {
        ConsoleConfig config = new ConsoleConfig();
        config.projectDir = dir.toString();
        config.schedule.root = dir.resolve("root").toString();
        Instant now = Instant.parse("2026-12-01T21:00:00Z");
        AuditLog.append(dir, new AuditLog.Entry(now.minusSeconds(600), "ops", null, "deploy", "backend", "v1.1 -> v1.2", "rolled-back",
                "health check failed", 61_000));
        AuditLog.append(dir, new AuditLog.Entry(now.minusSeconds(300), "ops", null, "deploy", "frontend", "v1.0 -> v1.1", "ok", null, 42_000));
        List<ContainerInfo> containers = List.of(
                new ContainerInfo("abc", "edm-backend-prod", "edm-backend:v1.1", ContainerStatus.RUNNING, HealthStatus.HEALTHY,
                        now.minusSeconds(9000), now.minusSeconds(3600), 2, List.of(), Map.of()),
                new ContainerInfo("def", "edm-nginx-prod", "edm-nginx:v1.0", ContainerStatus.EXITED, HealthStatus.NONE,
                        now.minusSeconds(9000), null, -1, List.of(), Map.of()));
        ContainersSnapshot snap = new ContainersSnapshot(EngineStatus.up("unix:///var/run/docker.sock", "1.41", "20.10", now), containers,
                Map.of(), now);
        List<ProbeResult> probes = List.of(
                new ProbeResult("http:https://tkmail.fun/api/health", "http", "https://tkmail.fun/api/health", ProbeStatus.OK, "200 in 43 ms",
                        Duration.ofMillis(43), now, "", Map.of()),
                new ProbeResult("disk:/", "disk", "/", ProbeStatus.CRITICAL, "91 %", Duration.ofMillis(2), now, "over 85 %", Map.of()));
        String text = PrometheusReport.text(new SnapshotCollector.Report(snap, null, probes, now), config, () -> now);
        Map<String, Double> s = parse(text);

        assertEquals(3.0, s.get("edm_console_check_status{}"), text);
        assertEquals(0.043, s.get("edm_console_probe_latency_seconds{probe=http:https://tkmail.fun/api/health;kind=http;target=https://tkmail.fun/api/health;}"));
        assertEquals(0.0, s.get("edm_console_probe_ok{probe=disk:/;kind=disk;target=/;}"));
        assertEquals(3.0, s.get("edm_console_probe_status{probe=disk:/;kind=disk;target=/;}"));
        assertEquals(1.0, s.get("edm_console_container_state{container=edm-backend-prod;state=running;}"));
        assertEquals(0.0, s.get("edm_console_container_state{container=edm-backend-prod;state=exited;}"));
        assertEquals(1.0, s.get("edm_console_container_state{container=edm-nginx-prod;state=exited;}"));
        assertEquals(2.0, s.get("edm_console_container_restarts{container=edm-backend-prod;}"));
        assertFalse(s.containsKey("edm_console_container_restarts{container=edm-nginx-prod;}"), "an unknown count is no sample, not -1");
        assertEquals(0.0, s.get("edm_console_last_deploy_success{service=backend;action=deploy;}"));
        assertEquals(1.0, s.get("edm_console_last_deploy_success{service=frontend;action=deploy;}"));
        assertEquals((double) now.minusSeconds(300).getEpochSecond(), s.get("edm_console_last_deploy_timestamp_seconds{service=frontend;action=deploy;}"));
        assertEquals(0.0, s.get("edm_console_backup_count{kind=db;}"), text);
        for (String series : s.keySet()) {
            String name = series.substring(0, series.indexOf('{'));
            assertTrue(name.startsWith("edm_console_"), series);
            // Base units only: seconds and bytes, never milliseconds, minutes or kilobytes.
            assertFalse(name.matches(".*_(milliseconds|ms|minutes|hours|days|kilobytes|kib|mib|percent)(_|$).*"), series);
        }
    }

    @Test
    void theTextfileIsRenamedIntoPlaceReadableByNodeExporter() throws Exception {
        Path out = dir.resolve("textfile");
        Path written = PrometheusReport.writeTextfile(out, "# HELP a b\n# TYPE a gauge\na 1\n");
        assertEquals(out.resolve("edm_console.prom"), written);
        assertEquals("# HELP a b\n# TYPE a gauge\na 1\n", Files.readString(written));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(written)));
        try (var files = Files.list(out)) {
            assertEquals(List.of(written), files.toList(), "no temp file left behind");
        }
    }
}
