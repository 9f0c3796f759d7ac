package edm.console.cli;

import edm.console.config.ConfigLoader;
import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.i18n.LanguageResolver;
import edm.console.i18n.Messages;
import edm.console.sandbox.SandboxProject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the config the global options point at (--config, --sandbox, or the search order) and applies
 * the option overrides (--theme, --read-only, --lang). Problems are printed one per line.
 */
public final class ConfigSelection {
    private ConfigSelection() {
    }

    public static LoadedConfig load(GlobalOptions o) {
        Path explicit = o.config;
        if (o.sandbox && explicit == null) {
            explicit = SandboxProject.fromEnvironment().configFile();
        }
        LoadedConfig loaded = ConfigLoader.load(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
        ConsoleConfig c = loaded.config();
        if (o.theme != null) {
            c.ui.theme = o.theme;
        }
        if (o.readOnly) {
            c.readOnly = true;
        }
        if (o.lang == null && loaded.valid()) {
            // The config's language applies when --lang did not say otherwise.
            Messages.use(LanguageResolver.resolve(null, c.ui.language, System.getenv()));
        }
        return loaded;
    }

    /** Prints the problems and returns false when the config cannot be used. */
    public static boolean usable(LoadedConfig loaded, PrintWriter err) {
        if (loaded.valid()) {
            return true;
        }
        Path sandboxConfig = SandboxProject.fromEnvironment().configFile();
        if (loaded.source().filter(sandboxConfig::equals).isPresent() && !Files.exists(sandboxConfig)) {
            err.println(Messages.t("cli.noSandbox", sandboxConfig));
            err.flush();
            return false;
        }
        loaded.problems().forEach(p -> err.println(p.toString()));
        err.println(Messages.t("cli.configInvalid", loaded.problems().size()));
        err.flush();
        return false;
    }

    /** "FILE" or the words for built-in defaults, for the status bar and `status`. */
    public static String label(LoadedConfig loaded) {
        Optional<Path> src = loaded.source();
        return src.map(Path::toString).orElse(Messages.t("cli.builtInDefaults"));
    }
}
