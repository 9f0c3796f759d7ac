package edm.console.checklist;

import edm.console.config.ConfigProblem;
import edm.console.config.LocatedYaml;
import edm.console.config.YamlNode;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads checklists: the spec's lists shipped as resources under {@code checklists/}, then every
 * {@code *.yml} / {@code *.yaml} in the operator's checklist directory. A file whose name matches a
 * built-in list replaces it, or adds its items to it with {@code extend: true}. Problems are reported
 * as {@code file:line: key: problem} and the file concerned is left out.
 */
public final class ChecklistLoader {
    /** The built-in lists, in the order they are offered. */
    public static final List<String> BUILT_IN = List.of("pre-deploy", "deploy", "post-deploy", "daily", "weekly", "incident");

    private static final Set<String> TOP_KEYS = Set.of("name", "title", "en", "flow", "extend", "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "title", "en", "check", "params", "required", "actions", "record");

    /** What was loaded, and what was wrong. */
    public record Loaded(Map<String, Checklist> checklists, List<ConfigProblem> problems) {
        public List<String> names() {
            return List.copyOf(checklists.keySet());
        }
    }

    private final Map<String, Checklist> lists = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ChecklistLoader() {
    }

    /** The built-ins, extended or replaced by the files in {@code dir} (which may be null or absent). */
    public static Loaded load(Path dir) {
        ChecklistLoader l = new ChecklistLoader();
        for (String name : BUILT_IN) {
            l.add(LocatedYaml.parse(Path.of("builtin:" + name + ".yml"), resource(name)), name);
        }
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted()
                        .forEach(f -> l.add(LocatedYaml.parse(f), baseName(f)));
            } catch (IOException e) {
                l.problems.add(new ConfigProblem(dir, 0, "", Messages.t("checklist.problem.unreadableDir", e.getMessage())));
            }
        }
        return new Loaded(Collections.unmodifiableMap(l.lists), List.copyOf(l.problems));
    }

    /** Parses one file on its own (for tests and `config check`-like use). */
    public static Loaded parseFile(Path file) {
        ChecklistLoader l = new ChecklistLoader();
        l.add(LocatedYaml.parse(file), baseName(file));
        return new Loaded(l.lists, List.copyOf(l.problems));
    }

    private static String baseName(Path f) {
        return f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static String resource(String name) {
        try (InputStream in = ChecklistLoader.class.getClassLoader().getResourceAsStream("checklists/" + name + ".yml")) {
            if (in == null) {
                throw new IllegalStateException("built-in checklist missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(LocatedYaml yaml, String defaultName) {
        if (!yaml.problems().isEmpty() || yaml.root() == null) {
            problems.addAll(yaml.problems());
            return;
        }
        List<ConfigProblem> found = new ArrayList<>();
        Checklist parsed = new FileParser(yaml, fileOf(yaml), found).checklist(defaultName);
        if (!found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        Checklist base = lists.get(parsed.name());
        boolean extend = yaml.root().path("extend").asBoolean(false);
        if (extend && base == null && parsed.title().isBlank()) {
            problems.add(new ConfigProblem(yaml.file(), yaml.lineOf("extend"), "extend",
                    Messages.t("checklist.problem.nothingToExtend", parsed.name())));
            return;
        }
        if (extend && base != null) {
            List<Checklist.Item> items = new ArrayList<>(base.items());
            items.addAll(parsed.items());
            lists.put(parsed.name(), new Checklist(base.name(), base.title(), base.titleEn(), base.flow(), items, parsed.source()));
        } else {
            lists.put(parsed.name(), parsed);
        }
    }

    private static Path fileOf(LocatedYaml yaml) {
        return yaml.file();
    }
    /** Turns one parsed file into a checklist, collecting every problem rather than stopping at the first. */
    private static final class FileParser {
        private final LocatedYaml yaml;
        private final Path file;
        private final List<ConfigProblem> out;

        FileParser(LocatedYaml yaml, Path file, List<ConfigProblem> out) {
            this.yaml = yaml;
            this.file = file;
            this.out = out;
        }

        Checklist checklist(String defaultName) {
            YamlNode root = yaml.root();
            unknownKeys(root, "", TOP_KEYS);
            String name = text(root, "name", defaultName);
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                problem("name", "badName", name);
            }
            String title = text(root, "title", "");
            boolean extend = bool(root, "extend", "extend", false);
            if (title.isBlank() && !extend) {
                problem("title", "missing");
            }
            boolean flow = bool(root, "flow", "flow", false);
            YamlNode items = root.get("items");
            List<Checklist.Item> parsed = new ArrayList<>();
            if (items == null || !items.isArray() || items.isEmpty()) {
                problem("items", "noItems");
            } else {
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < items.size(); i++) {
                    Checklist.Item item = item(items.get(i), "items[" + i + "]", i);
                    if (item != null && !ids.add(item.id())) {
                        problem("items[" + i + "].id", "duplicateId", item.id());
                    }
                    parsed.add(item);
                }
            }
            return new Checklist(name, title, text(root, "en", ""), flow, parsed.stream().filter(Objects::nonNull).toList(), file);
        }

        private Checklist.Item item(YamlNode n, String key, int index) {
            if (!n.isObject()) {
                problem(key, "itemNotMapping");
                return null;
            }
            unknownKeys(n, key, ITEM_KEYS);
            String title = text(n, "title", "");
            if (title.isBlank()) {
                problem(key + ".title", "missing");
            }
            CheckKind check = null;
            if (n.has("check")) {
                String c = n.get("check").asText();
                check = CheckKind.byName(c).orElse(null);
                if (check == null) {
                    problem(key + ".check", "badCheck", c, CheckKind.names());
                }
            }
            Map<String, String> params = new LinkedHashMap<>();
            YamlNode p = n.get("params");
            if (p != null) {
                if (!p.isObject()) {
                    problem(key + ".params", "paramsNotMapping");
                } else {
                    p.properties().forEach(e -> {
                        if (!e.getValue().isNumber()) {
                            problem(key + ".params." + e.getKey(), "paramNotNumber", e.getValue().asText());
                        } else {
                            params.put(e.getKey(), e.getValue().asText());
                        }
                    });
                }
            }
            List<String> actions = new ArrayList<>();
            YamlNode a = n.get("actions");
            if (a != null) {
                if (!a.isArray()) {
                    problem(key + ".actions", "actionsNotList");
                } else {
                    for (int j = 0; j < a.size(); j++) {
                        String action = a.get(j).asText();
                        if (!Checklist.ACTIONS.contains(action)) {
                            problem(key + ".actions[" + j + "]", "badAction", action, String.join(", ", Checklist.ACTIONS));
                        }
                        actions.add(action);
                    }
                }
            }
            String record = text(n, "record", "");
            if (!record.isEmpty() && !Checklist.RECORD_PARTS.contains(record)) {
                problem(key + ".record", "badRecord", record, String.join(", ", Checklist.RECORD_PARTS));
            }
            String id = text(n, "id", "item-" + (index + 1));
            return new Checklist.Item(id, title, text(n, "en", ""), check, params, bool(n, "required", key + ".required", true),
                    actions, record);
        }

        private void unknownKeys(YamlNode node, String prefix, Set<String> allowed) {
            for (String k : node.fieldNames()) {
                if (!allowed.contains(k)) {
                    problem(prefix.isEmpty() ? k : prefix + "." + k, "unknownKey", String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        private boolean bool(YamlNode n, String field, String key, boolean fallback) {
            YamlNode v = n.get(field);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isBoolean()) {
                problem(key, "notBoolean", v.asText());
                return fallback;
            }
            return v.booleanValue();
        }

        private static String text(YamlNode n, String field, String fallback) {
            YamlNode v = n.get(field);
            return v == null || v.isNull() ? fallback : v.asText().strip();
        }

        private void problem(String key, String messageKey, Object... args) {
            out.add(new ConfigProblem(file, yaml.lineOf(key), key, Messages.t("checklist.problem." + messageKey, args)));
        }
    }
}
