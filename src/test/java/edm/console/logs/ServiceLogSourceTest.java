package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A swarm service's logs: every task's lines tagged with the task, "following" only while the engine's stream is open. */
class ServiceLogSourceTest {
    static final Instant NOW = Instant.parse("2026-12-02T00:20:40Z");

    /** One follow stream at a time, opened (the engine answered) when the test says so. */
    static final class FakeServiceLogs implements ServiceLogApi {
        final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>(Map.of("t1", "web.1", "t2", "web.2"));
        final BlockingQueue<Object[]> follows = new LinkedBlockingQueue<>();
        final List<String> history = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> taskNames(String service) {
            return names;
        }

        @Override
        public Closeable stream(String service, Instant since, int tail, boolean follow, Runnable onOpen,
                                ContainerLogApi.ChunkHandler handler) {
            if (!follow) {
                onOpen.run();
                for (String l : history) {
                    byte[] b = l.getBytes(StandardCharsets.UTF_8);
                    handler.chunk(false, b, 0, b.length);
                }
                handler.end(null);
                return () -> { };
            }
            follows.add(new Object[] {onOpen, handler});
            return () -> handler.end(null);
        }
    }

    static String line(String time, String task, String text) {
        return time + " com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=" + task + " " + text + "\n";
    }

    static final class Lines implements LogSink {
        final BlockingQueue<LogLine> lines = new LinkedBlockingQueue<>();
        final List<LogLine> backlog = new CopyOnWriteArrayList<>();

        @Override
        public void backlog(String source, List<LogLine> l) {
            backlog.addAll(l);
        }

        @Override
        public void line(LogLine line) {
            lines.add(line);
        }

        LogLine next() throws InterruptedException {
            LogLine l = lines.poll(10, TimeUnit.SECONDS);
            assertTrue(l != null, "a line within 10 s");
            return l;
        }
    }

    @Test
    void everyTasksLinesTaggedAndFollowingOnlyOnceTheStreamIsOpen() throws Exception {
        FakeServiceLogs api = new FakeServiceLogs();
        api.history.add(line("2026-12-02T00:20:38.000000001Z", "t2", "old from two"));
        api.history.add(line("2026-12-02T00:20:37.000000001Z", "t1", "old from one"));
        Clock clock = () -> NOW;
        try (ServiceLogSource source = new ServiceLogSource(api, "web", LogWindow.lastLines(100, true), new LogMetrics(clock), clock, 8192)) {
            Lines sink = new Lines();
            source.start(sink);
            Object[] follow = api.follows.poll(10, TimeUnit.SECONDS);
            assertTrue(follow != null, "it follows after the backlog");
            assertEquals(List.of("web.1 old from one", "web.2 old from two"),
                    sink.backlog.stream().map(l -> l.source() + " " + l.text()).toList(), "in time order, each with its task");
            assertFalse(source.status(NOW).following(), "asked for, not yet answered: not following");
            ((Runnable) follow[0]).run();
            assertTrue(source.status(NOW).following());
            ContainerLogApi.ChunkHandler h = (ContainerLogApi.ChunkHandler) follow[1];
            byte[] b = (line("2026-12-02T00:20:39.5Z", "t1", "new \u001b[31mred")
                    + line("2026-12-02T00:20:39.6Z", "t3", "from a new task")).getBytes(StandardCharsets.UTF_8);
            api.names.put("t3", "web.3");
            h.chunk(false, b, 0, b.length);
            LogLine first = sink.next();
            assertEquals("web.1", first.source());
            assertEquals("new red", first.text(), "details gone, escapes gone");
            assertEquals(Instant.parse("2026-12-02T00:20:39.5Z"), first.time());
            assertEquals("web.3", sink.next().source(), "a task that started since is named by the engine's tasks");
            // The engine ends the stream: no longer following, a marker says so, and it reconnects.
            h.end(null);
            LogLine marker = sink.next();
            assertEquals(LogLine.Origin.MARKER, marker.origin());
            assertFalse(source.status(NOW).following());
            Object[] again = api.follows.poll(10, TimeUnit.SECONDS);
            assertTrue(again != null, "reconnected");
            ((Runnable) again[0]).run();
            assertTrue(source.status(NOW).following());
            ContainerLogApi.ChunkHandler h2 = (ContainerLogApi.ChunkHandler) again[1];
            byte[] dup = (line("2026-12-02T00:20:39.6Z", "t3", "from a new task") + line("2026-12-02T00:20:40.1Z", "t2", "after"))
                    .getBytes(StandardCharsets.UTF_8);
            h2.chunk(false, dup, 0, dup.length);
            LogLine after = sink.next();
            assertEquals("web.2 after", after.source() + " " + after.text(), "what was shown before the reconnect is not shown twice");
        }
    }
}
