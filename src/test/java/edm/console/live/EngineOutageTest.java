package edm.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.EngineStatus;
import edm.console.docker.EngineException;
import edm.console.docker.EngineNotAnsweringException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** After an engine failure: what the list says and when the monitor asks again. */
class EngineOutageTest {
    private static final Instant T0 = Instant.parse("2026-01-01T03:00:00Z");
    private static final EngineStatus UP = EngineStatus.up("unix:///var/run/docker.sock", "1.41", "20.10", T0);

    private static RuntimeException refused() {
        return new EngineException("list containers: connection refused", new java.io.IOException("refused"));
    }

    private static RuntimeException silent() {
        return EngineException.of("ping", new EngineNotAnsweringException(Duration.ofSeconds(3), null));
    }

    @Test
    void aRefusingEngineIsAskedAgainWithBackOffUpToFifteenSeconds() {
        EngineOutage o = new EngineOutage("unix:///var/run/docker.sock");
        long[] delays = new long[6];
        EngineStatus was = UP;
        for (int i = 0; i < delays.length; i++) {
            EngineOutage.Verdict v = o.failed(refused(), T0, was, T0);
            delays[i] = v.retryIn().toSeconds();
            was = v.status();
            assertTrue(!v.status().connected() && !v.status().notAnswering(), v.status().toString());
        }
        assertEquals("[1, 2, 4, 8, 15, 15]", java.util.Arrays.toString(delays));
        o.answered();
        assertEquals(1, o.failed(refused(), T0, UP, T0).retryIn().toSeconds(), "back-off starts over after an answer");
    }

    @Test
    void aSilentEngineIsAskedEverySecondAndKeepsTheTimeItWentSilent() {
        EngineOutage o = new EngineOutage("unix:///var/run/docker.sock");
        EngineOutage.Verdict first = o.failed(silent(), T0, UP, T0.plusSeconds(3));
        assertTrue(first.status().notAnswering());
        assertEquals(T0, first.status().silentSince(), "silent since the unanswered request began");
        assertEquals(Duration.ofSeconds(1), first.retryIn());
        EngineOutage.Verdict again = o.failed(silent(), T0.plusSeconds(4), first.status(), T0.plusSeconds(7));
        assertEquals(T0, again.status().silentSince());
        assertEquals(7, again.status().silentSeconds(T0.plusSeconds(7)));
        assertEquals(Duration.ofSeconds(1), again.retryIn(), "no back-off: each attempt waits the timeout already");
    }
}
