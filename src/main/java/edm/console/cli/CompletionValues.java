package edm.console.cli;

import edm.console.checklist.ChecklistLoader;
import edm.console.checklist.Checklists;
import edm.console.config.LoadedConfig;
import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ImageRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The values of command parameters that only the running console knows (service names from the config,
 * checklist names, image tags seen on the engine): one table for the shell's Tab ({@link ShellCommand})
 * and for the call-back of the bash/zsh completion script ({@code edm-console __complete PATH POSITION}).
 */
final class CompletionValues {
    /** What a parameter position takes. */
    enum Kind {
        SERVICES, CHECKLISTS, TAGS
    }

    /**
     * By command path (without the root), the kind of each positional parameter; the last one also holds
     * for the positions after it ({@code logs SOURCE...}).
     */
    static final Map<String, List<Kind>> POSITIONS = positions();

    /** What a completion may offer: names and tags, never text that bash would take as syntax. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]*");

    private CompletionValues() {
    }

    private static Map<String, List<Kind>> positions() {
        Map<String, List<Kind>> m = new LinkedHashMap<>();
        m.put("logs", List.of(Kind.SERVICES));
        m.put("deploy", List.of(Kind.SERVICES, Kind.TAGS));
        m.put("rollback", List.of(Kind.SERVICES, Kind.TAGS));
        m.put("restart", List.of(Kind.SERVICES));
        m.put("checklist run", List.of(Kind.CHECKLISTS));
        m.put("checklist show", List.of(Kind.CHECKLISTS));
        return m;
    }

    /** The kind of the parameter at {@code position} (0-based) of {@code path}; empty when the console knows no values. */
    static Optional<Kind> at(String path, int position) {
        List<Kind> kinds = POSITIONS.get(path);
        if (kinds == null || position < 0) {
            return Optional.empty();
        }
        return Optional.of(kinds.get(Math.min(position, kinds.size() - 1)));
    }

    /** The values of a kind for the loaded config, computed when asked (the engine may be slow or down: then it throws). */
    static Supplier<Collection<String>> of(Kind kind, LoadedConfig loaded) {
        return switch (kind) {
            case SERVICES -> () -> loaded.config().services.stream().map(s -> s.name).toList();
            case CHECKLISTS -> () -> ChecklistLoader.load(Checklists.userDirectory(loaded.source())).names();
            case TAGS -> () -> {
                TreeSet<String> tags = new TreeSet<>();
                for (ContainerInfo c : SnapshotCollector.listContainers(loaded.config(), Clock.SYSTEM).containers()) {
                    String tag = ImageRef.parse(c.image()).tag();
                    if (!tag.isEmpty()) {
                        tags.add(tag);
                    }
                }
                return tags;
            };
        };
    }

    /** Whether a value may go to a shell's completion as it is. */
    static boolean safe(String value) {
        return SAFE.matcher(value).matches();
    }
}
