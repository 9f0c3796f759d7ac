package edm.console.cli;

import edm.console.checklist.LogErrorEvidence;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.logs.LogFilter;
import edm.console.logs.LogLevel;
import edm.console.logs.LogMetrics;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSource;
import edm.console.logs.LogSourceSpec;
import edm.console.logs.LogWindow;
import edm.console.logs.MergedRead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "log errors" checklist evidence from the configured log files (logs.files of the config,
 * rotated and .gz files included): error lines per source over the window. Container logs are left
 * out so that the check does not depend on the engine.
 */
public final class LogFileErrorCounts implements LogErrorEvidence {
    private final ConsoleConfig config;
    private final Clock clock;

    public LogFileErrorCounts(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<SourceErrors> errorsSince(Duration window) throws InterruptedException {
        if (config.logs.files.isEmpty()) {
            throw new UnsupportedOperationException("no log files configured");
        }
        LogSessions factory = new LogSessions(null, config.projectPath(), config.logs.files, config.logs.initialLines,
                config.logs.maxLines, config.logs.maxBytes, clock);
        LogWindow since = new LogWindow(clock.now().minus(window), 0, false);
        LogMetrics metrics = new LogMetrics(clock);
        List<LogSource> sources = config.logs.files.stream().map(g -> factory.source(LogSourceSpec.files(g), since, metrics)).toList();
        Map<String, Long> counts = new TreeMap<>();
        LogFilter errorsOnly = new LogFilter(null, LogFilter.MatchMode.ALL, LogLevel.ERROR);
        new MergedRead(sources, errorsOnly, l -> counts.merge(l.source(), 1L, Long::sum), l -> { }).run();
        List<SourceErrors> out = new ArrayList<>();
        counts.forEach((s, n) -> out.add(new SourceErrors(s, n)));
        return out;
    }
}
