package edm.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightWorkTest {
    @Test
    void aResultAfterTheTerminalWentIsReportedBeforeTheWorkCountsAsEnded() throws Exception {
        InFlightWork w = new InFlightWork(Clock.SYSTEM);
        List<Boolean> busyWhileReporting = new ArrayList<>();
        List<InFlightWork.Finished> reported = new ArrayList<>();
        w.onFinishedWhileAway(f -> {
            busyWhileReporting.add(w.busy());
            reported.add(f);
        });
        InFlightWork.Ticket before = w.begin("restart", "edm-redis-prod");
        before.finished(true, "restarted");
        assertTrue(reported.isEmpty(), "seen by the operator: nothing to report");

        InFlightWork.Ticket t = w.begin("deploy", "edm-backend-prod v1.1");
        assertTrue(w.busy());
        assertFalse(w.awaitIdle(Duration.ofMillis(50)));
        w.terminalLost();
        t.finished(false, "rolled back");
        t.close();
        assertEquals(List.of(true), busyWhileReporting, "the console may not exit before the report is written");
        assertEquals("deploy", reported.get(0).what());
        assertFalse(reported.get(0).ok());
        assertTrue(w.awaitIdle(Duration.ofMillis(50)));
        assertEquals(List.of(), w.running());
    }
}
