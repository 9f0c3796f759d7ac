package edm.console.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} in a compose file value, exactly as docker-compose 1.29 reads it (compose/config/interpolation.py,
 * TemplateWithDefaults): {@code $$} is a literal {@code $}; {@code $VAR} and {@code ${VAR}} the variable (empty when
 * unset); {@code ${VAR:-default}} the default when unset or empty, {@code ${VAR-default}} only when unset;
 * {@code ${VAR:?err}} fails when unset or empty, {@code ${VAR?err}} when unset. Names are letters, digits and
 * {@code _}, not starting with a digit (either case); any other {@code $} is an invalid interpolation.
 */
public final class Interpolation {
    private static final Pattern TOKEN = Pattern.compile(
            "\\$(?:(?<escaped>\\$)|(?<named>[_a-z][_a-z0-9]*)|\\{(?<braced>[_a-z][_a-z0-9]*)(?:(?<sep>:?[-?])(?<arg>[^}]*))?}|(?<invalid>))",
            Pattern.CASE_INSENSITIVE);

    /** Why a value cannot be interpolated: {@code invalid} for a malformed {@code $}, else the required variable's message. */
    public static final class Failure extends Exception {
        private final boolean invalid;
        private final String variable;

        Failure(boolean invalid, String variable, String message) {
            super(message);
            this.invalid = invalid;
            this.variable = variable;
        }

        public boolean invalid() {
            return invalid;
        }

        /** The required variable that is missing (empty for an invalid format). */
        public String variable() {
            return variable;
        }
    }

    /** One piece of a template: literal text, or a reference to a variable (with its form). */
    public record Part(String literal, String variable, String sep, String arg, int start, int end) {
        public boolean isVariable() {
            return variable != null;
        }
    }

    private Interpolation() {
    }

    /** The value with every variable replaced from {@code env} (a missing one reads as empty, as compose does). */
    public static String interpolate(String template, Map<String, String> env) throws Failure {
        return expand(parse(template), env::get);
    }

    /** The template split into literals ({@code $$} already one {@code $}) and variable references, in order. */
    public static List<Part> parse(String template) throws Failure {
        List<Part> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(template);
        int at = 0;
        StringBuilder literal = new StringBuilder();
        int literalStart = 0;
        while (m.find()) {
            literal.append(template, at, m.start());
            if (m.group("escaped") != null) {
                literal.append('$');
            } else if (m.group("invalid") != null) {
                throw new Failure(true, "", template);
            } else {
                if (literal.length() > 0) {
                    parts.add(new Part(literal.toString(), null, null, null, literalStart, m.start()));
                    literal.setLength(0);
                }
                String name = m.group("named") != null ? m.group("named") : m.group("braced");
                parts.add(new Part(null, name, m.group("sep"), m.group("arg"), m.start(), m.end()));
                literalStart = m.end();
            }
            at = m.end();
        }
        literal.append(template, at, template.length());
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null, null, null, literalStart, template.length()));
        }
        return parts;
    }

    /** Joins the parts with each variable's value from {@code env}. */
    public static String expand(List<Part> parts, Function<String, String> env) throws Failure {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            out.append(p.isVariable() ? value(p, env) : p.literal());
        }
        return out.toString();
    }

    static String value(Part p, Function<String, String> env) throws Failure {
        String v = env.apply(p.variable());
        if (p.sep() == null) {
            return v == null ? "" : v;
        }
        return switch (p.sep()) {
            case ":-" -> v == null || v.isEmpty() ? p.arg() : v;
            case "-" -> v == null ? p.arg() : v;
            case ":?" -> {
                if (v == null || v.isEmpty()) {
                    throw new Failure(false, p.variable(), p.arg().isEmpty() ? p.variable() : p.arg());
                }
                yield v;
            }
            default -> {
                if (v == null) {
                    throw new Failure(false, p.variable(), p.arg().isEmpty() ? p.variable() : p.arg());
                }
                yield v;
            }
        };
    }
}
