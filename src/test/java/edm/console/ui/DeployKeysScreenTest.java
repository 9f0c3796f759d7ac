package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** D asks for a tag in the prompt line and runs the deploy in the background; B rolls back after y; both gone in read-only. */
class DeployKeysScreenTest {
    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    private static UiEvent key(KeyType t) {
        return new UiEvent.Key(new KeyStroke(t));
    }

    static final class Recorder implements WorkflowControl {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public String deploy(String containerName, String tag, Consumer<String> progress) {
            calls.add("deploy " + containerName + " " + tag);
            progress.accept("health gate...");
            return "deploy of backend " + tag + " done; the service is healthy.";
        }

        @Override
        public String rollback(String containerName, Consumer<String> progress) {
            calls.add("rollback " + containerName);
            throw new IllegalStateException("No earlier good release of backend in the history to roll back to.");
        }
    }

    static void await(List<String> calls, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (calls.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void deployAsksForTheTagAndReportsTheResult() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, false)) {
            Recorder r = new Recorder();
            h.app.controller().useWorkflows(r);
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
            h.app.apply(key(KeyType.ArrowDown), key(KeyType.ArrowDown), key('D'));
            assertTrue(h.text().contains("Deploy to edm-backend-prod, tag:"), h.text());
            h.app.apply(key('v'), key('1'), key('.'), key('1'), key(KeyType.Enter));
            await(r.calls, 1);
            assertEquals(List.of("deploy edm-backend-prod v1.1"), r.calls);
            h.drainPosted();
            Thread.sleep(100);
            h.drainPosted();
            assertTrue(h.text().contains("v1.1 done"), h.text());

            h.app.apply(key('B'));
            assertTrue(h.text().contains("Roll edm-backend-prod back"), h.text());
            h.app.apply(key('y'));
            await(r.calls, 2);
            Thread.sleep(100);
            h.drainPosted();
            assertTrue(h.text().contains("Could not roll edm-backend-prod back"), h.text());
        }
    }

    @Test
    void readOnlyHasNoDeployOrRollback() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, true)) {
            Recorder r = new Recorder();
            h.app.controller().useWorkflows(r);
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
            h.app.apply(key('D'), key('v'), key(KeyType.Enter), key('B'), key('y'));
            h.drainPosted();
            assertFalse(h.text().contains("Deploy to"), h.text());
            assertTrue(r.calls.isEmpty(), r.calls.toString());
        }
    }
}
