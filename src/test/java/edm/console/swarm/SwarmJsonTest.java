package edm.console.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.logs.ServiceLogLines;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers captured from a real single-node swarm (dockerd 20.10, API 1.41, src/test/resources/swarm): a
 * 2-replica service "web" with a health check and a published port after one update, a global service, and
 * "broken", whose command does not exist (its tasks failed until the restart policy gave up).
 */
class SwarmJsonTest {
    @Test
    void infoSaysManagerOnlyForAnActiveManager() throws IOException {
        SwarmState manager = SwarmJson.state(SwarmFixtures.fixture("info.json"));
        assertTrue(manager.manager());
        assertEquals("vxvtzww53yptyz0xhn4cydvws", manager.nodeId());
        SwarmState shared = SwarmJson.state(SwarmFixtures.fixture("info_inactive.json"));
        assertFalse(shared.active());
        assertFalse(shared.manager());
        assertFalse(SwarmJson.state(Map.of()).manager(), "an engine that says nothing about a swarm is in none");
        assertFalse(new SwarmState("active", false, "n", "", "").manager(), "a worker is active but no manager");
    }

    @Test
    void servicesWithTheEnginesCountsImageTagPortsUpdateAndVersion() throws IOException {
        List<SwarmService> all = SwarmJson.services(SwarmFixtures.fixture("services_status_true.json"));
        assertEquals(List.of("broken", "global1", "web"), all.stream().map(SwarmService::name).toList());
        SwarmService web = all.get(2);
        assertEquals("p7u0hwvw2khiug1d4x9ylp6tc", web.id());
        assertEquals("edm-console-test/busybox", web.image());
        assertEquals("1", web.tag());
        assertEquals("edm-console-test/busybox:1", web.imageRef());
        assertEquals(SwarmService.Mode.REPLICATED, web.mode());
        assertEquals("2/2", web.replicas());
        assertEquals("completed", web.updateState());
        assertEquals("update completed", web.updateMessage());
        assertEquals(List.of(new PortMapping("", 18080, 80, "tcp")), web.ports());
        assertTrue(web.version() > 0);
        assertEquals("0/1", all.get(0).replicas());
        assertEquals("", all.get(0).updateState(), "never updated");
        assertEquals(SwarmService.Mode.GLOBAL, all.get(1).mode());
        assertEquals("1/1", all.get(1).replicas());
    }

    @Test
    void withoutStatusTheCountsComeFromTheTasks() throws IOException {
        List<SwarmService> bare = SwarmJson.services(SwarmFixtures.fixture("services.json"));
        SwarmService web = bare.stream().filter(s -> s.name().equals("web")).findFirst().orElseThrow();
        assertEquals(-1, web.running(), "API before 1.41: no ServiceStatus");
        assertEquals(2, web.desired(), "the spec's replicas");
        List<SwarmTask> tasks = SwarmJson.tasks(SwarmFixtures.fixture("tasks.json"), List.of());
        List<SwarmService> counted = SwarmJson.counted(bare, tasks);
        assertEquals(List.of("0/1", "1/1", "2/2"), counted.stream().map(SwarmService::replicas).toList());
    }

    @Test
    void tasksWithSlotNodeStatesErrorAndContainer() throws IOException {
        List<SwarmNode> nodes = SwarmJson.nodes(SwarmFixtures.fixture("nodes.json"));
        assertEquals(1, nodes.size());
        assertEquals("vm", nodes.get(0).hostname());
        assertEquals("manager", nodes.get(0).role());
        assertTrue(nodes.get(0).leader());
        List<SwarmTask> tasks = SwarmJson.tasks(SwarmFixtures.fixture("tasks.json"), nodes);
        SwarmTask running = tasks.stream().filter(t -> t.id().startsWith("dvaq9bkt")).findFirst().orElseThrow();
        assertEquals(1, running.slot());
        assertEquals("vm", running.node());
        assertEquals("running", running.state());
        assertEquals("running", running.desiredState());
        assertTrue(running.containerId().startsWith("8fe31842800e"));
        assertNull(running.health(), "tasks do not say their health: the container does");
        assertEquals("web.1", running.displayName("web"));
        assertEquals("edm-console-test/busybox:1", running.image());
        SwarmTask failed = tasks.stream().filter(t -> t.id().startsWith("zbqg3zfi")).findFirst().orElseThrow();
        assertEquals("failed", failed.state());
        assertEquals("shutdown", failed.desiredState());
        assertTrue(failed.error().contains("/bin/nosuch"), failed.error());
        SwarmTask global = tasks.stream().filter(t -> t.id().startsWith("0neqghrp")).findFirst().orElseThrow();
        assertEquals(0, global.slot());
        assertEquals("global1.vm", global.displayName("global1"));
        assertTrue(tasks.stream().allMatch(t -> t.updatedAt() != null && t.createdAt() != null));
    }

    @Test
    void shownTasksAreEachSlotsWantedOneOrTheNewestFailureNotTheHistory() throws IOException {
        SwarmView view = SwarmFixtures.capturedView(Map.of());
        SwarmService web = view.service("web");
        assertEquals(List.of("dvaq9bkto2zv0kajpxztx4y5o", "5l8oeubxrg1z6bf7z9zbhqyb5"),
                view.shownTasks(web).stream().map(SwarmTask::id).toList(), "10 tasks listed, 2 wanted");
        List<SwarmTask> broken = view.shownTasks(view.service("broken"));
        assertEquals(1, broken.size());
        assertEquals("zbqg3zfi4hqg2ggd6e140oe68", broken.get(0).id(), "the newest of three failures");
        assertEquals(1, view.shownTasks(view.service("global1")).size());
        assertEquals(12, view.taskIds().size(), "every task listed, history included");
    }

    @Test
    void serviceLogLinesLoseTheirDetailsAndSayTheirTask() {
        ServiceLogLines.Split s = ServiceLogLines.split("2026-12-02T00:20:10.140154076Z com.docker.swarm.node.id=vxv,"
                + "com.docker.swarm.service.id=p7u,com.docker.swarm.task.id=ix1r2wtfjyez2xguevuo7od9u line 7 from a7416b6b186c");
        assertEquals("ix1r2wtfjyez2xguevuo7od9u", s.taskId());
        assertEquals("2026-12-02T00:20:10.140154076Z line 7 from a7416b6b186c", s.line());
        ServiceLogLines.Split plain = ServiceLogLines.split("2026-12-02T00:20:10Z hello world");
        assertEquals("", plain.taskId());
        assertEquals("2026-12-02T00:20:10Z hello world", plain.line());
    }
}
