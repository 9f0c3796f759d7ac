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
 * @param config       the effective configuration
 * @param source       the config file that was chosen (even if it could not be read: the problems say why);
 *                     empty when no file was found and the built-in defaults are used
 * @param problems     everything wrong with the file, in file order; empty when the config is valid
 * @param searched     the places that were looked at, in search order (for messages like "no config file in ...")
 * @param warnings     true but worth saying, e.g. that the file sets nothing; never a reason to refuse
 * @param hostProblems what is wrong on this machine with what the config names (its project directory is
 *                     missing): errors for {@code config check}, CRITICAL probes for {@code check} and the TUI,
 *                     which still run so that they can say so
 */
public record LoadedConfig(ConsoleConfig config, Optional<Path> source, List<ConfigProblem> problems, List<Path> searched,
                           List<ConfigProblem> warnings, List<ConfigProblem> hostProblems) {

    public LoadedConfig {
        problems = List.copyOf(problems);
        searched = List.copyOf(searched);
        warnings = List.copyOf(warnings);
        hostProblems = List.copyOf(hostProblems);
    }

    public LoadedConfig(ConsoleConfig config, Optional<Path> source, List<ConfigProblem> problems, List<Path> searched) {
        this(config, source, problems, searched, List.of(), List.of());
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public boolean fromDefaults() {
        return source.isEmpty();
    }
}
