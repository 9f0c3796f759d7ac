package edm.console.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets one variable in an env file's text, changing nothing else: the last line that sets it (compose
 * takes the last) gets the new value, keeping its {@code export }, its quotes and a trailing comment; a
 * variable the file does not set yet is appended. Comments, order and every other line stay as they were.
 */
final class EnvEdit {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.:/@+-]*");

    private EnvEdit() {
    }

    static String set(String text, String name, String value) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Pattern assignment = Pattern.compile("^(\\s*(?:export\\s+)?" + Pattern.quote(name) + "\\s*=\\s*)(.*)$");
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = assignment.matcher(lines.get(i));
            if (m.matches()) {
                lines.set(i, m.group(1) + replaceValue(m.group(2), value));
                return String.join("\n", lines);
            }
        }
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        return text + sep + name + "=" + quoted(value, '\0') + "\n";
    }

    /** The old value part ({@code v1.1  # note}, {@code "v1.1"}) with the new value in its place and style. */
    private static String replaceValue(String old, String value) {
        if (old.startsWith("\"") || old.startsWith("'")) {
            char q = old.charAt(0);
            int close = old.indexOf(q, 1);
            String rest = close < 0 ? "" : old.substring(close + 1);
            return quoted(value, q) + rest;
        }
        int comment = -1;
        for (int k = 0; k < old.length(); k++) {
            if (old.charAt(k) == '#' && (k == 0 || Character.isWhitespace(old.charAt(k - 1)))) {
                comment = k;
                break;
            }
        }
        if (comment < 0) {
            return quoted(value, '\0');
        }
        String before = old.substring(0, comment);
        String gap = before.substring(before.stripTrailing().length());
        return quoted(value, '\0') + (gap.isEmpty() ? " " : gap) + old.substring(comment);
    }

    /** The value as the file should hold it: as is when plain, else in the given (or double) quotes. */
    static String quoted(String value, char quote) {
        if (quote == '\0' && PLAIN.matcher(value).matches()) {
            return value;
        }
        if (quote == '\'' && value.indexOf('\'') < 0 && value.indexOf('\n') < 0) {
            return "'" + value + "'";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
