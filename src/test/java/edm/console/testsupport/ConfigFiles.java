package edm.console.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes a variant of a config file (e.g. the sandbox's) with some settings changed, for one test. */
public final class ConfigFiles {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigFiles() {
    }

    public static Path variant(Path base, Path out, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) YAML.readTree(base.toFile());
        change.accept(root);
        Files.createDirectories(out.getParent());
        YAML.writeValue(out.toFile(), root);
        return out;
    }
}
