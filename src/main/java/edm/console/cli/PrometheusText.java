package edm.console.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prometheus' text exposition format (version 0.0.4), gauges only: each family once, its HELP and TYPE
 * lines before its samples, label values escaped (backslash, double quote, line feed), HELP text escaped
 * (backslash, line feed). A family without samples is left out.
 */
final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private record Family(String help, List<String> samples) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    /** Declares a gauge; samples are added with {@link #sample}. */
    PrometheusText gauge(String name, String help) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        families.putIfAbsent(name, new Family(help, new ArrayList<>()));
        return this;
    }

    /** One sample of a declared gauge; labels as name, value, name, value... */
    PrometheusText sample(String name, double value, String... labels) {
        Family f = families.get(name);
        if (f == null) {
            throw new IllegalArgumentException("undeclared metric: " + name);
        }
        StringBuilder b = new StringBuilder(name);
        if (labels.length > 0) {
            b.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (!LABEL.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("not a label name: " + labels[i]);
                }
                b.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
            }
            b.append('}');
        }
        f.samples().add(b.append(' ').append(number(value)).toString());
        return this;
    }

    String text() {
        StringBuilder b = new StringBuilder();
        families.forEach((name, f) -> {
            if (!f.samples().isEmpty()) {
                b.append("# HELP ").append(name).append(' ').append(escapeHelp(f.help())).append('\n');
                b.append("# TYPE ").append(name).append(" gauge\n");
                f.samples().forEach(s -> b.append(s).append('\n'));
            }
        });
        return b.toString();
    }

    static String escapeLabel(String v) {
        return (v == null ? "" : v).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction (timestamps, bytes), others in plain decimal notation; NaN and ±Inf as the format spells them. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }
}
