package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A container source on a fake engine and a clock of the test's: an engine that delivers lines ever
 * later makes the source drop them (counted), then reconnect at the end of the log (span counted), and
 * its status says "behind" until it has caught up, never "following" while it is not.
 */
class ContainerLogCatchUpTest {
    private static final String NAME = "edm-flood";
    private static final Instant T0 = Instant.parse("2026-11-29T09:59:59.500Z");
    private final FakeContainerLogApi engine = new FakeContainerLogApi().container(NAME, "before");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private ContainerLogSource source;
    private LogSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(done.getAsBoolean(), "timed out waiting for " + what);
    }

    private void start() throws InterruptedException {
        source = new ContainerLogSource(engine, NAME, LogWindow.lastLines(100, true), null, now::get, 8192);
        session = new LogSession(List.of(source), new LogBuffer(1000, 1 << 20), 1024, null, () -> { }).start();
        await(() -> engine.openFollowers(NAME) == 1, "the follow stream");
    }

    private boolean shown(String text) {
        return session.buffer().snapshot().stream().anyMatch(l -> l.text().equals(text));
    }

    @Test
    void anEngineFallingBehindIsCaughtUpAndTheViewSaysSoMeanwhile() throws Exception {
        start();
        engine.emitAt(NAME, T0.plusMillis(100), "fresh 1");
        now.set(T0.plusMillis(120));
        engine.emitAt(NAME, T0.plusMillis(110), "fresh 2");
        await(() -> shown("fresh 2"), "fresh lines");
        assertTrue(session.status(now.get()).following(), "" + session.status(now.get()));

        // The engine now delivers lines 2 s after it stamped them, and never makes up ground.
        for (int i = 0; i < 5; i++) {
            now.set(T0.plusMillis(2_200 + i * 150L));
            engine.emitAt(NAME, T0.plusMillis(200 + i * 100L), "late " + i);
        }
        await(() -> engine.followTails().size() == 2, "a reconnect");
        assertEquals(0, engine.followTails().get(1), "reconnected at the end of the log, not re-reading it");
        await(() -> engine.openFollowers(NAME) == 1, "the new stream");
        FollowStatus behind = session.status(now.get());
        assertFalse(behind.following(), "not following while behind: " + behind);
        assertFalse(shown("late 0"), "late lines were dropped unread");
        assertEquals(5, behind.skippedLines(), "each dropped line counted, the one that decided the reconnect too: " + behind);

        // After the reconnect the engine gives fresh lines again.
        now.set(T0.plusMillis(3_100));
        engine.emitAt(NAME, T0.plusMillis(3_080), "caught up");
        await(() -> shown("caught up"), "the first line after the reconnect");
        FollowStatus after = session.status(now.get());
        assertTrue(after.following(), "" + after);
        assertEquals(Duration.ofMillis(20), after.lag());
        assertEquals(5, after.skippedLines(), "nothing counted twice");
        // The last line read was stamped T0 + 0.6 s: 2.48 s of log were never read.
        assertEquals(Duration.ofMillis(2_480), after.skippedSpan());
    }

    @Test
    void aLineDroppedIsDroppedWholeEvenWhenItsFrameComesInPieces() throws Exception {
        start();
        now.set(T0.plusMillis(60));
        engine.emitSplitAt(NAME, T0.plusMillis(50), "kept line, split in two", 40);
        await(() -> shown("kept line, split in two"), "a split line kept whole");
        // Lines 2 s late, each split in the middle of its text: dropped with every piece.
        now.set(T0.plusMillis(2_100));
        engine.emitSplitAt(NAME, T0.plusMillis(100), "late line one, split", 40);
        engine.emitSplitAt(NAME, T0.plusMillis(110), "late line two, split", 45);
        now.set(T0.plusMillis(2_150));
        engine.emitSplitAt(NAME, T0.plusMillis(2_140), "fresh again, split", 38);
        await(() -> shown("fresh again, split"), "the fresh line");
        List<String> texts = session.buffer().snapshot().stream().map(LogLine::text).toList();
        assertFalse(texts.stream().anyMatch(t -> t.contains("split") && !t.equals("kept line, split in two")
                && !t.equals("fresh again, split")), "no pieces of dropped lines: " + texts);
        assertEquals(2, session.status(now.get()).skippedLines());
    }

    @Test
    void linesAlreadyShownAreNeitherShownNorCountedAgainAfterAReattach() throws Exception {
        start();
        now.set(T0.plusMillis(60));
        engine.emitAt(NAME, T0.plusMillis(50), "one");
        await(() -> shown("one"), "a line");
        FollowStatus st = session.status(now.get());
        assertEquals(0, st.skippedLines());
        assertEquals(1, session.buffer().snapshot().stream().filter(l -> l.text().equals("before")).count());
    }

    @Test
    void dockerTimestampsAreReadFromRawBytes() {
        for (String s : List.of("2026-11-29T10:00:00.123456789Z", "2026-11-29T10:00:00.12Z", "2026-11-29T10:00:00Z",
                "2024-02-29T23:59:59.000000001Z", "1999-12-31T00:00:00.5Z")) {
            byte[] b = ("xx" + s + " text\n").getBytes(StandardCharsets.UTF_8);
            Instant t = Instant.parse(s);
            assertEquals(t.getEpochSecond() * 1_000_000_000L + t.getNano(), LogTimestamps.dockerPrefixNanos(b, 2, b.length - 2), s);
        }
        for (String s : List.of("plain text without a time at all", "2026-11-29 10:00:00 INFO local", "2026-13-29T10:00:00Z x",
                "2026-11-29T10:00:00+08:00 x", "short")) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(LogTimestamps.NO_TIME, LogTimestamps.dockerPrefixNanos(b, 0, b.length), s);
        }
    }
}
