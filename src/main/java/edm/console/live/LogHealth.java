package edm.console.live;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.logs.LogBuffer;
import edm.console.logs.LogMetrics;
import edm.console.logs.LogSession;
import edm.console.logs.LogSessions;
import edm.console.logs.LogSourceSpec;
import edm.console.logs.LogWindow;
import edm.console.logs.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Error rate and response times from the access logs, as probes for the alert rules (SPEC-006: error
 * rate > 5 %, API > 5 s). Follows the configured log files with its own session and counters, so what
 * the operator views in the Logs panel does not change what is measured; it keeps only a few lines.
 */
public final class LogHealth implements AutoCloseable {
    /** Fewer requests than this in the window say too little to compute a rate from. */
    static final int MIN_REQUESTS = 20;

    private final LogSession session;
    private final ConsoleConfig.Thresholds thresholds;
    private final Clock clock;

    public LogHealth(LogSessions sessions, ConsoleConfig config, Clock clock) {
        LogMetrics metrics = new LogMetrics(clock);
        // Only what is written from now on (tail 1: the last existing line, not the whole file; 0 means all).
        LogWindow fromNow = LogWindow.lastLines(1, true);
        List<edm.console.logs.LogSource> sources = new ArrayList<>();
        for (String glob : sessions.fileGlobs()) {
            sources.add(sessions.source(LogSourceSpec.files(glob), fromNow, metrics));
        }
        this.session = new LogSession(sources, new LogBuffer(100, 64 * 1024), LogSession.QUEUE_CAPACITY, metrics, () -> { });
        this.thresholds = config.thresholds;
        this.clock = clock;
    }

    public LogHealth start() {
        session.start();
        return this;
    }

    /** One probe per source that served requests in the last five minutes. */
    public List<ProbeResult> probes() {
        List<ProbeResult> out = new ArrayList<>();
        LogMetrics metrics = session.metrics();
        for (String source : metrics.sources()) {
            metrics.of(source).ifPresent(m -> {
                WindowStats w = m.lastFiveMinutes();
                if (w.requests() < MIN_REQUESTS) {
                    return;
                }
                Map<String, Double> values = new HashMap<>();
                double rate = w.serverErrorPercent();
                values.put("errorRatePercent", rate);
                values.put("requestsPerSecond", w.requestsPerSecond());
                if (!Double.isNaN(w.p99())) {
                    values.put("p99Seconds", w.p99());
                }
                boolean bad = rate > thresholds.errorRatePercent;
                String value = Messages.t("health.logs.value", String.format("%.1f", rate), w.requests(),
                        Double.isNaN(w.p99()) ? "-" : String.format("%.2f s", w.p99()));
                out.add(new ProbeResult("logs:" + source, "logs", source, bad ? ProbeStatus.CRITICAL : ProbeStatus.OK, value,
                        Duration.ZERO, clock.now(), bad ? Messages.t("health.logs.errorRate", String.format("%.1f", rate)) : "",
                        values));
            });
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
    }
}
