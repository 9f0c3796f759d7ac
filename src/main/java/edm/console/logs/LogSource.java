package edm.console.logs;

import java.time.Instant;

/** A container's or a set of files' log, read on its own thread once started. */
public interface LogSource extends AutoCloseable {
    /** The tag shown in front of each line. */
    String tag();

    /** Starts reading: the backlog first, then (when following) new lines, until closed. */
    void start(LogSink sink);

    /** Whether it is connected and up to date at {@code now}; sources without an engine in between always are. */
    default FollowStatus status(Instant now) {
        return FollowStatus.UP_TO_DATE;
    }

    /** Waits until the source stopped by itself (not following) or was closed. */
    void awaitEnd() throws InterruptedException;

    @Override
    void close();
}
