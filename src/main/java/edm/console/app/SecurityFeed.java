package edm.console.app;

import edm.console.cli.SecurityCommand;
import edm.console.config.ConsoleConfig;
import edm.console.core.Background;
import edm.console.core.Lane;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Messages;
import edm.console.security.SecurityReport;
import edm.console.security.SecurityRules;
import edm.console.ui.SecurityControl;
import edm.console.ui.UiEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Security panel's data in the running console: SPEC-006's rules on a lane of their own, from the panel's
 * first opening and then every {@code security.intervalMinutes} (apt-get -s upgrade, sshd -T and the image histories take seconds:
 * never on the UI thread, never at start-up, where they would compete with the first frames).
 */
final class SecurityFeed implements SecurityControl, AutoCloseable {
    private final ConsoleConfig config;
    private final ContainerGateway gateway;
    private final Consumer<UiEvent> post;
    private final Lane lane = Background.shared().lane("edm-security");
    private final AtomicBoolean started = new AtomicBoolean();
    /** A run is queued or under way: a second c meanwhile would only run the same rules twice in a row. */
    private final AtomicBoolean running = new AtomicBoolean();

    SecurityFeed(ConsoleConfig config, ContainerGateway gateway, Consumer<UiEvent> post) {
        this.config = config;
        this.gateway = gateway;
        this.post = post;
    }

    @Override
    public boolean open() {
        if (started.compareAndSet(false, true)) {
            // The first run goes straight to the lane, not through the shared timer: the panel waits for it.
            lane.execute(this::run);
            long every = every().toMillis();
            lane.everyFixedDelay(this::run, every, every);
        }
        return true;
    }

    /** Between two runs: security.intervalMinutes (validated positive when the config was loaded). */
    Duration every() {
        return Duration.ofMinutes(config.security.intervalMinutes);
    }

    @Override
    public void checkNow() {
        if (running.compareAndSet(false, true)) {
            lane.execute(this::runQueued);
        }
    }

    private void runQueued() {
        UiEvent result;
        try {
            post.accept(new UiEvent.SecurityChecking());
            result = check();
        } finally {
            // Done before the report is posted: a c pressed as soon as it shows must start a run, not be taken
            // for one still under way.
            running.set(false);
        }
        post.accept(result);
    }

    private void run() {
        if (running.compareAndSet(false, true)) {
            runQueued();
        }
    }

    private UiEvent check() {
        try {
            SecurityReport report = SecurityRules.spec().run(SecurityCommand.context(config, () -> gateway));
            return new UiEvent.Security(report, null);
        } catch (RuntimeException e) {
            // The rules catch their own failures; this is the context itself (an unreadable state dir, a bad config value).
            return new UiEvent.Security(null, Messages.t("securityPanel.failed", String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        lane.close();
    }
}
