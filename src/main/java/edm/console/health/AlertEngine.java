package edm.console.health;

import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves alerts through pending → firing → resolved as probe results arrive. A breach that stops
 * before its rule's hold time is dropped without a trace; one that held long enough fires, and its
 * firing and resolving are reported to the listener (alert log, webhook, timeline). Operators can
 * acknowledge (with a note) and snooze. Thread-safe: evaluation and operator actions synchronise.
 */
public final class AlertEngine {
    /** Resolved alerts stay visible this long, so the operator sees what just recovered. */
    static final Duration KEEP_RESOLVED = Duration.ofMinutes(30);

    private final List<AlertRule> rules;
    private final Clock clock;
    private final Consumer<Alert> onChange;
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final String host;

    public AlertEngine(List<AlertRule> rules, Clock clock, Consumer<Alert> onChange) {
        this(rules, clock, onChange, "");
    }

    /** Alerts tagged with the engine they are about ({@link Alert#host}). */
    public AlertEngine(List<AlertRule> rules, Clock clock, Consumer<Alert> onChange, String host) {
        this.host = host == null ? "" : host;
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * Evaluates every rule over the latest results. Subjects a probe kind did not report this round keep
     * their state (results of different probes arrive at different times), unless {@code complete}
     * says this is the whole picture (then absent breaches count as recovered).
     */
    public synchronized List<Alert> evaluate(List<ProbeResult> results, boolean complete) {
        Instant now = clock.now();
        Set<String> reported = new HashSet<>();
        results.forEach(r -> reported.add(r.target()));
        Set<String> breached = new HashSet<>();
        for (AlertRule rule : rules) {
            for (AlertRule.Breach b : rule.evaluate(results)) {
                String key = Alert.keyOf(host, rule.id(), b.subject());
                breached.add(key);
                Alert a = alerts.get(key);
                if (a == null || a.state() == AlertState.RESOLVED) {
                    a = new Alert(rule.id(), b.subject(), rule.severity(), AlertState.PENDING, b.message(), now, null, null,
                            null, null, null, host);
                } else {
                    a = a.with(a.state(), b.message(), a.firedAt(), null);
                }
                if (a.state() == AlertState.PENDING && !now.isBefore(a.since().plus(rule.holdFor()))) {
                    a = a.with(AlertState.FIRING, b.message(), now, null);
                    alerts.put(key, a);
                    notifyChange(a, now);
                } else {
                    alerts.put(key, a);
                }
            }
        }
        for (Map.Entry<String, Alert> e : new ArrayList<>(alerts.entrySet())) {
            Alert a = e.getValue();
            if (breached.contains(e.getKey()) || a.state() == AlertState.RESOLVED) {
                continue;
            }
            if (!complete && !reported.contains(a.subject())) {
                continue;
            }
            if (a.state() == AlertState.PENDING) {
                alerts.remove(e.getKey());
            } else {
                Alert resolved = a.with(AlertState.RESOLVED, a.message(), a.firedAt(), now);
                alerts.put(e.getKey(), resolved);
                notifyChange(resolved, now);
            }
        }
        alerts.values().removeIf(a -> a.state() == AlertState.RESOLVED && a.resolvedAt().plus(KEEP_RESOLVED).isBefore(now));
        return list();
    }

    private void notifyChange(Alert a, Instant now) {
        if (!a.snoozed(now)) {
            onChange.accept(a);
        }
    }

    /** Firing first (critical before warning, oldest first), then pending, then resolved. */
    public synchronized List<Alert> list() {
        Comparator<Alert> order = Comparator.<Alert>comparingInt(a -> switch (a.state()) {
            case FIRING -> 0;
            case PENDING -> 1;
            case RESOLVED -> 2;
        }).thenComparing(a -> a.severity().ordinal(), Comparator.reverseOrder()).thenComparing(Alert::since);
        return alerts.values().stream().sorted(order).toList();
    }

    public synchronized long needingAttention() {
        Instant now = clock.now();
        return alerts.values().stream().filter(a -> a.needsAttention(now)).count();
    }

    public synchronized boolean acknowledge(String key, String by, String note) {
        Alert a = alerts.get(key);
        if (a == null || a.state() == AlertState.RESOLVED) {
            return false;
        }
        alerts.put(key, a.acknowledge(by, note));
        return true;
    }

    public synchronized boolean snooze(String key, Duration forHowLong) {
        Alert a = alerts.get(key);
        if (a == null || a.state() == AlertState.RESOLVED) {
            return false;
        }
        alerts.put(key, a.snooze(clock.now().plus(forHowLong)));
        return true;
    }
}
