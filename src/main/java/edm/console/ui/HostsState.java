package edm.console.ui;

import edm.console.core.EngineSummary;
import java.time.Duration;
import java.util.List;

/** The hosts view's part of the UI state (UI thread only); it outlives a switch of engine. */
public final class HostsState {
    /** One per engine, in the config's order (the main engine first). */
    public List<EngineSummary> rows = List.of();
    public int selected;
    /** The engine every panel shows. */
    public String current = "";
    /** The engine being switched to (its connection is opening), or null. */
    public String switching;
    /** How often the engines are polled (the legend says it), or null when not known. */
    public Duration pollEvery;

    public EngineSummary selectedRow() {
        if (rows.isEmpty()) {
            return null;
        }
        selected = Math.max(0, Math.min(selected, rows.size() - 1));
        return rows.get(selected);
    }

    /** Takes over what the operator saw of the hosts before a switch. */
    void takeOver(HostsState before) {
        rows = before.rows;
        selected = before.selected;
        current = before.current;
        switching = before.switching;
        pollEvery = before.pollEvery;
    }
}
