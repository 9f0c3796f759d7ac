package edm.console.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.i18n.Messages;
import java.io.Closeable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An engine failure while reading a container's log is one notice that names the container once. */
class EngineNoticeTest {
    private static final String NAME = "edm-backend-prod";

    /** An engine that cannot be asked. */
    private static final ContainerLogApi FAILING = new ContainerLogApi() {
        @Override
        public Optional<ContainerRef> find(String name) {
            throw new IllegalStateException("not answering (3 s)");
        }

        @Override
        public Closeable stream(String id, Instant since, int tail, boolean follow, ChunkHandler handler) {
            throw new AssertionError("no container was found");
        }
    };

    @Test
    void theContainerNameAppearsOnceInTheCliNoticeAndTheViewLine() throws Exception {
        ContainerLogSource source = new ContainerLogSource(FAILING, NAME, LogWindow.lastLines(10, false), null,
                () -> Instant.EPOCH, 8192);
        List<LogLine> notices = new ArrayList<>();
        new MergedRead(List.of(source), new LogFilter(null, LogFilter.MatchMode.ALL, LogLevel.NONE), l -> { }, notices::add).run();
        assertEquals(1, notices.size(), notices.toString());
        LogLine n = notices.get(0);
        String cli = Messages.t("cli.logs.notice", n.source(), n.text());
        assertEquals("edm-console: edm-backend-prod: Docker engine: not answering (3 s)", cli);
        String view = LogFormat.plain(n, false, ZoneOffset.UTC);
        assertEquals(1, view.split(NAME, -1).length - 1, view);
        assertTrue(view.contains("Docker engine: not answering (3 s)"), view);
    }
}
