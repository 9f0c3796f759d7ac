package edm.console.compose;

import edm.console.config.ConsoleConfig;
import edm.console.core.Background;
import edm.console.core.ContainersSnapshot;
import edm.console.core.Lane;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Feeds the screen the compose drift of each container list, off the monitor's and the UI's threads (the
 * first read of the file loads the YAML parser): lists that arrive while one is judged collapse into the
 * latest, and a report goes out only when it differs from the last one.
 */
public final class DriftFeed implements AutoCloseable {
    private final ComposeWatch watch;
    private final Consumer<DriftReport> out;
    private final Lane lane = Background.shared().lane("edm-compose");
    private final AtomicReference<ContainersSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private DriftReport last = DriftReport.NONE;

    public DriftFeed(ComposeWatch watch, Consumer<DriftReport> out) {
        this.watch = watch;
        this.out = out;
    }

    public static DriftFeed of(ConsoleConfig config, Consumer<DriftReport> out) {
        return new DriftFeed(new ComposeWatch(ComposeSync.of(config)), out);
    }

    /** A new container list; one the engine did not give (it is down or silent) says nothing about drift. */
    public void offer(ContainersSnapshot s) {
        if (s == null || !s.engine().connected() || s.listedAt() == null) {
            return;
        }
        latest.set(s);
        if (!queued.getAndSet(true)) {
            lane.execute(this::judge);
        }
    }

    private void judge() {
        queued.set(false);
        ContainersSnapshot s = latest.get();
        DriftReport r = watch.drift(s.containers());
        if (!r.equals(last)) {
            last = r;
            out.accept(r);
        }
    }

    @Override
    public void close() {
        lane.close();
    }
}
