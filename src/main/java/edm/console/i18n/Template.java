package edm.console.i18n;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * One bundle pattern, split once into its literal text and its plain {@code {N}} placeholders, so
 * that the strings the UI draws every frame are filled in without parsing a {@link MessageFormat}
 * each time. The output is exactly MessageFormat's: a pattern with quotes or typed placeholders
 * ({@code {0,number}}), and any argument this class would not print the way MessageFormat does (a
 * fraction, a number with a thousands separator, null, a date), go to MessageFormat itself.
 */
final class Template {
    private final String pattern;
    /** Literal text before each placeholder, then the text after the last one; null: MessageFormat only. */
    private final String[] literals;
    private final int[] indexes;

    private Template(String pattern, String[] literals, int[] indexes) {
        this.pattern = pattern;
        this.literals = literals;
        this.indexes = indexes;
    }

    String pattern() {
        return pattern;
    }

    static Template of(String pattern) {
        if (pattern.indexOf('\'') >= 0) {
            return new Template(pattern, null, null); // quoting rules: leave them to MessageFormat
        }
        int count = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                count++;
            }
        }
        String[] literals = new String[count + 1];
        int[] indexes = new int[count];
        int from = 0;
        for (int n = 0; n < count; n++) {
            int open = pattern.indexOf('{', from);
            int close = pattern.indexOf('}', open);
            if (close < 0 || close == open + 1 || close - open > 3) {
                return new Template(pattern, null, null);
            }
            int index = 0;
            for (int i = open + 1; i < close; i++) {
                char c = pattern.charAt(i);
                if (c < '0' || c > '9') {
                    return new Template(pattern, null, null); // {0,number,...}, {0,choice,...}
                }
                index = index * 10 + (c - '0');
            }
            literals[n] = pattern.substring(from, open);
            indexes[n] = index;
            from = close + 1;
        }
        if (pattern.indexOf('}', from) >= 0) {
            return new Template(pattern, null, null);
        }
        literals[count] = pattern.substring(from);
        return new Template(pattern, literals, indexes);
    }

    String format(Object[] args, Locale locale) {
        if (literals == null || !plain(args)) {
            return new MessageFormat(pattern, locale).format(args);
        }
        StringBuilder b = new StringBuilder(pattern.length() + 16 * indexes.length);
        for (int n = 0; n < indexes.length; n++) {
            b.append(literals[n]).append(args[indexes[n]]);
        }
        return b.append(literals[indexes.length]).toString();
    }

    /** Whether every argument a placeholder names prints the same through toString() as through MessageFormat. */
    private boolean plain(Object[] args) {
        for (int index : indexes) {
            if (index >= args.length) {
                return false; // MessageFormat prints "{N}"
            }
            Object a = args[index];
            if (a instanceof String) {
                continue;
            }
            if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) {
                long v = ((Number) a).longValue();
                if (v > -1000 && v < 1000) {
                    continue; // no grouping separator in either language
                }
            }
            return false;
        }
        return true;
    }
}
