package edm.console.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which lines a view shows: at least a level (the console's own marker and notice lines always pass),
 * and lines matching a regex only, or all but those. The search highlight uses the same pattern.
 */
public record LogFilter(Pattern pattern, MatchMode mode, LogLevel minLevel) {
    public enum MatchMode { ALL, ONLY_MATCHING, HIDE_MATCHING }

    public static final LogFilter NONE = new LogFilter(null, MatchMode.ALL, LogLevel.NONE);

    public boolean accepts(LogLine l) {
        if (minLevel != LogLevel.NONE && !l.own() && !l.level().atLeast(minLevel)) {
            return false;
        }
        if (pattern == null || mode == MatchMode.ALL) {
            return true;
        }
        boolean found = pattern.matcher(l.text()).find();
        return mode == MatchMode.ONLY_MATCHING ? found : !found;
    }

    public List<LogLine> apply(List<LogLine> lines) {
        if (this.equals(NONE) || (minLevel == LogLevel.NONE && (pattern == null || mode == MatchMode.ALL))) {
            return lines;
        }
        List<LogLine> out = new ArrayList<>(lines.size());
        for (LogLine l : lines) {
            if (accepts(l)) {
                out.add(l);
            }
        }
        return out;
    }

    public LogFilter withPattern(Pattern p) {
        return new LogFilter(p, p == null ? MatchMode.ALL : mode, minLevel);
    }

    public LogFilter withMode(MatchMode m) {
        return new LogFilter(pattern, m, minLevel);
    }

    public LogFilter withMinLevel(LogLevel l) {
        return new LogFilter(pattern, mode, l);
    }

    public boolean matches(LogLine l) {
        return pattern != null && pattern.matcher(l.text()).find();
    }
}
