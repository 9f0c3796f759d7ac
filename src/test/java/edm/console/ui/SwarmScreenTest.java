package edm.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import edm.console.core.ContainerInfo;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.swarm.SwarmFixtures;
import edm.console.swarm.SwarmService;
import edm.console.swarm.SwarmState;
import edm.console.swarm.SwarmTask;
import edm.console.swarm.SwarmView;
import edm.console.ui.panels.ContainerRow;
import edm.console.logs.ContainerLogApi;
import edm.console.logs.FakeContainerLogApi;
import edm.console.logs.LogSessions;
import edm.console.logs.ServiceLogApi;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Containers panel on a swarm manager: services with their tasks under them, then the plain containers. */
class SwarmScreenTest {
    /** The captured swarm's running task containers (healthy), plus one plain container. */
    static List<ContainerInfo> containers(SwarmView view) {
        List<ContainerInfo> out = new ArrayList<>();
        for (SwarmTask t : view.tasks()) {
            if (t.wanted() && t.running()) {
                out.add(new ContainerInfo(t.containerId(), "task-" + t.id(), "edm-console-test/busybox:1", ContainerStatus.RUNNING,
                        HealthStatus.HEALTHY, ScreenHarness.NOW, ScreenHarness.NOW, 0, List.of(), Map.of(ContainerRow.TASK_LABEL, t.id())));
            }
        }
        out.add(ScreenHarness.container("p1", "plain-one", "busybox:1", ContainerStatus.RUNNING, HealthStatus.NONE));
        return out;
    }

    static SwarmView healthyView() {
        return withHealth(SwarmFixtures.capturedView(Map.of()));
    }

    static SwarmView withHealth(SwarmView v) {
        List<SwarmTask> tasks = v.tasks().stream().map(t -> t.wanted() && t.running() ? t.withHealth(HealthStatus.HEALTHY) : t).toList();
        return new SwarmView(v.state(), v.services(), tasks, v.nodes(), v.readAt(), "");
    }

