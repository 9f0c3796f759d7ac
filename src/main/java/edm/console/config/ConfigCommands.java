package edm.console.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code config check} and {@code config show} as pure functions from a loaded config to the lines
 * to print and the exit code; the CLI only prints them.
 */
public final class ConfigCommands {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INVALID = 2;

    /** What a command prints (one element per line, no trailing newlines) and its exit code. */
    public record Output(List<String> lines, int exitCode) {
        public Output {
            lines = List.copyOf(lines);
        }

        public String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private ConfigCommands() {
    }

    /**
     * One line per problem (the file's and the host's, such as a missing project directory), then a
     * summary; exit 0 when there are none, 2 when there are. A file that sets nothing is a warning line
     * rather than "config OK", so that nobody believes their settings were read.
     */
    public static Output check(LoadedConfig loaded) {
        List<String> lines = new ArrayList<>();
        List<ConfigProblem> errors = new ArrayList<>(loaded.problems());
        errors.addAll(loaded.hostProblems());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ConfigProblem::line));
            errors.forEach(p -> lines.add(p.toString()));
            lines.add(Messages.t("config.check.problems", errors.size(), where(loaded)));
            return new Output(lines, EXIT_INVALID);
        }
        if (!loaded.warnings().isEmpty()) {
            loaded.warnings().forEach(w -> lines.add(w.toString()));
            return new Output(lines, EXIT_OK);
        }
        lines.add(loaded.source()
                .map(p -> Messages.t("config.check.ok", p))
                .orElseGet(() -> Messages.t("config.check.okDefaults", searched(loaded))));
        return new Output(lines, EXIT_OK);
    }

    /**
     * The effective configuration as YAML, secrets masked, with a comment header saying where it came
     * from. When the file has problems they are listed in the header and the exit code is 2, so that a
     * script never takes a half-applied config for the real one.
     */
    public static Output show(LoadedConfig loaded) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + Messages.t("config.show.header"));
        lines.add("# " + loaded.source()
                .map(p -> Messages.t("config.show.source", p))
                .orElseGet(() -> Messages.t("config.show.defaults", searched(loaded))));
        lines.add("# " + Messages.t("config.show.masked", Secrets.MASK));
        loaded.warnings().forEach(w -> lines.add("# " + w));
        loaded.hostProblems().forEach(p -> lines.add("# " + p));
        if (!loaded.valid()) {
            lines.add("# " + Messages.t("config.show.invalid", loaded.problems().size()));
            loaded.problems().forEach(p -> lines.add("#   " + p));
        }
        lines.addAll(toYaml(loaded.config()).lines().toList());
        return new Output(lines, loaded.valid() ? EXIT_OK : EXIT_INVALID);
    }

    /** The config as YAML with every secret-looking value masked (secret key names, URL passwords). */
    static String toYaml(ConsoleConfig config) {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build());
        JsonNode tree = yaml.valueToTree(config);
        mask(tree, "");
        try {
            return yaml.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config as YAML", e);
        }
    }

    /** Masks in place: values of secret-named keys, and passwords inside URLs anywhere. */
    static void mask(JsonNode node, String name) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(Secrets.maskValue(e.getKey(), e.getValue().asText())));
                } else if (e.getValue().isDouble() && e.getValue().doubleValue() == Math.rint(e.getValue().doubleValue())) {
                    // 5 rather than 5.0: the way people write it in the file
                    e.setValue(LongNode.valueOf(e.getValue().longValue()));
                } else {
                    mask(e.getValue(), e.getKey());
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                if (arr.get(i).isTextual()) {
                    arr.set(i, TextNode.valueOf(Secrets.maskValue(name, arr.get(i).asText())));
                } else {
                    mask(arr.get(i), name);
                }
            }
        }
    }

    private static String where(LoadedConfig loaded) {
        return loaded.source().map(Path::toString).orElse("(defaults)");
    }

    private static String searched(LoadedConfig loaded) {
        return loaded.searched().stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
