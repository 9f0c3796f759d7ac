package edm.console.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, reads, checks and binds the config file. The first of these that is given or exists wins:
 * <ol>
 *   <li>{@code --config FILE} (must exist)</li>
 *   <li>{@code $EDM_CONSOLE_CONFIG} (must exist)</li>
 *   <li>{@code /opt/edm/edm-console.yml}</li>
 *   <li>{@code ~/.config/edm-console/config.yml}</li>
 * </ol>
 * With none, the built-in defaults (SPEC-006). The file is YAML, or JSON when its name ends in
 * {@code .json}; its values are merged over the defaults (a list replaces the default list). Keys are
 * camelCase only, exactly as in {@link ConsoleConfig}: one spelling keeps files grep-able and
 * {@code config show} output identical to what one writes; kebab-case and snake_case spellings are
 * reported with the camelCase key to use instead.
 */
public final class ConfigLoader {
    public static final String ENV_VAR = "EDM_CONSOLE_CONFIG";
    public static final Path SYSTEM_CONFIG = Path.of("/opt/edm/edm-console.yml");
    /** Relative to the user's home. */
    public static final Path USER_CONFIG = Path.of(".config", "edm-console", "config.yml");

    private final Path systemConfig;

    /** @param systemConfig the system-wide location to search (tests point it elsewhere) */
    public ConfigLoader(Path systemConfig) {
        this.systemConfig = systemConfig;
    }

    /**
     * Loads the configuration from the first location in the search order.
     *
     * @param explicitOrNull the {@code --config} option, or null
     * @param env            the environment ({@code System.getenv()})
     * @param home           the user's home directory, or null when unknown
     */
    public static LoadedConfig load(Path explicitOrNull, Map<String, String> env, Path home) {
        return new ConfigLoader(SYSTEM_CONFIG).find(explicitOrNull, env, home);
    }

    public LoadedConfig find(Path explicitOrNull, Map<String, String> env, Path home) {
        List<Path> searched = new ArrayList<>();
        if (explicitOrNull != null) {
            searched.add(explicitOrNull);
            return loadRequired(explicitOrNull, "--config", searched);
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv.strip());
            searched.add(p);
            return loadRequired(p, "$" + ENV_VAR, searched);
        }
        List<Path> optional = new ArrayList<>();
        optional.add(systemConfig);
        if (home != null) {
            optional.add(home.resolve(USER_CONFIG));
        }
        for (Path p : optional) {
            searched.add(p);
            if (Files.exists(p)) {
                return loadFile(p, searched);
            }
        }
        ConsoleConfig defaults = new ConsoleConfig();
        return new LoadedConfig(defaults, Optional.empty(), List.of(), searched, List.of(),
                hostProblems(defaults, new ProblemList(null, Map.of())));
    }

    /** Loads one given file (for {@code config check FILE} and tests). */
    public static LoadedConfig loadFile(Path file) {
        return loadFile(file, List.of(file));
    }

    private static LoadedConfig loadRequired(Path file, String givenBy, List<Path> searched) {
        if (!Files.exists(file)) {
            return failed(file, "notFound", givenBy, searched);
        }
        if (Files.isDirectory(file)) {
            return failed(file, "isDirectory", givenBy, searched);
        }
        return loadFile(file, searched);
    }

    private static LoadedConfig failed(Path file, String messageKey, String givenBy, List<Path> searched) {
        ProblemList problems = new ProblemList(file, Map.of());
        problems.addAt(0, "", messageKey, givenBy);
        return new LoadedConfig(new ConsoleConfig(), Optional.of(file), problems.sorted(), searched);
    }

    private static LoadedConfig loadFile(Path file, List<Path> searched) {
        LocatedTree tree = LocatedTree.parse(file);
        ProblemList problems = tree.problems();
        ConsoleConfig config = new ConsoleConfig();
        if (tree.root() != null) {
            YamlNode usable = new SchemaChecker(problems).check(tree.root());
            config = ConfigBinder.bind(usable, new ConsoleConfig());
            new ConfigValidator(problems).validate(config);
        }
        List<ConfigProblem> warnings = new ArrayList<>();
        if (tree.setsNothing()) {
            ProblemList w = new ProblemList(file, tree.lines());
            w.addAt(0, "", "setsNothing");
            warnings.addAll(w.sorted());
        }
        // Without a readable tree the config is all defaults: their project dir is not what the file meant.
        List<ConfigProblem> host = tree.root() != null
                ? hostProblems(config, new ProblemList(file, tree.lines())) : List.of();
        return new LoadedConfig(config, Optional.of(file), problems.sorted(), searched, warnings, host);
    }

    /**
     * The project directory must exist: everything the console reads and writes lives there, and a typo
     * in it would otherwise show an empty, "healthy" project. A relative path is already a problem.
     */
    private static List<ConfigProblem> hostProblems(ConsoleConfig config, ProblemList out) {
        Path dir;
        try {
            dir = Path.of(config.projectDir);
        } catch (InvalidPathException e) {
            return List.of();
        }
        if (!dir.isAbsolute()) {
            return List.of();
        }
        if (!Files.exists(dir)) {
            out.add("projectDir", "projectDirMissing", config.projectDir);
        } else if (!Files.isDirectory(dir)) {
            out.add("projectDir", "projectDirNotDirectory", config.projectDir);
        }
        return out.sorted();
    }
}
