package edm.console.core;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a process named in a file (a workflow lock, a backup's partial file) is still the one that wrote
 * it: same host, the pid alive, and not a newer process that got the pid after the writer died (its start
 * is later than the file says the writer was already there).
 */
public final class LocalProcess {
    /** The start time the JDK reports is rounded to clock ticks; a writer's own timestamp may be a bit earlier. */
    private static final Duration START_SLACK = Duration.ofSeconds(2);
    private static volatile String host;

    private LocalProcess() {
    }

    /** This machine's host name (cached: it goes into every lock and partial file name). */
    public static String hostName() {
        String h = host;
        if (h == null) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                h = "localhost";
            }
            host = h;
        }
        return h;
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * True when pid runs on this machine and started no later than {@code seenAt} (when the writer was known
     * to be alive); a pid that is gone, or taken over by a later process, is not the writer.
     */
    public static boolean alive(long pid, Instant seenAt) {
        if (pid <= 0) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = p.get().info().startInstant();
        return start.isEmpty() || seenAt == null || !start.get().isAfter(seenAt.plus(START_SLACK));
    }
}
