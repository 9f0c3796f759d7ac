package edm.console.logs;

import edm.console.core.Clock;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens log sessions for the UI with the configured limits: the view asks for sources by name, this
 * builds the container and file sources. The container side is optional (null when the console runs
 * without an engine).
 */
public final class LogSessions {
    /** Longest line kept in full; the rest is counted (a 1 MB line is shown cut, not rendered). */
    public static final int MAX_LINE_CHARS = 8192;

    private final ContainerLogApi containers;
    private final Path projectDir;
    private final List<String> fileGlobs;
    private final int initialLines;
    private final int maxLines;
    private final long maxBytes;
    private final Clock clock;
    /** Swarm services' logs (null: no swarm on this engine's console). */
    private volatile ServiceLogApi services;

    public LogSessions(ContainerLogApi containers, Path projectDir, List<String> fileGlobs, int initialLines, int maxLines,
                       long maxBytes, Clock clock) {
        this.containers = containers;
        this.projectDir = projectDir;
        this.fileGlobs = List.copyOf(fileGlobs);
        this.initialLines = initialLines;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Serves {@link LogSourceSpec.Kind#SERVICE} sources from here on. */
    public void useServices(ServiceLogApi api) {
        this.services = api;
    }

    public List<String> fileGlobs() {
        return fileGlobs;
    }

    public int maxLines() {
        return maxLines;
    }

    /** Starts following the given sources; {@code onChange} runs on the pump thread after each batch. */
    public LogSession open(List<LogSourceSpec> specs, Runnable onChange) {
        LogWindow window = LogWindow.lastLines(initialLines, true);
        LogMetrics metrics = new LogMetrics(clock); // per session: a re-opened source must not count twice
        List<LogSource> sources = specs.stream().map(s -> source(s, window, metrics)).toList();
        return new LogSession(sources, new LogBuffer(maxLines, maxBytes), LogSession.QUEUE_CAPACITY, metrics, onChange).start();
    }

    public LogSource source(LogSourceSpec s, LogWindow window, LogMetrics metrics) {
        if (s.kind() == LogSourceSpec.Kind.FILES) {
            return new FileGlobSource(s.name(), projectDir, window, metrics, clock, MAX_LINE_CHARS);
        }
        if (s.kind() == LogSourceSpec.Kind.SERVICE) {
            ServiceLogApi api = services;
            if (api == null) {
                throw new IllegalStateException("no swarm for service logs: " + s.name());
            }
            return new ServiceLogSource(api, s.name(), window, metrics, clock, MAX_LINE_CHARS);
        }
        if (containers == null) {
            throw new IllegalStateException("no engine for container logs: " + s.name());
        }
        return new ContainerLogSource(containers, s.name(), window, metrics, clock, MAX_LINE_CHARS);
    }
}
