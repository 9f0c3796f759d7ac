package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.ui.UiEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Security panel's feed runs the rules off the calling thread and posts "checking", then the report. The
 * rules read a fixture root (so no host program runs) and an engine that is not there (its rules say UNKNOWN).
 */
class SecurityFeedTest {
    @Test
    void openRunsTheRulesInTheBackgroundOnceAndPostsTheReport(@TempDir Path dir) throws Exception {
        ConsoleConfig config = new ConsoleConfig();
        config.security.root = dir.resolve("root").toString();
        config.security.stateDir = dir.resolve("state").toString();
        config.projectDir = dir.resolve("project").toString();
        config.health.urls.clear();
        BlockingQueue<UiEvent> posted = new LinkedBlockingQueue<>();
        try (ContainerGateway gateway = new ContainerGateway("unix://" + dir.resolve("no-engine.sock"), Duration.ofSeconds(2));
             SecurityFeed feed = new SecurityFeed(config, gateway, posted::add)) {
            assertTrue(feed.open());
            assertTrue(feed.open(), "a second opening starts no second schedule");
            // A bound on the wait only, so a broken feed fails rather than hangs; no duration is asserted.
            assertInstanceOf(UiEvent.SecurityChecking.class, posted.poll(60, TimeUnit.SECONDS));
            UiEvent.Security done = assertInstanceOf(UiEvent.Security.class, posted.poll(60, TimeUnit.SECONDS));
            assertNull(done.error(), String.valueOf(done.error()));
            assertNotNull(done.report());
            assertTrue(done.report().findings().stream().anyMatch(f -> f.rule().startsWith("ssh")), done.report().toString());
            assertNull(posted.poll(), "one run, not one per opening");
            feed.checkNow();
            assertInstanceOf(UiEvent.SecurityChecking.class, posted.poll(60, TimeUnit.SECONDS));
            assertInstanceOf(UiEvent.Security.class, posted.poll(60, TimeUnit.SECONDS));
            assertEquals(0, posted.size());
        }
    }

    @Test
    void theRunsFollowTheConfiguredInterval() {
        ConsoleConfig config = new ConsoleConfig();
        try (SecurityFeed feed = new SecurityFeed(config, null, e -> { })) {
            assertEquals(Duration.ofMinutes(10), feed.every(), "the default");
        }
        config.security.intervalMinutes = 3;
        try (SecurityFeed feed = new SecurityFeed(config, null, e -> { })) {
            assertEquals(Duration.ofMinutes(3), feed.every());
        }
    }
}
