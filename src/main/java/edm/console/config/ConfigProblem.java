package edm.console.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, printed on one line as {@code file:line: key: message}
 * (the format compilers use, so that editors can jump to it). The message says what is wrong and
 * what is expected, already translated.
 *
 * @param file    the config file, or null for the built-in defaults
 * @param line    1-based line in the file, 0 when no line applies (the file is missing, or the value is a default)
 * @param key     dotted path of the setting ({@code thresholds.diskPercent}, {@code services[2].name}),
 *                empty when the problem concerns the whole file
 * @param message what is wrong, what is expected
 */
public record ConfigProblem(Path file, int line, String key, String message) {

    public ConfigProblem {
        key = key == null ? "" : key;
        message = message == null ? "" : message.replace('\n', ' ');
    }

    /** {@code file:line: key: message}; the line and key parts are left out when they do not apply. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(file == null ? "(defaults)" : file.toString());
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (!key.isEmpty()) {
            b.append(key).append(": ");
        }
        return b.append(message).toString();
    }
}
