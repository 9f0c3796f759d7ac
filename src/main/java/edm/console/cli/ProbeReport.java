package edm.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.text.TextTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Probe results as a table for people or JSON for tools; shared by `check` and `status`. */
public final class ProbeReport {
    /** Built on first use: the tables of `check` and `status` need no JSON (Jackson's mapping costs a tenth of a second). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ProbeReport() {
    }

    /** Exit code of `check`: 0 all well, 1 a warning (or a probe that could not run), 2 a critical problem. */
    /** The report as indented JSON text. */
    static String jsonText(ObjectNode root) {
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int exitCode(ProbeStatus worst) {
        return switch (worst) {
            case OK -> 0;
            case WARNING, UNKNOWN -> 1;
            case CRITICAL -> 2;
        };
    }

    public static String statusWord(ProbeStatus s) {
        return Messages.t("check.status." + s.name().toLowerCase(Locale.ROOT));
    }

    public static List<String> table(List<ProbeResult> results, boolean onlyProblems, int width) {
        TextTable t = new TextTable()
                .column(Messages.t("check.col.status"), Align.LEFT)
                .column(Messages.t("check.col.kind"), Align.LEFT)
                .shrinkableColumn(Messages.t("check.col.target"), Align.LEFT)
                .shrinkableColumn(Messages.t("check.col.value"), Align.LEFT)
                .shrinkableColumn(Messages.t("check.col.detail"), Align.LEFT);
        int rows = 0;
        for (ProbeResult r : results) {
            if (onlyProblems && r.ok()) {
                continue;
            }
            t.row(statusWord(r.status()), r.kind(), r.target(), r.value(), r.error());
            rows++;
        }
        return rows == 0 ? List.of() : t.lines(width);
    }

    public static ObjectNode json(List<ProbeResult> results, ProbeStatus worst) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", worst.name().toLowerCase(Locale.ROOT));
        root.put("exitCode", exitCode(worst));
        ArrayNode arr = root.putArray("probes");
        for (ProbeResult r : results) {
            ObjectNode n = arr.addObject();
            n.put("id", r.id());
            n.put("kind", r.kind());
            n.put("target", r.target());
            n.put("status", r.status().name().toLowerCase(Locale.ROOT));
            n.put("value", r.value());
            n.put("latencyMs", r.latency().toMillis());
            n.put("checkedAt", r.checkedAt().toString());
            n.put("error", r.error());
            ObjectNode m = n.putObject("metrics");
            for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return root;
    }
}
