package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.text.DurationText;
import edm.console.core.Clock;
import edm.console.i18n.Messages;
import edm.console.live.GatewayLogApi;
import edm.console.logs.LogFilter;
import edm.console.logs.LogFormat;
import edm.console.logs.LogLevel;
import edm.console.logs.LogMetrics;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSource;
import edm.console.logs.LogSourceSpec;
import edm.console.logs.LogWindow;
import edm.console.logs.MergedRead;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console logs SOURCE... [--follow] [--since D] [--grep RE] [--level L]}: the merged,
 * sanitised lines of services, containers or configured log files, each tagged with its source, for
 * scripts, narrow terminals and incident records. Notices (no such container yet...) go to stderr.
 */
@Command(name = "logs", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class LogsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SOURCE", descriptionKey = "param.logSource")
    List<String> sources;
    @Option(names = {"-f", "--follow"}, descriptionKey = "opt.follow")
    boolean follow;
    @Option(names = "--since", paramLabel = "DURATION", descriptionKey = "opt.since")
    String since;
    @Option(names = "--tail", paramLabel = "N", descriptionKey = "opt.tail")
    Integer tail;
    @Option(names = "--grep", paramLabel = "REGEX", descriptionKey = "opt.grep")
    String grep;
    @Option(names = "--level", paramLabel = "LEVEL", descriptionKey = "opt.level")
    String level;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try (CliContext cli = CliContext.open(spec)) {
            return cli == null ? 2 : logs(cli);
        }
    }

    private int logs(CliContext cli) throws InterruptedException {
        PrintWriter out = cli.out;
        PrintWriter err = cli.err;
        ConsoleConfig config = cli.config();
        Duration back;
        LogLevel min;
        Pattern pattern;
        try {
            back = since == null ? null : DurationText.parse(since);
        } catch (IllegalArgumentException e) {
            return usage(err, Messages.t("cli.logs.badDuration", since));
        }
        min = level == null ? LogLevel.NONE : LogLevel.parse(level).orElse(null);
        if (min == null) {
            return usage(err, Messages.t("cli.logs.badLevel", level));
        }
        try {
            pattern = grep == null ? null : Pattern.compile(grep);
        } catch (PatternSyntaxException e) {
            return usage(err, Messages.t("cli.logs.badRegex", e.getDescription()));
        }
        int lines = tail != null ? tail : back != null ? 0 : config.logs.initialLines;
        LogWindow window = new LogWindow(back == null ? null : Clock.SYSTEM.now().minus(back), lines, follow);
        List<LogSourceSpec> specs = sources.stream().map(s -> resolve(config, s)).toList();
        boolean needsEngine = specs.stream().anyMatch(s -> s.kind() == LogSourceSpec.Kind.CONTAINER);
        LogSessions factory = new LogSessions(needsEngine ? new GatewayLogApi(cli.gateway()) : null, config.projectPath(),
                config.logs.files, config.logs.initialLines, config.logs.maxLines, config.logs.maxBytes, Clock.SYSTEM);
        LogMetrics metrics = new LogMetrics(Clock.SYSTEM);
        List<LogSource> readers = specs.stream().map(s -> factory.source(s, window, metrics)).toList();
        ZoneId zone = ZoneId.systemDefault();
        java.util.concurrent.atomic.AtomicInteger notices = new java.util.concurrent.atomic.AtomicInteger();
        LogFilter filter = new LogFilter(pattern, pattern == null ? LogFilter.MatchMode.ALL : LogFilter.MatchMode.ONLY_MATCHING, min);
        new MergedRead(readers, filter, l -> {
            out.println(LogFormat.plain(l, true, zone));
            if (follow) {
                out.flush();
            }
        }, l -> {
            notices.incrementAndGet();
            err.println(Messages.t("cli.logs.notice", l.source(), l.text()));
            err.flush();
        }).run();
        out.flush();
        return notices.get() > 0 ? 1 : 0; // 1: a source was missing or unreadable (said on stderr)
    }

    /** A service name means its container; a configured glob, or anything path-like, means files. */
    static LogSourceSpec resolve(ConsoleConfig config, String source) {
        if (config.service(source).isPresent()) {
            return LogSourceSpec.container(config.containerName(config.service(source).get()));
        }
        if (config.logs.files.contains(source) || source.contains("/") || source.contains("*")) {
            return LogSourceSpec.files(source);
        }
        return LogSourceSpec.container(source);
    }

    private static int usage(PrintWriter err, String message) {
        err.println(Messages.t("cli.error", message));
        err.flush();
        return 2;
    }
}
