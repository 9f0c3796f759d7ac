package edm.console.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private ChecklistRun incidentRun() {
        Checklist incident = ChecklistLoader.load(null).checklists().get("incident");
        ChecklistRun run = new ChecklistRun(incident, ChecklistRunTest.checks(List.of(), null),
                Operator.fromEnvironment(Map.of("USER", "root", "SUDO_USER", "alice", "SSH_CONNECTION", "10.1.2.3 52000 10.0.0.5 22")),
                ChecklistRunTest.CLOCK);
        run.confirm("API 502 since 02:40");
        run.skip("monitoring was down; REDIS_URL=redis://:s3cret@cache:6379 in the notes");
        run.confirm("restarted backend");
        return run;
    }

    @Test
    void bothFilesCarryWhoWhenEachItemAndTheRecordWithoutSecrets() throws IOException {
        ReportWriter.Saved saved = ReportWriter.save(incidentRun(), dir);
        assertEquals(dir, saved.markdown().getParent());
        assertTrue(saved.markdown().getFileName().toString().endsWith("-incident.md"), saved.markdown().toString());
        String md = Files.readString(saved.markdown());
        assertTrue(md.startsWith("# 服务异常处理流程 — Incident response\n"), md);
        assertTrue(md.contains("- Run by: alice (10.1.2.3)"), md);
        assertTrue(md.contains("- [x] 1. 确认问题范围和影响 — Establish the scope and the impact of the problem **CONFIRMED**"), md);
        assertTrue(md.contains("- [ ] 2. 查看相关日志和监控"), md);
        assertTrue(md.contains("  - Reason: monitoring was down"), md);
        assertTrue(md.contains("- [ ] 4. 如无法快速修复则回滚 — Roll back if it cannot be fixed quickly **PENDING** (optional)"), md);
        assertTrue(md.contains("### What was seen\n- API 502 since 02:40\n- monitoring was down"), md);
        assertTrue(md.contains("### What was done\n- restarted backend\n"), md);
        assertFalse(md.contains("s3cret"), md);

        String jsonText = Files.readString(saved.json());
        assertFalse(jsonText.contains("s3cret"), jsonText);
        JsonNode json = new ObjectMapper().readTree(jsonText);
        assertEquals("incident", json.get("checklist").asText());
        assertEquals("alice", json.get("user").asText());
        assertEquals("10.1.2.3", json.get("from").asText());
        assertEquals("2026-11-29T03:00:00Z", json.get("started").asText());
        assertFalse(json.get("complete").asBoolean());
        assertEquals(6, json.get("items").size());
        assertEquals("SKIPPED", json.get("items").get(1).get("outcome").asText());
        assertEquals("manual", json.get("items").get(1).get("check").asText());
        assertEquals("2026-11-29T03:00:00Z", json.get("items").get(0).get("at").asText());
        assertTrue(json.get("items").get(3).get("at").isNull());
        List<String> failing = new java.util.ArrayList<>();
        json.get("requiredFailures").forEach(n -> failing.add(n.asText()));
        assertEquals(List.of("logs-and-monitoring", "write-up", "root-cause"), failing);
        assertEquals("API 502 since 02:40", json.get("record").get("seen").get(0).asText());
    }

    @Test
    void automaticEvidenceIsInTheReportAndASecondRunDoesNotOverwriteTheFirst() throws IOException {
        Checklist daily = ChecklistLoader.load(null).checklists().get("daily");
        ChecklistRun run = new ChecklistRun(daily, ChecklistRunTest.checks(List.of(
                ChecklistRunTest.probe("container", "edm-backend", ProbeStatus.OK, "running, healthy")), null),
                new Operator("ops", "local"), ChecklistRunTest.CLOCK);
        run.runAutomatic();
        ReportWriter.Saved first = ReportWriter.save(run, dir);
        ReportWriter.Saved second = ReportWriter.save(run, dir);
        assertNotEquals(first.markdown(), second.markdown());
        String md = Files.readString(first.markdown());
        assertTrue(md.contains("**PASS**\n  - Evidence: all 1 OK @ 2026-11-29T03:00:00Z\n    - edm-backend: OK running, healthy\n"), md);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count(), "two reports, and no temporary file left behind");
        }
    }
}
