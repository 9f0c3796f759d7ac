package edm.console.config;

import edm.console.i18n.Messages;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems of one config file. Knows the line of every setting present in the file, so
 * that a check that only sees the bound values can still point at the right line; a setting that is
 * not in the file (a default) gets the line of its nearest parent that is.
 */
final class ProblemList {
    private final Path file;
    private final Map<String, Integer> lines;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ProblemList(Path file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Adds a problem at {@code key}; the message is {@code config.problem.<messageKey>} from the config bundle. */
    void add(String key, String messageKey, Object... args) {
        addAt(lineOf(key), key, messageKey, args);
    }

    /** A problem at {@code key} unless {@code value} is an absolute path (the settings that name files outside the project). */
    void requireAbsolutePath(String key, String value) {
        boolean absolute;
        try {
            absolute = value != null && !value.isBlank() && Path.of(value).isAbsolute();
        } catch (InvalidPathException e) {
            absolute = false;
        }
        if (!absolute) {
            add(key, "notAbsolute", String.valueOf(value));
        }
    }

    void addAt(int line, String key, String messageKey, Object... args) {
        problems.add(new ConfigProblem(file, line, key, Messages.t("config.problem." + messageKey, args)));
    }

    int lineOf(String key) {
        String k = key;
        while (true) {
            Integer line = lines.get(k);
            if (line != null) {
                return line;
            }
            if (k.isEmpty()) {
                return 0;
            }
            k = ConfigPaths.parent(k);
        }
    }

    void clear() {
        problems.clear();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in file order (stable for problems on the same line), ready to print. */
    List<ConfigProblem> sorted() {
        List<ConfigProblem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparingInt(ConfigProblem::line));
        return copy;
    }
}
