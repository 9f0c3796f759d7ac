package edm.console.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The config layer's line-remembering YAML reader, for other data files that want the same
 * {@code file:line: key: problem} messages (checklists). Syntax errors, duplicate keys and a
 * non-mapping root are already reported in {@link #problems()}.
 */
public final class LocatedYaml {
    private final LocatedTree tree;

    private LocatedYaml(LocatedTree tree) {
        this.tree = tree;
    }

    public static LocatedYaml parse(Path file) {
        return new LocatedYaml(LocatedTree.parse(file));
    }

    /** Parses text held in memory (e.g. a classpath resource); {@code name} stands for the file in messages. */
    public static LocatedYaml parse(Path name, String text) {
        return new LocatedYaml(LocatedTree.parse(name, text));
    }

    public Path file() {
        return tree.file();
    }

    /** The root mapping, or null when the file could not be parsed. */
    public YamlNode root() {
        return tree.root();
    }

    /** Line of a dotted key ({@code items[2].check}), else of its nearest parent present in the file. */
    public int lineOf(String key) {
        return tree.problems().lineOf(key);
    }

    public List<ConfigProblem> problems() {
        return tree.problems().sorted();
    }
}
