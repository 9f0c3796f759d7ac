package edm.console.logs;

import edm.console.core.Threads;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One thread follows the log files of every {@link FileGlobSource} of the process (the Logs panel's and
 * the alerts' sessions alike), instead of a thread each polling ten times a second. It sleeps until the
 * kernel says a watched directory changed (inotify, through the JDK's {@link WatchService}), then reads
 * every followed file; a busy file is read at most ten times a second, so a flood is read in batches.
 * Because a network filesystem may never report a change, it also looks once a second when nothing was
 * heard. Without a watch service (none left for this user) it polls four times a second.
 */
final class FileFollowers {
    /** Look anyway this often: some filesystems (NFS, FUSE) report no changes. */
    static final Duration IDLE_LOOK = Duration.ofSeconds(1);
    /** After a change, wait this long for more before reading: batches a flood, like the old 100 ms poll. */
    static final Duration GATHER = Duration.ofMillis(100);
    static final Duration POLL_WITHOUT_WATCH = Duration.ofMillis(250);

    private static final FileFollowers SHARED = new FileFollowers();

    /** What the follower asks of a followed source; all calls come from the follower's thread. */
    interface Followed {
        /** Reads what was added and follows rotation; {@code changed}: a watched directory's entries changed. */
        void poll(boolean changed);

        /** The directories whose changes concern this source now (its files' and its glob's). */
        Set<Path> watchedDirs();

        boolean closed();

        /** Called once after {@link #closed} turned true: close the files. */
        void stopped();
    }

    private final List<Followed> added = new ArrayList<>();
    private final List<Followed> followed = new ArrayList<>();
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private WatchService watcher;
    private Thread thread;

    static FileFollowers shared() {
        return SHARED;
    }

    /** Follows the source from now on, on the shared thread, until it says it is closed. */
    synchronized void follow(Followed f) {
        added.add(f);
        if (thread == null) {
            try {
                watcher = FileSystems.getDefault().newWatchService();
            } catch (IOException | UnsupportedOperationException e) {
                watcher = null; // polled instead
            }
            thread = Threads.daemon("edm-logs-files").newThread(this::run);
            thread.start();
        }
        notifyAll();
    }

    private void run() {
        try {
            boolean changed = false;
            while (true) {
                synchronized (this) {
                    while (added.isEmpty() && followed.isEmpty()) {
                        wait(); // nothing to follow: blocked until a session opens
                    }
                    followed.addAll(added);
                    added.clear();
                }
                for (Iterator<Followed> it = followed.iterator(); it.hasNext(); ) {
                    Followed f = it.next();
                    if (f.closed()) {
                        it.remove();
                        f.stopped();
                    } else {
                        f.poll(changed);
                    }
                }
                watch();
                changed = awaitChange();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Watches exactly the directories the followed sources care about. */
    private void watch() {
        if (watcher == null) {
            return;
        }
        Set<Path> wanted = new HashSet<>();
        followed.forEach(f -> wanted.addAll(f.watchedDirs()));
        keys.entrySet().removeIf(e -> {
            if (!wanted.contains(e.getKey()) || !e.getValue().isValid()) {
                e.getValue().cancel();
                return true;
            }
            return false;
        });
        for (Path dir : wanted) {
            if (!keys.containsKey(dir)) {
                try {
                    keys.put(dir, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
                } catch (IOException | RuntimeException e) {
                    // Gone meanwhile, or no watch left: the once-a-second look still covers it.
                }
            }
        }
    }

    /** Blocks until a watched directory changed (true) or it is time to look anyway (false). */
    private boolean awaitChange() throws InterruptedException {
        if (watcher == null) {
            Thread.sleep(POLL_WITHOUT_WATCH.toMillis());
            return false;
        }
        try {
            WatchKey key = watcher.poll(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
            if (key == null) {
                return false;
            }
            Thread.sleep(GATHER.toMillis());
            boolean entries = false;
            for (; key != null; key = watcher.poll()) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    entries |= e.kind() != StandardWatchEventKinds.ENTRY_MODIFY;
                }
                key.reset();
            }
            return entries;
        } catch (ClosedWatchServiceException e) {
            watcher = null;
            return false;
        }
    }
}