    @Test
    void servicesWithTheirTasksAboveThePlainContainers() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 40, Locale.ENGLISH, false)) {
            SwarmView view = healthyView();
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(containers(view))), new UiEvent.Swarm(view));
            String screen = h.text();
            int web = h.rowContaining("│web ");
            assertTrue(web > 0, screen);
            String webRow = h.lines().get(web);
            for (String cell : List.of("edm-console-test/busybox:1", "2/2", "updated", "18080->80")) {
                assertTrue(webRow.contains(cell), cell + " on the service's row\n" + screen);
            }
            String task1 = h.lines().get(h.rowContaining("└ web.1 @vm"));
            assertTrue(task1.contains("running") && task1.contains("healthy"), screen);
            assertTrue(h.rowContaining("└ web.2 @vm") == web + 2, "the tasks right under their service\n" + screen);
            String broken = h.lines().get(h.rowContaining("└ broken.1 @vm"));
            assertTrue(broken.contains("failed") && broken.contains("exec: \"/bin/nosuch\": stat /bin/nosuch"),
                    "the failed task says why\n" + screen);
            assertTrue(h.rowContaining("└ global1.vm") > 0, screen);
            assertTrue(h.rowContaining("plain-one") > h.rowContaining("└ web.2"), "plain containers below the services\n" + screen);
            assertEquals(-1, h.rowContaining("task-"), "a task's container is shown as its task, not again on its own\n" + screen);
            assertTrue(screen.contains("· swarm: 3 services"), screen);
            assertFalse(screen.contains("web.1 @vm   edm-console"), "a task's image is only shown where it differs from the service's");
        }
    }

    @Test
    void inChinese() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 40, Locale.SIMPLIFIED_CHINESE, false)) {
            SwarmView view = healthyView();
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(containers(view))), new UiEvent.Swarm(view));
            String screen = h.text();
            assertTrue(h.lines().get(h.rowContaining("│web ")).contains("已更新"), screen);
            assertTrue(h.lines().get(h.rowContaining("└ web.1")).contains("运行中"), screen);
            assertTrue(h.lines().get(h.rowContaining("└ broken.1")).contains("失败"), screen);
            assertTrue(screen.contains("swarm：3 个服务"), screen);
        }
    }

    @Test
    void aWorkerShowsItsContainersAsContainers() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 40, Locale.ENGLISH, false)) {
            SwarmView view = healthyView();
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(containers(view))),
                    new UiEvent.Swarm(SwarmView.of(new SwarmState("active", false, "n1", "", ""), ScreenHarness.NOW)));
            String screen = h.text();
            assertEquals(-1, h.rowContaining("└ web.1"), screen);
            assertTrue(h.rowContaining("task-") > 0, "a worker's task containers are its containers\n" + screen);
            assertFalse(screen.contains("swarm:"), screen);
        }
    }

    @Test
    void hostileNamesAndErrorsReachTheTerminalSafe() throws Exception {
        SwarmView v = healthyView();
        SwarmService evil = new SwarmService("evil1", "ev\u001b[2Jil\u0007", "img", "1", SwarmService.Mode.REPLICATED, 0, 1, "",
                "", List.of(), 1, null, null);
        SwarmTask task = new SwarmTask("t-evil", "evil1", 1, "n", "node\u001b]0;x\u0007", "img:1", "failed", "shutdown", null,
                "bad\nline\u001b[31m two", "", "", null, null);
        List<SwarmService> services = new ArrayList<>(v.services());
        services.add(evil);
        List<SwarmTask> tasks = new ArrayList<>(v.tasks());
        tasks.add(task);
        try (ScreenHarness h = new ScreenHarness(160, 40, Locale.ENGLISH, false)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(containers(v))),
                    new UiEvent.Swarm(new SwarmView(v.state(), services, tasks, v.nodes(), v.readAt(), "")));
            String screen = h.text();
            assertFalse(screen.contains("\u001b") || screen.contains("\u0007"), screen);
            assertTrue(h.rowContaining("bad line") > 0, "the error on one line\n" + screen);
        }
    }

    @Test
    void theSelectionWalksServicesTasksAndContainersAndStaysOnItsRow() throws Exception {
        try (ScreenHarness h = new ScreenHarness(160, 40, Locale.ENGLISH, false)) {
            SwarmView view = healthyView();
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(containers(view))));
            h.app.apply(new UiEvent.Swarm(view));
            UiState s = h.app.state();
            assertEquals("service:" + view.service("broken").id(), s.selectedRow().key(),
                    "the first row, also when the containers came before the swarm");
            assertTrue(s.selectedService() != null && s.selected() == null, "a service row stands for no container");
            h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.ArrowDown)));
            assertEquals(ContainerRow.Kind.TASK, s.selectedRow().kind());
            // Down to the web service, then a new list: the selection stays on web.
            while (s.selectedService() == null || !s.selectedService().name().equals("web")) {
                h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.ArrowDown)));
            }
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(containers(view))), new UiEvent.Swarm(withHealth(view)));
            assertEquals("web", s.selectedService().name());
            h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.ArrowDown)));
            assertTrue(s.selected() != null && s.selected().labels().containsKey(ContainerRow.TASK_LABEL),
                    "a task row stands for its container on this engine");
        }
    }

    @Test
    void lOnAServiceFollowsItsLogsAcrossItsTasksTagged() throws Exception {
        SwarmView view = healthyView();
        String web = view.service("web").id();
        List<SwarmTask> tasks = view.shownTasks(view.service("web"));
        ServiceLogApi api = new ServiceLogApi() {
            @Override
            public Map<String, String> taskNames(String service) {
                return Map.of(tasks.get(0).id(), "web.1", tasks.get(1).id(), "web.2");
            }

            @Override
            public Closeable stream(String service, Instant since, int tail, boolean follow, Runnable onOpen,
                                    ContainerLogApi.ChunkHandler handler) {
                assertEquals("web", service);
                onOpen.run();
                if (!follow) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < 2; i++) {
                        b.append("2026-11-29T09:59:5").append(i).append(".000000000Z com.docker.swarm.node.id=n,com.docker.swarm.service.id=")
                                .append(web).append(",com.docker.swarm.task.id=").append(tasks.get(i).id())
                                .append(" hello from task ").append(i + 1).append('\n');
                    }
                    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                    handler.chunk(false, bytes, 0, bytes.length);
                    handler.end(null);
                }
                return () -> handler.end(null);
            }
        };
        LogSessions sessions = new LogSessions(new FakeContainerLogApi(), Path.of("/nonexistent"), List.of(), 500, 10_000, 8 << 20,
                () -> ScreenHarness.NOW);
        sessions.useServices(api);
        try (ScreenHarness h = new ScreenHarness(160, 48, Locale.ENGLISH, false, "dark", sessions, null)) {
            h.app.apply(new UiEvent.Containers(ScreenHarness.snapshot(containers(view))), new UiEvent.Swarm(view));
            while (h.app.state().selectedService() == null || !h.app.state().selectedService().name().equals("web")) {
                h.app.apply(new UiEvent.Key(new KeyStroke(KeyType.ArrowDown)));
            }
            h.app.apply(new UiEvent.Key(new KeyStroke('l', false, false)));
            h.awaitLogLines(2);
            String screen = h.text();
            assertTrue(screen.contains("Logs: web"), screen);
            assertTrue(h.lines().get(h.rowContaining("hello from task 1")).contains("web.1"), screen);
            assertTrue(h.lines().get(h.rowContaining("hello from task 2")).contains("web.2"), screen);
            assertTrue(screen.contains("following"), screen);
            assertFalse(screen.contains("com.docker.swarm"), "the details are not shown");
        }
    }
}
