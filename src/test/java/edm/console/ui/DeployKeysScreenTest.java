package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** D and B are gone in read-only: neither dispatched nor shown, and nothing reaches the workflows. */
class DeployKeysScreenTest {
    private static UiEvent key(char c) {
        return new UiEvent.Key(new KeyStroke(c, false, false));
    }

    /** Waits (bounded) until a background thread recorded n calls; BannerScreenTest uses it too. */
    static void await(java.util.List<String> calls, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (calls.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void readOnlyHasNoDeployOrRollback() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 40, Locale.ENGLISH, true)) {
            FakeWorkflows w = new FakeWorkflows();
            h.app.controller().useWorkflows(w);
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())));
            h.app.apply(key('D'), key('v'), new UiEvent.Key(new KeyStroke(KeyType.Enter)), key('B'), key('y'));
            h.drainPosted();
            assertNull(h.app.state().guided);
            assertFalse(h.text().contains("Deploy to"), h.text());
            assertTrue(w.calls.isEmpty(), w.calls.toString());
        }
    }
}
