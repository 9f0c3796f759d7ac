package edm.console.checklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a run as two files under the reports directory ({@code logs/system/checklists/} of the
 * project): {@code STAMP-NAME.md} for people and {@code STAMP-NAME.json} for tools. Each is written to a
 * temporary file and moved into place, so a reader never sees half a report.
 */
public final class ReportWriter {
    public static final String DIRECTORY = "logs/system/checklists";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** The two files written. */
    public record Saved(Path markdown, Path json) {
    }

    public static Saved save(ChecklistRun run, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = STAMP.format(run.started()) + "-" + run.checklist().name();
        Path md = dir.resolve(base + ".md");
        Path json = dir.resolve(base + ".json");
        for (int n = 2; Files.exists(md) || Files.exists(json); n++) {
            md = dir.resolve(base + "-" + n + ".md");
            json = dir.resolve(base + "-" + n + ".json");
        }
        writeAtomically(json, JSON.writeValueAsString(json(run)));
        writeAtomically(md, markdown(run));
        return new Saved(md, json);
    }

    static Map<String, Object> json(ChecklistRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checklist", run.checklist().name());
        m.put("title", run.checklist().title());
        m.put("titleEn", run.checklist().titleEn());
        m.put("user", run.operator().user());
        m.put("from", run.operator().from());
        m.put("started", run.started().toString());
        m.put("complete", run.finished());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ItemResult r : run.results()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", r.item().id());
            i.put("title", r.item().title());
            i.put("titleEn", r.item().titleEn());
            i.put("required", r.item().required());
            i.put("check", r.item().automatic() ? r.item().check().fileName() : "manual");
            i.put("outcome", r.outcome().name());
            i.put("value", mask(r.value()));
            i.put("details", r.details().stream().map(ReportWriter::mask).toList());
            i.put("note", mask(r.note()));
            i.put("failingContainers", r.failingContainers());
            i.put("at", r.at() == null ? null : r.at().toString());
            items.add(i);
        }
        m.put("items", items);
        m.put("requiredFailures", run.requiredFailures().stream().map(r -> r.item().id()).toList());
        if (run.checklist().flow()) {
            Map<String, Object> record = new LinkedHashMap<>();
            run.incidentRecord().forEach((k, v) -> record.put(k, v.stream().map(ReportWriter::mask).toList()));
            m.put("record", record);
        }
        return m;
    }

    static String markdown(ChecklistRun run) {
        StringBuilder b = new StringBuilder();
        Checklist c = run.checklist();
        b.append("# ").append(c.title()).append(" — ").append(c.titleEn()).append("\n\n");
        b.append("- ").append(Messages.t("checklist.report.user")).append(": ").append(run.operator().user())
                .append(" (").append(run.operator().from()).append(")\n");
        b.append("- ").append(Messages.t("checklist.report.started")).append(": ").append(run.started()).append('\n');
        List<ItemResult> failing = run.requiredFailures();
        b.append("- ").append(Messages.t("checklist.report.result")).append(": ")
                .append(failing.isEmpty() ? Messages.t("checklist.report.ok") : Messages.t("checklist.report.failing", failing.size()))
                .append("\n\n");
        int n = 1;
        for (ItemResult r : run.results()) {
            b.append(r.outcome().satisfies() ? "- [x] " : "- [ ] ").append(n++).append(". ").append(r.item().title())
                    .append(" — ").append(r.item().titleEn()).append(" **").append(r.outcome()).append("**")
                    .append(r.item().required() ? "" : " (" + Messages.t("checklist.optional") + ")").append('\n');
            if (!r.value().isEmpty()) {
                b.append("  - ").append(Messages.t("checklist.report.evidence")).append(": ").append(mask(r.value()))
                        .append(r.at() == null ? "" : " @ " + r.at()).append('\n');
            }
            r.details().forEach(d -> b.append("    - ").append(mask(d)).append('\n'));
            if (!r.note().isEmpty()) {
                b.append("  - ").append(Messages.t(r.outcome() == Outcome.SKIPPED ? "checklist.report.reason" : "checklist.report.note"))
                        .append(": ").append(mask(r.note())).append('\n');
            }
        }
        if (c.flow()) {
            b.append("\n## ").append(Messages.t("checklist.report.record")).append("\n");
            run.incidentRecord().forEach((part, notes) -> {
                b.append("\n### ").append(Messages.t("checklist.record." + part)).append('\n');
                notes.forEach(note -> b.append("- ").append(mask(note)).append('\n'));
            });
        }
        return b.toString();
    }

    private static String mask(String s) {
        return s == null ? "" : Secrets.maskUrlPasswords(s);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
