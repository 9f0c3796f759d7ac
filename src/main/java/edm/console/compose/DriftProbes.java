package edm.console.compose;

import edm.console.config.ConsoleConfig;
import edm.console.core.ContainersSnapshot;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compose drift as probe results for {@code check} (and its JSON): a WARNING per finding, UNKNOWN when the
 * file cannot be read, one OK when engine and file agree; nothing without a compose file or without the
 * engine's list (the engine probe already says why).
 */
public final class DriftProbes {
    public static final String KIND = "compose";

    private DriftProbes() {
    }

    public static List<ProbeResult> evaluate(ConsoleConfig config, ContainersSnapshot containers, Instant now) {
        ComposeSync sync = ComposeSync.of(config);
        if (!sync.active() || !containers.engine().connected()) {
            return List.of();
        }
        return evaluate(new ComposeWatch(sync).drift(containers.containers()), now);
    }

    static List<ProbeResult> evaluate(DriftReport r, Instant now) {
        Messages m = Messages.current();
        String kind = m.get("compose.drift.kind");
        if (!r.error().isEmpty()) {
            return List.of(new ProbeResult("compose", kind, r.file(), ProbeStatus.UNKNOWN, "", Duration.ZERO, now,
                    m.get("compose.drift.unreadable", r.error()), Map.of()));
        }
        if (r.findings().isEmpty()) {
            return List.of(new ProbeResult("compose", kind, r.file(), ProbeStatus.OK, m.get("compose.drift.ok", r.file()), Duration.ZERO,
                    now, "", Map.of()));
        }
        List<ProbeResult> out = new ArrayList<>();
        for (Drift.Finding f : r.findings()) {
            out.add(new ProbeResult("compose:" + f.kind().name().toLowerCase(Locale.ROOT) + ":" + f.container(), kind,
                    f.container(), ProbeStatus.WARNING, m.get("compose.drift.marker"), Duration.ZERO, now, r.reason(f, m), Map.of()));
        }
        return out;
    }
}
