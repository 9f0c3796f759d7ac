package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows on screen are announced (for stats sampling) when they change, and only then. */
class RowsShownTest {
    private static UiState withContainers(int n) {
        List<ContainerInfo> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new ContainerInfo("id" + i, "mon-" + i, "busybox:1", ContainerStatus.RUNNING, HealthStatus.NONE,
                    null, null, 0, List.of(), Map.of()));
        }
        UiState s = new UiState();
        s.containers = new ContainersSnapshot(EngineStatus.up("unix:///x", "1.41", "20.10", Instant.EPOCH), list, Map.of(),
                Instant.EPOCH);
        return s;
    }

    @Test
    void theWindowBeingDrawnIsAnnouncedOncePerChange() {
        UiState s = withContainers(300);
        List<List<String>> announced = new ArrayList<>();
        s.onRowsShown = announced::add;
        s.keepSelectionVisible(3);
        s.keepSelectionVisible(3); // the next frame, nothing moved
        assertEquals(List.of(List.of("id1", "id2", "id3", "id4")), announced, "the window and the row the panel may add");

        s.select(9); // the cursor moves down past the window: it scrolls
        s.keepSelectionVisible(3);
        assertEquals(List.of("id8", "id9", "id10", "id11"), announced.get(1));
        assertEquals(2, announced.size());
    }

    @Test
    void aShortListIsAnnouncedWhole() {
        UiState s = withContainers(2);
        List<List<String>> announced = new ArrayList<>();
        s.onRowsShown = announced::add;
        s.keepSelectionVisible(40);
        assertEquals(List.of(List.of("id1", "id2")), announced);
    }
}
