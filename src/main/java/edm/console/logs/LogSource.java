package edm.console.logs;

/** A container's or a set of files' log, read on its own thread once started. */
public interface LogSource extends AutoCloseable {
    /** The tag shown in front of each line. */
    String tag();

    /** Starts reading: the backlog first, then (when following) new lines, until closed. */
    void start(LogSink sink);

    /** Waits until the source stopped by itself (not following) or was closed. */
    void awaitEnd() throws InterruptedException;

    @Override
    void close();
}
