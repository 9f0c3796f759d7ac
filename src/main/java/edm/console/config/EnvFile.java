package edm.console.config;

import edm.console.core.Secrets;
import edm.console.i18n.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code .env} files such as SPEC-006's {@code .env.production}, the way docker compose does:
 * {@code NAME=value} lines, {@code #} comments, an optional {@code export } prefix, single quotes
 * (literal) and double quotes (with {@code \n \t \" \\} escapes, may span lines), and {@code  # comment}
 * after an unquoted value. {@code ${VAR}} is not expanded: the console only reads values, it does not
 * run anything with them.
 * <p>
 * The values are usually secrets: show them only through {@link #masked(Map)}.
 */
public final class EnvFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    /** The values in file order (a name set twice keeps its last value, as compose does) and the lines that were skipped. */
    public record Parsed(Map<String, String> values, List<ConfigProblem> problems) {
        public Parsed {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            problems = List.copyOf(problems);
        }
    }

    private EnvFile() {
    }

    /** The variables of the file in file order; malformed lines are skipped (see {@link #parse(Path)} for them). */
    public static Map<String, String> read(Path file) throws IOException {
        return parse(file).values();
    }

    public static Parsed parse(Path file) throws IOException {
        return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses lines already read; {@code file} only names the source in problems. */
    public static Parsed parse(Path file, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("export ") || s.startsWith("export\t")) {
                s = s.substring("export".length()).strip();
            }
            int eq = s.indexOf('=');
            if (eq < 0) {
                problems.add(new ConfigProblem(file, lineNo, "", Messages.t("config.env.badLine")));
                continue;
            }
            String name = s.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                problems.add(new ConfigProblem(file, lineNo, "", Messages.t("config.env.badName", name)));
                continue;
            }
            String rest = s.substring(eq + 1).stripLeading();
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                char quote = rest.charAt(0);
                StringBuilder value = new StringBuilder();
                String current = rest.substring(1);
                int end = i;
                // A quoted value may continue on the next lines until its closing quote.
                while (!appendQuoted(current, quote, value)) {
                    if (++end >= lines.size()) {
                        break;
                    }
                    value.append('\n');
                    current = lines.get(end);
                }
                if (end >= lines.size()) {
                    problems.add(new ConfigProblem(file, lineNo, name, Messages.t("config.env.unclosedQuote", String.valueOf(quote))));
                    break;
                }
                values.put(name, value.toString());
                i = end;
            } else {
                values.put(name, stripComment(rest));
            }
        }
        return new Parsed(values, problems);
    }

    /** Appends the text up to the closing quote; false when the quote is not closed on this line. */
    private static boolean appendQuoted(String text, char quote, StringBuilder out) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == quote) {
                return true;
            }
            if (quote == '"' && c == '\\' && k + 1 < text.length()) {
                char next = text.charAt(++k);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '"', '\\', '$' -> out.append(next);
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return false;
    }

    /** {@code value # comment} → {@code value}; a {@code #} inside a word (URL fragments, passwords) stays. */
    private static String stripComment(String value) {
        for (int k = 0; k < value.length(); k++) {
            if (value.charAt(k) == '#' && (k == 0 || Character.isWhitespace(value.charAt(k - 1)))) {
                return value.substring(0, k).strip();
            }
        }
        return value.strip();
    }

    /** The same variables with secret values masked ({@code JWT_SECRET}, passwords in {@code DATABASE_URL}), for display. */
    public static Map<String, String> masked(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Secrets.maskValue(k, v)));
        return out;
    }
}
