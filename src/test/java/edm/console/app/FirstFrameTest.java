package edm.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.ContainersSnapshot;
import edm.console.core.EngineStatus;
import edm.console.core.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FirstFrameTest {
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final String EP = "unix:///var/run/docker.sock";

    private static ContainersSnapshot firstList() {
        ContainerInfo c = new ContainerInfo("id1", "edm-backend-prod", "edm-backend:v1.2", ContainerStatus.RUNNING,
                HealthStatus.NONE, T0, null, -1, List.of(), Map.of());
        return new ContainersSnapshot(EngineStatus.up(EP, "1.41", "20.10.24", T0), List.of(c), Map.of(), T0);
    }

    @Test
    void theListReachesTheUiBeforeTheMonitorStarts() throws InterruptedException {
        CompletableFuture<Optional<ContainersSnapshot>> read = new CompletableFuture<>();
        FirstFrame first = new FirstFrame(read);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        first.then(s -> order.add("list " + s.containers().get(0).name()), () -> {
            order.add("monitor");
            started.countDown();
        });
        assertEquals(List.of(), order, "nothing before the list is read (within the monitor's wait)");
        read.complete(Optional.of(firstList()));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("list edm-backend-prod", "monitor"), order, "the list first, the monitor once");
    }

    @Test
    void noListOrNoneInTimeStartsTheMonitorAtOnceAndALateListIsDropped() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        new FirstFrame(CompletableFuture.completedFuture(Optional.empty())).then(s -> { }, started::countDown);
        assertTrue(started.await(1, TimeUnit.SECONDS));

        CompletableFuture<Optional<ContainersSnapshot>> hung = new CompletableFuture<>();
        FirstFrame first = new FirstFrame(hung);
        List<ContainersSnapshot> posted = new CopyOnWriteArrayList<>();
        CountDownLatch startedAfterWait = new CountDownLatch(1);
        first.then(posted::add, startedAfterWait::countDown);
        assertTrue(startedAfterWait.await(10, TimeUnit.SECONDS), "a hung engine is the monitor's to report");
        hung.complete(Optional.of(firstList()));
        assertEquals(List.of(), posted, "a list later than the monitor's start would overwrite the monitor's news");
    }

    @Test
    void theEarlyListIsShownStackFirstOrReadAgainFromAnotherEndpoint() throws InterruptedException {
        ContainerInfo peer = new ContainerInfo("id0", "a-peer", "busybox", ContainerStatus.RUNNING, HealthStatus.NONE, T0, null,
                -1, List.of(), Map.of());
        ContainersSnapshot read = new ContainersSnapshot(EngineStatus.up(EP, "1.41", "20.10.24", T0),
                List.of(peer, firstList().containers().get(0)), Map.of(), T0);
        FirstFrame early = FirstFrame.start(() -> Optional.of(read), EP);
        FirstFrame same = early.forConfig(EP, Duration.ofSeconds(5), List.of("edm-backend-prod"), Clock.SYSTEM);
        assertSame(early, same, "the config names the engine it was read from: no second read");
        List<ContainersSnapshot> posted = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        same.then(posted::add, started::countDown);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("edm-backend-prod", "a-peer"), posted.get(0).containers().stream().map(ContainerInfo::name).toList(),
                "the stack's names first, as the monitor will show them");

        FirstFrame other = early.forConfig("tcp://127.0.0.1:2375", Duration.ofSeconds(5), List.of(), Clock.SYSTEM);
        List<ContainersSnapshot> fromOther = new CopyOnWriteArrayList<>();
        CountDownLatch otherStarted = new CountDownLatch(1);
        other.then(fromOther::add, otherStarted::countDown);
        assertTrue(otherStarted.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(), fromOther, "another engine: the early answer is not shown (no quick list of a tcp engine)");
    }

    @Test
    void untilTheMonitorHasListedItsSnapshotsKeepTheFirstListsRows() throws InterruptedException {
        ContainersSnapshot list = firstList();
        FirstFrame first = new FirstFrame(CompletableFuture.completedFuture(Optional.of(list)));
        CountDownLatch started = new CountDownLatch(1);
        first.then(s -> { }, started::countDown);
        assertTrue(started.await(5, TimeUnit.SECONDS));

        Instant t1 = T0.plusSeconds(1);
        assertSame(list, first.merge(ContainersSnapshot.initial(EngineStatus.connecting(EP, t1))),
                "'connecting' says less than the list the engine has just given");

        ContainersSnapshot down = first.merge(new ContainersSnapshot(EngineStatus.notAnswering(EP, "not answering", t1, t1, t1),
                List.of(), Map.of(), null));
        assertTrue(down.engine().notAnswering(), "the monitor's news about the engine is shown as it is");
        assertEquals(list.containers(), down.containers(), "with the first list as the last known rows");
        assertEquals(T0, down.listedAt(), "and their age");

        ContainersSnapshot own = new ContainersSnapshot(EngineStatus.up(EP, "1.41", "20.10.24", t1), List.of(), Map.of(), t1);
        assertSame(own, first.merge(own), "the monitor's own list replaces the first one");
        ContainersSnapshot laterDown = new ContainersSnapshot(EngineStatus.down(EP, "refused", t1, t1), List.of(), Map.of(), null);
        assertSame(laterDown, first.merge(laterDown), "and from then on nothing is kept from it");
    }
}
