package edm.console.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edm.console.swarm.SwarmTask;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The spec transformations on a service spec as the engine gave it (src/test/resources/swarm). */
class SwarmSpecsTest {
    static JsonNode spec() {
        return FakeSwarm.fixture("service-created.json").path("Spec");
    }

    @Test
    void aDeployChangesTheImageAndThePolicyAndKeepsEverythingElse() {
        JsonNode before = spec();
        String original = before.toString();
        ObjectNode next = SwarmSpecs.forDeploy(before, "edm-swarm-app:v2", Duration.ofSeconds(5));
        assertEquals(original, before.toString(), "the engine's spec is not changed in place");
        assertEquals("edm-swarm-app:v2", next.path("TaskTemplate").path("ContainerSpec").path("Image").asText());
        JsonNode u = next.path("UpdateConfig");
        assertEquals(1, u.path("Parallelism").asInt());
        assertEquals("start-first", u.path("Order").asText());
        assertEquals("rollback", u.path("FailureAction").asText());
        assertEquals(5_000_000_000L, u.path("Monitor").asLong());
        assertEquals(0, u.path("MaxFailureRatio").asInt());
        JsonNode r = next.path("RollbackConfig");
        assertEquals("start-first", r.path("Order").asText());
        assertEquals(1, r.path("Parallelism").asInt());
        assertEquals("pause", r.path("FailureAction").asText());
        // Everything the console does not change goes back as the engine gave it.
        ObjectNode expected = before.deepCopy();
        ((ObjectNode) expected.path("TaskTemplate").path("ContainerSpec")).put("Image", "edm-swarm-app:v2");
        expected.set("UpdateConfig", u);
        expected.set("RollbackConfig", r);
        assertEquals(expected, next);
        assertEquals("vip", next.path("EndpointSpec").path("Mode").asText());
        assertEquals("container", next.path("TaskTemplate").path("Runtime").asText());
    }

    @Test
    void aRestartRaisesForceUpdateWithTheSameImage() {
        ObjectNode next = SwarmSpecs.forRestart(spec(), Duration.ofSeconds(5));
        assertEquals(1, SwarmSpecs.forceUpdate(next));
        assertEquals("edm-swarm-app:v1", SwarmSpecs.image(next));
        assertEquals(2, SwarmSpecs.forceUpdate(SwarmSpecs.forRestart(next, Duration.ofSeconds(5))));
        assertEquals("start-first", next.path("UpdateConfig").path("Order").asText());
    }

    @Test
    void imagesAndTags() {
        ObjectNode pinned = spec().deepCopy();
        ((ObjectNode) pinned.path("TaskTemplate").path("ContainerSpec")).put("Image", "reg:5000/edm/backend:v1.2@sha256:abc");
        assertEquals("reg:5000/edm/backend:v1.2", SwarmSpecs.image(pinned));
        assertEquals("reg:5000/edm/backend:v1.3", SwarmSpecs.withTag("reg:5000/edm/backend:v1.2", "v1.3"));
        assertEquals("reg:5000/edm/backend:v1.3", SwarmSpecs.withTag("reg:5000/edm/backend", "v1.3"));
        assertEquals("v1.2", SwarmSpecs.tag("reg:5000/edm/backend:v1.2"));
        assertEquals(2, SwarmSpecs.replicas(spec()));
    }

    @Test
    void theHealthCheckIsTheSpecsElseTheImagesAndNoneSwitchesItOff() {
        ObjectNode image = WorkflowJson.MAPPER.createObjectNode();
        image.putObject("Config").putObject("Healthcheck").putArray("Test").add("CMD-SHELL").add("wget -qO- localhost:8080/health");
        assertTrue(SwarmSpecs.hasHealthcheck(spec(), image));
        assertEquals("wget -qO- localhost:8080/health", SwarmSpecs.healthcheck(spec(), image));
        assertFalse(SwarmSpecs.hasHealthcheck(spec(), WorkflowJson.MAPPER.createObjectNode()));
        ObjectNode off = spec().deepCopy();
        ((ObjectNode) off.path("TaskTemplate").path("ContainerSpec")).putObject("Healthcheck").putArray("Test").add("NONE");
        assertFalse(SwarmSpecs.hasHealthcheck(off, image));
        assertEquals("", SwarmSpecs.healthcheck(off, image));
    }

    @Test
    void tasksAsTheEngineListsThem() {
        SwarmReading updating = SwarmReading.of(FakeSwarm.fixture("service-updating.json"), FakeSwarm.taskFixture("tasks-updating.json"));
        assertEquals("updating", updating.updateState());
        assertFalse(updating.notConverged("edm-swarm-app:v2", Set.of(), 2).isEmpty(), "one new task still starts, one old one runs");
        SwarmReading v2 = SwarmReading.of(FakeSwarm.fixture("service-completed.json"), FakeSwarm.taskFixture("tasks-v2.json"));
        assertEquals("", v2.notConverged("edm-swarm-app:v2", Set.of(), 2));
        assertFalse(v2.notConverged("edm-swarm-app:v2", Set.of(), 3).isEmpty());
        Set<String> running = v2.wanted().stream().map(SwarmTask::id).collect(Collectors.toSet());
        assertFalse(v2.notConverged("edm-swarm-app:v2", running, 2).isEmpty(), "the tasks that ran before are not a restart's");
        SwarmReading rolled = SwarmReading.of(FakeSwarm.fixture("service-rolledback.json"), FakeSwarm.taskFixture("tasks-rolledback.json"));
        assertEquals("rollback_completed", rolled.updateState());
        assertTrue(rolled.failure("edm-swarm-app:bad").contains("unhealthy container"), rolled.failure("edm-swarm-app:bad"));
        assertEquals("", rolled.notConverged("edm-swarm-app:v2", Set.of(), 2));
    }
}
