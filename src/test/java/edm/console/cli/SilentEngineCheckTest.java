package edm.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import edm.console.testsupport.SilentEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `check` reports about an engine that accepts connections and never answers: the engine
 * CRITICAL as not answering, each stack container UNKNOWN with that reason (never its last known
 * state), and the collection ends instead of waiting for the engine.
 */
class SilentEngineCheckTest {
    @TempDir
    Path dir;

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private ConsoleConfig config(String endpoint) {
        ConsoleConfig c = new ConsoleConfig();
        c.projectDir = dir.toString();
        c.docker.endpoint = endpoint;
        c.docker.timeoutSeconds = 1;
        c.health.urls = List.of();
        c.services.forEach(s -> s.healthUrl = "");
        return c;
    }

    @Test
    void theEngineIsCriticalAndItsContainersUnknown() throws Exception {
        Messages.use(Locale.ENGLISH);
        try (SilentEngine engine = new SilentEngine(dir.resolve("docker.sock"), SilentEngine.Mode.NEVER_ANSWER)) {
            ConsoleConfig config = config(engine.endpoint());
            SnapshotCollector.Report r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> SnapshotCollector.collect(config, Clock.SYSTEM));
            assertEquals(ProbeStatus.CRITICAL, r.worst());
            ProbeResult docker = r.probes().stream().filter(p -> p.kind().equals("docker")).findFirst().orElseThrow();
            assertEquals(ProbeStatus.CRITICAL, docker.status());
            assertEquals("Docker engine not answering (1 s)", docker.error());
            List<ProbeResult> containers = r.probes().stream().filter(p -> p.kind().equals("container")).toList();
            assertEquals(config.containerNames().size(), containers.size());
            for (ProbeResult c : containers) {
                assertEquals(ProbeStatus.UNKNOWN, c.status(), c.toString());
                assertTrue(c.error().startsWith("Docker engine not answering (1 s)"), c.error());
            }
        }
    }

    @Test
    void saidInChineseToo() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        try (SilentEngine engine = new SilentEngine(dir.resolve("docker.sock"), SilentEngine.Mode.STALL_BODY)) {
            SnapshotCollector.Report r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> SnapshotCollector.collect(config(engine.endpoint()), Clock.SYSTEM));
            ProbeResult docker = r.probes().stream().filter(p -> p.kind().equals("docker")).findFirst().orElseThrow();
            assertEquals("Docker 引擎无响应（1 秒）", docker.error());
        }
    }
}
