package edm.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lanes: one monitor's tasks in order on shared workers; a blocked lane holds up no other. */
class LaneTest {
    /** Generous: only a broken lane waits this long. */
    private static final long LONG = 20;

    private final Background background = new Background();

    @Test
    void runsItsTasksOneAtATimeInOrder() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(50);
        try (Lane lane = background.lane("test")) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                lane.execute(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(LONG, TimeUnit.SECONDS));
        }
        assertEquals(0, overlaps.get());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void aBlockedLaneDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        try (Lane blocked = background.lane("blocked"); Lane other = background.lane("other")) {
            blocked.execute(() -> awaitQuietly(release));
            other.execute(otherRan::countDown);
            assertTrue(otherRan.await(LONG, TimeUnit.SECONDS), "the other lane ran while the first was blocked");
        } finally {
            release.countDown();
        }
    }

    @Test
    void closeInterruptsTheRunningTaskAndDropsWhatIsQueued() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger queuedRan = new AtomicInteger();
        Lane lane = background.lane("closing");
        lane.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(LONG));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        lane.execute(queuedRan::incrementAndGet);
        assertTrue(started.await(LONG, TimeUnit.SECONDS));
        lane.close();
        assertTrue(interrupted.await(LONG, TimeUnit.SECONDS), "the running task was interrupted");
        lane.execute(queuedRan::incrementAndGet);
        // A task on a fresh lane runs after the closed lane's worker is free: by then a dropped task would have run.
        CountDownLatch after = new CountDownLatch(1);
        try (Lane next = background.lane("next")) {
            next.execute(after::countDown);
            assertTrue(after.await(LONG, TimeUnit.SECONDS));
        }
        assertEquals(0, queuedRan.get(), "queued and later tasks of a closed lane never run");
        assertTrue(lane.closed());
    }

    @Test
    void aPeriodicTaskThatThrowsKeepsRunningAndStopsWithTheLane() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        AtomicInteger runs = new AtomicInteger();
        try (Lane lane = background.lane("periodic")) {
            lane.everyFixedDelay(() -> {
                runs.incrementAndGet();
                threeRuns.countDown();
                throw new IllegalStateException("a failing sample");
            }, 0, 10);
            assertTrue(threeRuns.await(LONG, TimeUnit.SECONDS), "ran again after throwing");
        }
        int atClose = runs.get();
        // Closing cancels the timer: a task scheduled on the closed lane is refused too.
        try (Lane probe = background.lane("probe")) {
            CountDownLatch later = new CountDownLatch(1);
            probe.schedule(later::countDown, 50);
            assertTrue(later.await(LONG, TimeUnit.SECONDS));
        }
        assertTrue(runs.get() <= atClose + 1, "at most the run under way when closed: " + runs.get() + " vs " + atClose);
    }

    @Test
    void theNextBeatIsTheNextMultipleOfThePeriod() {
        assertEquals(2500, Lane.untilNextBeat(10_000, 2500), "on a beat: the next one, a period later");
        assertEquals(1, Lane.untilNextBeat(12_499, 2500));
        assertEquals(2499, Lane.untilNextBeat(12_501, 2500));
        assertEquals(5000 - 1234, Lane.untilNextBeat(1_700_000_001_234L, 5000));
    }

    @Test
    void aTaskOnTheBeatThatThrowsKeepsRunning() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (Lane lane = background.lane("beat")) {
            lane.everyOnTheBeat(() -> {
                threeRuns.countDown();
                throw new IllegalStateException("a failing sample");
            }, 0, 20);
            assertTrue(threeRuns.await(LONG, TimeUnit.SECONDS), "ran again after throwing");
        }
    }

    @Test
    void anInterruptForOneTaskDoesNotReachTheNext() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        boolean[] interruptedAtStart = new boolean[1];
        try (Lane lane = background.lane("interrupts")) {
            lane.execute(() -> Thread.currentThread().interrupt());
            lane.execute(() -> {
                interruptedAtStart[0] = Thread.currentThread().isInterrupted();
                done.countDown();
            });
            assertTrue(done.await(LONG, TimeUnit.SECONDS));
        }
        assertFalse(interruptedAtStart[0]);
    }

    private static void awaitQuietly(CountDownLatch l) {
        try {
            l.await(LONG, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
