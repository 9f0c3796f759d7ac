package edm.console.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads several sources as one time-ordered stream, for line mode: the sources' first windows are
 * gathered and printed merged by time; then (when following) lines as they arrive. Lines read live
 * before every backlog is in wait their turn, so the output never goes back in time by a backlog.
 * The filter applies to log lines; the console's own notices go to {@code notices}.
 */
public final class MergedRead {
    private final List<LogSource> sources;
    private final LogFilter filter;
    private final Consumer<LogLine> out;
    private final Consumer<LogLine> notices;
    private final List<LogLine> backlog = new ArrayList<>();
    private final List<LogLine> early = new ArrayList<>();
    private int backlogsPending;

    public MergedRead(List<LogSource> sources, LogFilter filter, Consumer<LogLine> out, Consumer<LogLine> notices) {
        this.sources = List.copyOf(sources);
        this.filter = filter;
        this.out = out;
        this.notices = notices;
        this.backlogsPending = sources.size();
    }

    /** Runs until every source ended (not following) or the thread is interrupted. */
    public void run() throws InterruptedException {
        LogSink sink = new LogSink() {
            @Override
            public void backlog(String source, List<LogLine> lines) {
                synchronized (MergedRead.this) {
                    backlog.addAll(lines);
                    if (--backlogsPending == 0) {
                        backlog.sort(Comparator.comparing(LogLine::time));
                        backlog.forEach(MergedRead.this::emit);
                        early.forEach(MergedRead.this::emit);
                        backlog.clear();
                        early.clear();
                    }
                }
            }

            @Override
            public void line(LogLine line) {
                synchronized (MergedRead.this) {
                    if (backlogsPending > 0 && !line.own()) {
                        early.add(line);
                    } else {
                        emit(line);
                    }
                }
            }
        };
        try {
            for (LogSource s : sources) {
                s.start(sink);
            }
            for (LogSource s : sources) {
                s.awaitEnd();
            }
        } finally {
            sources.forEach(LogSource::close);
        }
    }

    private void emit(LogLine l) {
        if (l.origin() == LogLine.Origin.NOTICE) {
            notices.accept(l);
        } else if (filter.accepts(l)) {
            out.accept(l);
        }
    }
}
