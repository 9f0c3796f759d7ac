package edm.console.live;

import edm.console.core.Alert;
import edm.console.core.AlertState;
import edm.console.core.EngineEvent;
import edm.console.core.Secrets;
import edm.console.core.Severity;
import edm.console.core.TimelineEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The incident timeline: alerts firing and resolving, Docker events that matter and the console's
 * own actions, in time order. Bounded: the oldest entries go once {@link #capacity} is reached.
 */
public final class Timeline {
    /** Docker actions worth an operator's attention; exec_*, attach, resize and the like are noise. */
    static final Set<String> DOCKER_ACTIONS = Set.of("start", "stop", "die", "kill", "oom", "restart", "create",
            "destroy", "pause", "unpause", "rename");

    private final int capacity;
    private final Deque<TimelineEntry> entries = new ArrayDeque<>();

    public Timeline(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(TimelineEntry e) {
        entries.addLast(e);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    public void alert(Alert a) {
        if (a.state() == AlertState.PENDING) {
            return;
        }
        boolean firing = a.state() == AlertState.FIRING;
        TimelineEntry.Level level = !firing ? TimelineEntry.Level.INFO
                : a.severity() == Severity.CRITICAL ? TimelineEntry.Level.CRITICAL : TimelineEntry.Level.WARNING;
        add(new TimelineEntry(firing ? a.firedAt() : a.resolvedAt(), TimelineEntry.Source.ALERT, level, a.subject(),
                (firing ? "FIRING " : "RESOLVED ") + a.ruleId() + ": " + Secrets.maskUrlPasswords(a.message())));
    }

    /** Records a Docker event when it matters: lifecycle changes and health status changes. */
    public void dockerEvent(EngineEvent e) {
        String action = e.action() == null ? "" : e.action();
        boolean health = action.startsWith("health_status");
        if (!health && !DOCKER_ACTIONS.contains(action)) {
            return;
        }
        TimelineEntry.Level level = switch (action) {
            case "die", "oom", "kill" -> TimelineEntry.Level.WARNING;
            default -> action.contains("unhealthy") ? TimelineEntry.Level.WARNING : TimelineEntry.Level.INFO;
        };
        if ("oom".equals(action)) {
            level = TimelineEntry.Level.CRITICAL;
        }
        add(new TimelineEntry(e.time(), TimelineEntry.Source.DOCKER, level, e.containerName(), action));
    }

    public void action(java.time.Instant at, String subject, String text, boolean failed) {
        add(new TimelineEntry(at, TimelineEntry.Source.CONSOLE, failed ? TimelineEntry.Level.WARNING : TimelineEntry.Level.INFO,
                subject, Secrets.maskUrlPasswords(text)));
    }

    /** Every entry, oldest first (sorted: Docker events can arrive slightly out of order). */
    public synchronized List<TimelineEntry> entries() {
        List<TimelineEntry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing(TimelineEntry::time));
        return out;
    }
}
