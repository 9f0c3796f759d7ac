package edm.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which containers are sampled: the rows on screen and the EDM stack, running ones only; never all 300. */
class StatsSamplerTest {
    private static ContainerInfo c(String name, ContainerStatus status) {
        return new ContainerInfo("id-" + name, name, "busybox:1", status, HealthStatus.NONE, null, null, 0, List.of(), Map.of());
    }

    private static List<String> names(List<ContainerInfo> cs) {
        return cs.stream().map(ContainerInfo::name).toList();
    }

    @Test
    void onlyTheRowsOnScreenAndTheStackAreSampled() {
        List<ContainerInfo> all = new ArrayList<>();
        all.add(c("edm-backend-prod", ContainerStatus.RUNNING));
        for (int i = 1; i <= 300; i++) {
            all.add(c("mon-" + i, ContainerStatus.RUNNING));
        }
        // The stack member has scrolled off: still sampled, its figures feed the alerts.
        List<ContainerInfo> picked = StatsSampler.selection(all, Set.of("id-mon-41", "id-mon-42"), Set.of("edm-backend-prod"));
        assertEquals(List.of("edm-backend-prod", "mon-41", "mon-42"), names(picked));
    }

    @Test
    void stoppedContainersAreNotSampledEvenOnScreen() {
        List<ContainerInfo> all = List.of(c("a", ContainerStatus.EXITED), c("b", ContainerStatus.RUNNING),
                c("edm-redis-prod", ContainerStatus.EXITED));
        assertEquals(List.of("b"), names(StatsSampler.selection(all, Set.of("id-a", "id-b"), Set.of("edm-redis-prod"))));
    }

    @Test
    void beforeTheScreenSaysAnythingEveryRunningContainerIs() {
        List<ContainerInfo> all = List.of(c("a", ContainerStatus.RUNNING), c("b", ContainerStatus.RUNNING));
        assertEquals(List.of("a", "b"), names(StatsSampler.selection(all, null, Set.of())));
    }

    @Test
    void aRoundAtOnceOnlyWhenRowsComeIntoView() {
        StatsSampler s = new StatsSampler(null, null, List.of(), Clock.SYSTEM);
        assertTrue(s.show(List.of("a", "b")), "first rows");
        assertFalse(s.show(List.of("b")), "scrolled so that a left: nothing new to read");
        assertTrue(s.show(List.of("b", "c")), "c came into view");
        assertFalse(s.show(List.of("c", "b")), "same rows");
    }
}
