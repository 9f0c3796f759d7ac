package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.compose.Drift;
import edm.console.compose.DriftReport;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The compose drift on the Containers panel: a marked row, the reason in the detail view, services without a container. */
class DriftScreenTest {
    static final DriftReport DRIFT = new DriftReport("/opt/edm/docker-compose.yml", "edm", List.of(
            new Drift.Finding(Drift.Kind.IMAGE, "backend", "edm-backend-prod", "edm-backend:v1.2", "edm-backend:v1.1"),
            new Drift.Finding(Drift.Kind.STRAY, "", "gloda-channel", "", "gloda:v2"),
            new Drift.Finding(Drift.Kind.MISSING, "worker", "edm-worker-prod", "edm-worker:v1.0", "")), "");

    @Test
    void driftedRowsAreMarkedAndMissingServicesListed() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 48, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())), new UiEvent.Drift(DRIFT));
            String screen = h.text();
            assertTrue(screen.contains("! edm-backend-prod"), screen);
            assertTrue(screen.contains("! gloda-channel"), screen);
            assertFalse(screen.contains("! edm-redis-prod"), "only drifted rows are marked\n" + screen);
            assertTrue(screen.contains("! service worker: no container edm-worker-prod (the compose file wants edm-worker:v1.0)"), screen);
            assertTrue(screen.contains("· drift 3"), "the panel title counts them\n" + screen);
            h.app.apply(new UiEvent.Drift(DriftReport.NONE));
            assertFalse(h.text().contains("! edm-backend-prod"), "gone when the file and the engine agree again");
        }
    }

    @Test
    void theDetailViewSaysWhyInBothLanguages() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            try (ScreenHarness h = new ScreenHarness(160, 48, locale, false)) {
                ContainerInfo backend = ScreenHarness.edmStack().get(2);
                h.detail = new ContainerDetail(backend, "sha256:abc", "server", "unless-stopped", List.of(), List.of(), List.of(), 0,
                        List.of(), 1, false, 0, null);
                h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(ScreenHarness.edmStack())), new UiEvent.Drift(DRIFT));
                h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.ArrowDown)), new UiEvent.Key(new KeyStroke(KeyType.ArrowDown)),
                        new UiEvent.Key(new KeyStroke(KeyType.Enter)));
                h.drainPosted();
                String screen = h.text();
                String expected = locale == Locale.ENGLISH ? "edm-backend-prod: runs edm-backend:v1.1, the compose file says edm-backend:v1.2"
                        : "edm-backend-prod：运行 edm-backend:v1.1，compose 文件规定 edm-backend:v1.2";
                assertTrue(screen.contains(expected), screen);
            }
        }
    }
}
