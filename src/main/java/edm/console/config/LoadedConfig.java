package edm.console.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of loading the configuration. Loading never throws for user mistakes: they are in
 * {@link #problems()}. The config is always usable: values from the file that were valid, built-in
 * defaults for everything else, so a caller may show the problems and still run (the CLI refuses
 * to act on an invalid config; the TUI shows the problems).
 *
 * @param config   the effective configuration
 * @param source   the config file that was chosen (even if it could not be read: the problems say why);
 *                 empty when no file was found and the built-in defaults are used
 * @param problems everything wrong with the file, in file order; empty when the config is valid
 * @param searched the places that were looked at, in search order (for messages like "no config file in ...")
 */
public record LoadedConfig(ConsoleConfig config, Optional<Path> source, List<ConfigProblem> problems, List<Path> searched) {

    public LoadedConfig {
        problems = List.copyOf(problems);
        searched = List.copyOf(searched);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public boolean fromDefaults() {
        return source.isEmpty();
    }
}
