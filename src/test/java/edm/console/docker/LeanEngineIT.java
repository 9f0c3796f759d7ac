package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainerInfo;
import edm.console.core.EngineEvent;
import edm.console.core.HealthStatus;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the real engine: the lean client reads the same records as docker-java from the same containers (list
 * rows, inspect detail, what enrich adds, find by name, image names of a container created by id, stats),
 * the same errors, the same events and the same log bytes (multiplexed and with a terminal).
 */
@RequiresDocker
class LeanEngineIT {
    private static final String PREFIX = "edm-it-lean-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RICH = PREFIX + "-rich";
    private static final String EXITED = PREFIX + "-exited";
    private static final String BY_ID = PREFIX + "-byid";
    private static final String TTY = PREFIX + "-tty";
    private static final String EVENTS = PREFIX + "-events";
    private static final String CHECKED = PREFIX + "-checked";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static LeanEngine lean;
    private static DockerJavaOps ops;
    private static EngineReads dockerJava;
    private static Path dir;

    @BeforeAll
    static void create() throws Exception {
        String image = TestImages.busybox();
        String imageId = DockerEngine.client().inspectImageCmd(image).exec().getId();
        dir = Files.createTempDirectory("edm-lean-it");
        ExposedPort web = ExposedPort.tcp(8080);
        ExposedPort metrics = ExposedPort.udp(9090);
        Ports b = new Ports();
        b.bind(web, Ports.Binding.bindIpAndPort("127.0.0.1", 0));
        String rich = DockerEngine.client().createContainerCmd(image).withName(RICH)
                .withCmd("sh", "-c", "echo to out; echo to err >&2; sleep 120")
                .withEnv("DB_PASSWORD=hunter2", "PLAIN=value with spaces")
                .withLabels(Map.of("edm-it", "lean", "com.example.note", "a label"))
                .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "true")).withInterval(1_000_000_000L)
                        .withRetries(3))
                .withExposedPorts(web, metrics)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(b)
                        .withBinds(new Bind(dir.toString(), new Volume("/data"), AccessMode.ro))
                        .withRestartPolicy(RestartPolicy.onFailureRestart(3)))
                .exec().getId();
        DockerEngine.client().startContainerCmd(rich).exec();
        String ex = DockerEngine.client().createContainerCmd(image).withName(EXITED).withCmd("sh", "-c", "exit 3")
                .withLabels(Map.of("edm-it", "lean")).exec().getId();
        DockerEngine.client().startContainerCmd(ex).exec();
        DockerEngine.client().waitContainerCmd(ex).start().awaitStatusCode();
        DockerEngine.client().createContainerCmd(imageId).withName(BY_ID).withCmd("sleep", "60").exec();
        String tty = DockerEngine.client().createContainerCmd(image).withName(TTY).withTty(true)
                .withCmd("sh", "-c", "echo with a terminal; echo its err >&2").exec().getId();
        DockerEngine.client().startContainerCmd(tty).exec();
        DockerEngine.client().waitContainerCmd(tty).start().awaitStatusCode();
        lean = LeanEngine.forEndpoint(DockerEngine.endpoint(), TIMEOUT).orElseThrow();
        ops = new DockerJavaOps(DockerEngine.endpoint(), TIMEOUT, null);
        dockerJava = ops.reads();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lean.inspect(RICH).summary().health() != HealthStatus.HEALTHY && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void remove() throws Exception {
        if (ops != null) {
            ops.close();
        }
        for (String n : List.of(RICH, EXITED, BY_ID, TTY, EVENTS, CHECKED)) {
            try {
                DockerEngine.client().removeContainerCmd(n).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // not created
            }
        }
        Files.deleteIfExists(dir);
    }

    private static ContainerInfo row(List<ContainerInfo> all, String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void theListGivesTheRowsDockerJavaGives() {
        List<ContainerInfo> viaLean = lean.listContainers();
        List<ContainerInfo> viaDockerJava = dockerJava.listContainers();
        for (String name : List.of(RICH, EXITED, BY_ID, TTY)) {
            assertEquals(row(viaDockerJava, name), row(viaLean, name), name);
        }
        ContainerInfo rich = row(viaLean, RICH);
        assertTrue(rich.running());
        assertEquals("a label", rich.labels().get("com.example.note"));
        assertEquals(TestImages.BUSYBOX, row(viaLean, BY_ID).image(), "created by id: the image's tag");
    }

    @Test
    void inspectGivesTheDetailDockerJavaGives() throws Exception {
        for (String name : List.of(RICH, EXITED, BY_ID, TTY)) {
            ContainerDetail viaLean = stable(() -> lean.inspect(name), () -> dockerJava.inspect(name));
            ContainerInfo listed = row(lean.listContainers(), name);
            assertEquals(stable(() -> lean.enrich(listed), () -> dockerJava.enrich(listed)), lean.enrich(listed), name);
            assertEquals(dockerJava.findByName(name), lean.findByName(name), name);
            assertEquals(dockerJava.name(viaLean.summary().id()), lean.name(viaLean.summary().id()));
        }
        // The premise, so that the comparison means something: the detail carries what the detail view shows.
        ContainerDetail rich = lean.inspect(RICH);
        assertEquals(HealthStatus.HEALTHY, rich.summary().health());
        assertFalse(rich.healthLog().isEmpty());
        assertEquals("on-failure:3", rich.restartPolicy());
        assertEquals(List.of(dir + " -> /data (ro)"), rich.mounts());
        assertTrue(rich.maskedEnv().contains("PLAIN=value with spaces"), rich.maskedEnv().toString());
        assertFalse(rich.maskedEnv().toString().contains("hunter2"), "secrets masked: " + rich.maskedEnv());
        assertEquals(2, rich.summary().ports().size(), "the published port and the exposed one: " + rich.summary().ports());
        assertTrue(rich.command().contains("'echo to out; echo to err >&2; sleep 120'"), rich.command());
        assertFalse(rich.networks().isEmpty());
        assertTrue(rich.pid() > 0);
        assertEquals(3, lean.inspect(EXITED).exitCode());
        assertEquals(TestImages.BUSYBOX, lean.inspect(BY_ID).summary().image());
    }

    /** The lean answer, once the same container read the same way twice around docker-java's answer (health checks run). */
    private static <T> T stable(java.util.concurrent.Callable<T> viaLean, java.util.concurrent.Callable<T> viaDockerJava)
            throws Exception {
        for (int i = 0; ; i++) {
            T before = viaLean.call();
            T other = viaDockerJava.call();
            T after = viaLean.call();
            if (before.equals(after) || i == 5) {
                assertEquals(other, before);
                return before;
            }
        }
    }

    @Test
    void aMissingContainerIsTheSameErrorAndNotFoundByName() {
        String missing = PREFIX + "-missing";
        EngineException viaLean = assertThrows(EngineException.class, () -> lean.inspect(missing));
        EngineException viaDockerJava = assertThrows(EngineException.class, () -> dockerJava.inspect(missing));
        assertEquals(viaDockerJava.getMessage(), viaLean.getMessage());
        assertEquals("inspect " + missing + ": No such container: " + missing, viaLean.getMessage());
        assertTrue(lean.findByName(missing).isEmpty());
        assertEquals(missing, new ContainerGateway(DockerEngine.endpoint(), TIMEOUT).nameOf(missing));
    }

    @Test
    void versionAndPing() {
        lean.ping();
        assertEquals(dockerJava.version(), lean.version());
        assertNotNull(lean.version().apiVersion());
    }

    @Test
    void oneStatsSample() {
        String id = lean.inspect(RICH).summary().id();
        CpuMemorySample viaLean = lean.stats(id);
        CpuMemorySample viaDockerJava = dockerJava.stats(id);
        assertTrue(viaLean.systemCpuNanos() > 0 && viaLean.containerCpuNanos() > 0, viaLean.toString());
        assertTrue(viaLean.memoryUsed() > 0, viaLean.toString());
        assertEquals(viaDockerJava.memoryLimit(), viaLean.memoryLimit());
        assertEquals(viaDockerJava.onlineCpus(), viaLean.onlineCpus());
    }

    @Test
    void theLogsAreTheBytesDockerJavaReads() throws Exception {
        for (String name : List.of(RICH, TTY)) {
            String id = lean.inspect(name).summary().id();
            assertArrayEquals(logs(dockerJava, id), logs(lean, id), name);
        }
        String[] rich = logs(lean, lean.inspect(RICH).summary().id());
        assertTrue(rich[0].matches("\\d{4}-\\d\\d-\\d\\dT\\S+ to out\n"), "stdout with Docker's timestamp: " + rich[0]);
        assertTrue(rich[1].endsWith(" to err\n"), "stderr apart: " + rich[1]);
        String[] tty = logs(lean, lean.inspect(TTY).summary().id());
        assertTrue(tty[0].contains("with a terminal") && tty[0].contains("its err"), "one raw stream: " + tty[0]);
        assertEquals("", tty[1]);
    }

    /** stdout and stderr of the whole log, not followed. */
    private static String[] logs(EngineReads reads, String id) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        try (Closeable s = reads.logs(id, null, -1, false, new ContainerGateway.LogChunks() {
            @Override
            public synchronized void chunk(boolean stderr, byte[] data, int offset, int length) {
                (stderr ? err : out).write(data, offset, length);
            }

            @Override
            public void end(Throwable error) {
                ended.complete(error);
            }
        })) {
            Throwable error = ended.get(30, TimeUnit.SECONDS);
            assertEquals(null, error);
        }
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aFollowedLogEndsPromptlyWhenClosed() throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        CompletableFuture<Void> first = new CompletableFuture<>();
        Closeable s = lean.logs(lean.inspect(RICH).summary().id(), null, -1, true, new ContainerGateway.LogChunks() {
            @Override
            public void chunk(boolean stderr, byte[] data, int offset, int length) {
                first.complete(null);
            }

            @Override
            public void end(Throwable error) {
                ended.complete(error);
            }
        });
        first.get(30, TimeUnit.SECONDS);
        assertFalse(ended.isDone(), "following: the stream stays open while the container is quiet");
        s.close();
        assertEquals(null, ended.get(10, TimeUnit.SECONDS), "closed by its owner: a clean end");
    }

    @Test
    void eventsAreTheOnesDockerJavaSees() throws Exception {
        List<EngineEvent> viaLean = new CopyOnWriteArrayList<>();
        List<EngineEvent> viaDockerJava = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> leanEnded = new CompletableFuture<>();
        Instant since = Instant.now().minusSeconds(1);
        try (Closeable a = lean.subscribeEvents(since, viaLean::add, leanEnded::complete);
             Closeable b = dockerJava.subscribeEvents(since, viaDockerJava::add, t -> { })) {
            String id = DockerEngine.client().createContainerCmd(TestImages.busybox()).withName(EVENTS).withCmd("true").exec().getId();
            DockerEngine.client().startContainerCmd(id).exec();
            DockerEngine.client().waitContainerCmd(id).start().awaitStatusCode();
            Predicate<List<EngineEvent>> died = l -> l.stream().anyMatch(e -> e.containerId().equals(id) && "die".equals(e.action()));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(died.test(viaLean) && died.test(viaDockerJava)) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertEquals(ofContainer(viaDockerJava, id), ofContainer(viaLean, id));
            assertTrue(ofContainer(viaLean, id).stream().anyMatch(e -> "start".equals(e.action()) && EVENTS.equals(e.containerName())),
                    viaLean.toString());
            assertFalse(leanEnded.isDone(), "the stream stays open while the engine is quiet");
        }
        assertFalse(leanEnded.isDone(), "closed by its owner: no end to report");
    }

    @Test
    void aHealthcheckSendsItsHealthButNotItsExecEvents() throws Exception {
        List<EngineEvent> viaLean = new CopyOnWriteArrayList<>();
        List<EngineEvent> viaDockerJava = new CopyOnWriteArrayList<>();
        Instant since = Instant.now().minusSeconds(1);
        try (Closeable a = lean.subscribeEvents(since, viaLean::add, t -> { });
             Closeable b = dockerJava.subscribeEvents(since, viaDockerJava::add, t -> { })) {
            // Checked every 0.2 s: a dozen exec_create/exec_start/exec_die events before it turns healthy.
            String id = DockerEngine.client().createContainerCmd(TestImages.busybox()).withName(CHECKED).withCmd("sleep", "60")
                    .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "true")).withInterval(200_000_000L)
                            .withStartPeriod(2_000_000_000L).withRetries(3))
                    .exec().getId();
            DockerEngine.client().startContainerCmd(id).exec();
            Predicate<List<EngineEvent>> healthy = l -> l.stream().anyMatch(e -> e.containerId().equals(id)
                    && "health_status: healthy".equals(e.action()));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(healthy.test(viaLean) && healthy.test(viaDockerJava)) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // a few more checks
            for (List<EngineEvent> seen : List.of(viaLean, viaDockerJava)) {
                List<String> actions = ofContainer(seen, id).stream().map(EngineEvent::action).toList();
                assertTrue(actions.contains("start") && actions.contains("health_status: healthy"), actions.toString());
                assertFalse(actions.stream().anyMatch(x -> x.startsWith("exec_")), "no healthcheck execs: " + actions);
            }
        }
    }

    private static List<EngineEvent> ofContainer(List<EngineEvent> all, String id) {
        return all.stream().filter(e -> e.containerId().equals(id)).toList();
    }
}
