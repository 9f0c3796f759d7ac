package edm.console.live;

import edm.console.core.Background;
import edm.console.core.HostSnapshot;
import edm.console.core.Lane;
import edm.console.host.HostMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Samples host resources on its own lane (see {@link Background}). OSHI's start-up (native bindings,
 * ~0.8 s) happens there too, so it never delays the first frame. A fixed delay between samples means a slow sample (a hung
 * network mount) delays the next one instead of piling up.
 */
public final class HostMonitor implements AutoCloseable {
    private final Lane lane = Background.shared().lane("edm-host");
    private final Path projectDir;
    private final Duration every;
    private final Consumer<HostSnapshot> publish;
    private final Consumer<String> onError;
    private HostMetrics metrics;

    public HostMonitor(Path projectDir, Duration every, Consumer<HostSnapshot> publish, Consumer<String> onError) {
        this.projectDir = projectDir;
        this.every = every;
        this.publish = publish;
        this.onError = onError;
    }

    public void start() {
        lane.everyOnTheBeat(this::sample, 0, every.toMillis());
    }

    private void sample() {
        try {
            if (metrics == null) {
                metrics = new HostMetrics(projectDir);
            }
            publish.accept(metrics.sample());
        } catch (RuntimeException | LinkageError e) {
            // A sampling failure must not stop the next samples; the operator sees the reason.
            onError.accept(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @Override
    public void close() {
        lane.close();
    }
}
