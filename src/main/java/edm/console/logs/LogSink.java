package edm.console.logs;

import java.util.List;

/** Where sources deliver lines. Called from the sources' own threads. */
public interface LogSink {
    /** The first window of a source (what was there before following), in time order. Delivered once. */
    void backlog(String source, List<LogLine> lines);

    /** A line read while following. Must not block the caller for long. */
    void line(LogLine line);
}
