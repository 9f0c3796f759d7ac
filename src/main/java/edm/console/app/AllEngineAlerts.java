package edm.console.app;

import edm.console.core.Alert;
import edm.console.core.Clock;
import edm.console.core.HealthSnapshot;
import edm.console.live.HostsPoller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Alerts panel's one list over every engine: the current engine's health snapshot (every probe), with the
 * container alerts of each other engine (from the hosts poller) beside it, each tagged with its engine. The status
 * bar's count of firing alerts counts them all. Acknowledge and snooze find the alert on whichever engine has it.
 */
final class AllEngineAlerts {
    /** Guarded by this: by engine name, each made at the engine's first connection (its config is known then). */
    private final Map<String, EngineAlerts> engines = new LinkedHashMap<>();
    private final boolean several;
    private final Clock clock;
    private final Consumer<String> problem;
    private final Consumer<HealthSnapshot> publish;
    /** Guarded by this. */
    private String current;
    private HealthSnapshot lastCurrent = HealthSnapshot.empty();

    /**
     * @param several whether the console has several engines (alerts are then tagged with theirs)
     * @param problem a one-line problem for the operator (an alert log that cannot be written, a webhook that failed)
     */
    AllEngineAlerts(boolean several, String current, Clock clock, Consumer<String> problem, Consumer<HealthSnapshot> publish) {
        this.several = several;
        this.current = current;
        this.clock = clock;
        this.problem = problem;
        this.publish = publish;
    }

    /** One engine: its snapshots go to the panel as they are. */
    static AllEngineAlerts single(EngineAlerts only, Consumer<HealthSnapshot> publish) {
        AllEngineAlerts all = new AllEngineAlerts(false, only.name(), Clock.SYSTEM, p -> { }, publish);
        all.engines.put(only.name(), only);
        return all;
    }

    /** The engine's alerts, made at its first connection with its own config's rules, log and webhook. */
    synchronized EngineAlerts of(EngineLink link) {
        return engines.computeIfAbsent(link.name(), n -> new EngineAlerts(n, several ? n : "", link.config(), clock, problem));
    }

    /** Closes every engine's webhook (the console ends). */
    synchronized void close() {
        engines.values().forEach(EngineAlerts::close);
    }

    /** The current engine's health monitor published: the panel gets it with the other engines' alerts. */
    void current(HealthSnapshot h) {
        HealthSnapshot merged;
        synchronized (this) {
            lastCurrent = h;
            merged = merged();
        }
        publish.accept(merged);
    }

    /** Every panel now shows {@code engine}: its own monitor's snapshot comes soon; the others' alerts at once. */
    void switched(String engine) {
        HealthSnapshot merged;
        synchronized (this) {
            current = engine;
            lastCurrent = HealthSnapshot.empty();
            merged = merged();
        }
        publish.accept(merged);
    }

    /** A hosts poll: the alerts of an engine that is not the current one (the current one's monitor does its own). */
    void polled(HostsPoller.Poll p) {
        String engine = p.summary().name();
        EngineAlerts e = engines.get(engine);
        HealthSnapshot merged;
        synchronized (this) {
            if (e == null || engine.equals(current)) {
                return;
            }
            e.polled(p);
            merged = merged();
        }
        publish.accept(merged);
    }

    /** Firing alerts nobody acknowledged, about this engine. */
    synchronized long firing(String engine) {
        Instant now = clock.now();
        EngineAlerts e = engines.get(engine);
        if (e == null) {
            return 0;
        }
        List<Alert> alerts = engine.equals(current) ? lastCurrent.alerts() : e.containerAlerts();
        return alerts.stream().filter(a -> a.needsAttention(now)).count();
    }

    private HealthSnapshot merged() {
        if (!several) {
            return lastCurrent;
        }
        Instant now = clock.now();
        List<Alert> alerts = new ArrayList<>(lastCurrent.alerts());
        long attention = lastCurrent.needingAttention();
        for (EngineAlerts e : engines.values()) {
            if (!e.name().equals(current)) {
                List<Alert> theirs = e.containerAlerts();
                alerts.addAll(theirs);
                attention += theirs.stream().filter(a -> a.needsAttention(now)).count();
            }
        }
        return new HealthSnapshot(lastCurrent.probes(), lastCurrent.lastSuccess(), alerts, attention);
    }

    synchronized boolean acknowledge(String key, String user, String note) {
        return engines.values().stream().anyMatch(e -> e.engine().acknowledge(key, user, note));
    }

    synchronized boolean snooze(String key, Duration forHowLong) {
        return engines.values().stream().anyMatch(e -> e.engine().snooze(key, forHowLong));
    }
}
