package edm.console.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.text.Align;
import edm.console.text.TextTable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Probe results as a table for people or JSON for tools; shared by `check` and `status`. */
public final class ProbeReport {
    /** The fields of one JSON object, written in order. */
    interface JsonFields {
        void write(JsonGenerator g) throws IOException;
    }

    private ProbeReport() {
    }

    /**
     * One JSON object, indented as Jackson's ObjectMapper with INDENT_OUTPUT wrote it (its default pretty
     * printer), written with jackson-core's generator alone: jackson-databind's mapping cost `check --json`
     * a tenth of a second of CPU. ProbeReportJsonTest holds the text to what the mapper makes of it.
     */
    static String jsonObject(JsonFields fields) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Exit code of `check`: 0 all well, 1 a warning (or a probe that could not run), 2 a critical problem. */
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

    /** The report's fields: the worst status, the exit code and every probe. */
    static void writeJson(JsonGenerator g, List<ProbeResult> results, ProbeStatus worst) throws IOException {
        g.writeStringField("status", worst.name().toLowerCase(Locale.ROOT));
        g.writeNumberField("exitCode", exitCode(worst));
        g.writeArrayFieldStart("probes");
        for (ProbeResult r : results) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("kind", r.kind());
            g.writeStringField("target", r.target());
            g.writeStringField("status", r.status().name().toLowerCase(Locale.ROOT));
            g.writeStringField("value", r.value());
            g.writeNumberField("latencyMs", r.latency().toMillis());
            g.writeStringField("checkedAt", r.checkedAt().toString());
            g.writeStringField("error", r.error());
            g.writeObjectFieldStart("metrics");
            for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
