package edm.console.ui;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.ui.keys.KeyMap;
import java.util.Set;

/**
 * What the UI needs that does not change while it runs.
 *
 * @param configLabel the config file in use, or the words for "built-in defaults"
 * @param stackNames  container names of the configured EDM stack (shown first, alarms when stopped)
 * @param dockerContext the docker context the engine's address came from, or "" (the status bar names it)
 * @param engine      the engine's configured name when the console has several (the status bar names it), or ""
 */
public record UiContext(Theme theme, KeyMap keys, Messages messages, Format format, Clock clock,
                        ConsoleConfig.Thresholds thresholds, Set<String> stackNames, String configLabel,
                        String dockerContext, String engine) {
    public UiContext {
        stackNames = Set.copyOf(stackNames);
        dockerContext = dockerContext == null ? "" : dockerContext;
        engine = engine == null ? "" : engine;
    }

    /** One engine only. */
    public UiContext(Theme theme, KeyMap keys, Messages messages, Format format, Clock clock,
                     ConsoleConfig.Thresholds thresholds, Set<String> stackNames, String configLabel, String dockerContext) {
        this(theme, keys, messages, format, clock, thresholds, stackNames, configLabel, dockerContext, "");
    }

    /** Without a docker context. */
    public UiContext(Theme theme, KeyMap keys, Messages messages, Format format, Clock clock,
                     ConsoleConfig.Thresholds thresholds, Set<String> stackNames, String configLabel) {
        this(theme, keys, messages, format, clock, thresholds, stackNames, configLabel, "", "");
    }
}
