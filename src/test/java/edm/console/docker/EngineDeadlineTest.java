package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.testsupport.SilentEngine;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that accepts connections and never answers (what a SIGSTOPed dockerd does on its unix
 * socket): every kind of call fails as "not answering" after the timeout instead of waiting forever.
 * The bound on each test only catches the hang; it is not a speed measurement.
 */
class EngineDeadlineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static void failsAsNotAnswering(Executable call) {
        assertTimeoutPreemptively(HANG, () -> {
            EngineException e = assertThrows(EngineException.class, call);
            assertNotNull(EngineException.notAnswering(e), "not answering, not some other failure: " + e);
            assertTrue(e.getMessage().contains("Docker engine not answering (1 s)"), e.getMessage());
            assertFalse(Thread.currentThread().isInterrupted(), "the deadline's interrupt must not outlive the call");
        });
    }

    @Test
    void requestsTheEngineNeverAnswersFailAfterTheTimeout() throws Exception {
        try (SilentEngine engine = new SilentEngine(dir.resolve("docker.sock"), SilentEngine.Mode.NEVER_ANSWER);
             ContainerGateway gw = new ContainerGateway(engine.endpoint(), TIMEOUT)) {
            failsAsNotAnswering(gw::version);
            failsAsNotAnswering(gw::ping);
            failsAsNotAnswering(gw::listContainers);
            failsAsNotAnswering(() -> gw.inspect("edm-backend-prod"));
            failsAsNotAnswering(() -> gw.findByName("edm-backend-prod"));
            failsAsNotAnswering(() -> gw.deployOps().state("edm-backend-prod"));
        }
    }

    @Test
    void anAnswerThatStopsHalfwayFailsAfterTheTimeout() throws Exception {
        try (SilentEngine engine = new SilentEngine(dir.resolve("docker.sock"), SilentEngine.Mode.STALL_BODY);
             ContainerGateway gw = new ContainerGateway(engine.endpoint(), TIMEOUT)) {
            failsAsNotAnswering(gw::listContainers);
        }
    }

    @Test
    void streamsMustBeAnsweredToo() throws Exception {
        try (SilentEngine engine = new SilentEngine(dir.resolve("docker.sock"), SilentEngine.Mode.NEVER_ANSWER);
             ContainerGateway gw = new ContainerGateway(engine.endpoint(), TIMEOUT)) {
            java.util.concurrent.CompletableFuture<Throwable> ended = new java.util.concurrent.CompletableFuture<>();
            try (var events = gw.subscribeEvents(null, e -> { }, ended::complete)) {
                Throwable why = assertTimeoutPreemptively(HANG, () -> ended.get());
                assertNotNull(EngineException.notAnswering(why), "the event stream ends as not answering: " + why);
            }
        }
    }
}
