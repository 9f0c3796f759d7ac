package edm.console.ui;

import edm.console.logs.LogFilter;
import edm.console.logs.LogLine;
import edm.console.logs.LogSession;
import edm.console.logs.LogSourceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The log view's state, owned by the UI thread. While following, the view shows the newest lines of
 * the session's buffer; paused, it shows a frozen copy taken at the pause (new lines keep arriving in
 * the buffer and are counted), and {@code anchor} is the filtered line drawn at the bottom.
 */
public final class LogsState {
    public LogSession session;
    public List<LogSourceSpec> specs = List.of();
    public boolean paused;
    /** The lines shown while paused; null while following. */
    public List<LogLine> frozen;
    public long receivedAtPause;
    /** Index (in the filtered view) of the bottom line while paused; -1: the last one. */
    public int anchor = -1;
    /** Index (in the filtered view) of the current search match, or -1. */
    public int currentMatch = -1;
    public String searchText = "";
    public LogFilter filter = LogFilter.NONE;
    public boolean timestamps = true;
    public boolean wrap;
    /** The search line while the operator types, else null. */
    public LineEditor editor;
    /** The source picker while open, else null. */
    public Picker picker;

    /** The filtered view the screen shows now. */
    public List<LogLine> view() {
        if (session == null) {
            return List.of();
        }
        List<LogLine> all = paused && frozen != null ? frozen : session.buffer().snapshot();
        return filter.apply(all);
    }

    public long newWhilePaused() {
        return session == null || !paused ? 0 : Math.max(0, session.buffer().received() - receivedAtPause);
    }

    public void pause() {
        if (!paused && session != null) {
            paused = true;
            frozen = session.buffer().snapshot();
            receivedAtPause = session.buffer().received();
            anchor = -1;
        }
    }

    public void follow() {
        paused = false;
        frozen = null;
        anchor = -1;
        currentMatch = -1;
    }

    /** The picker's items (containers first, then file globs) and which are ticked. */
    public static final class Picker {
        public final List<LogSourceSpec> items;
        public final Set<LogSourceSpec> chosen;
        public int cursor;

        public Picker(List<LogSourceSpec> items, List<LogSourceSpec> current) {
            this.items = List.copyOf(items);
            this.chosen = new LinkedHashSet<>(current);
            this.chosen.retainAll(items);
        }

        public void toggle() {
            if (items.isEmpty()) {
                return;
            }
            LogSourceSpec s = items.get(cursor);
            if (!chosen.remove(s)) {
                chosen.add(s);
            }
        }

        public void move(int delta) {
            cursor = Math.max(0, Math.min(items.size() - 1, cursor + delta));
        }

        public List<LogSourceSpec> selection() {
            List<LogSourceSpec> out = new ArrayList<>();
            for (LogSourceSpec s : items) {
                if (chosen.contains(s)) {
                    out.add(s);
                }
            }
            return out;
        }
    }
}
