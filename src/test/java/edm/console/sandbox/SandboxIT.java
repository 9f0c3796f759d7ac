package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import edm.console.core.ContainerStatus;
import edm.console.core.HealthStatus;
import edm.console.core.PortMapping;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.SandboxFixture;
import edm.console.testsupport.SandboxFixture.RunningSandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The sandbox against the real engine: up, what it serves, idempotent up, down that spares other containers. */
@RequiresDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RunningSandbox sandbox;

    @BeforeAll
    static void up() {
        sandbox = SandboxFixture.up();
    }

    @Test
    @Order(1)
    void allFiveContainersRunHealthyOnTheSandboxNetworkWithLoopbackPorts() {
        SandboxStatus status = SandboxFixture.sandbox().status();
        assertEquals(SandboxSpec.containerNames(), status.containers().stream().map(SandboxContainerState::name).toList());
        for (SandboxContainerState c : status.containers()) {
            assertTrue(c.exists(), c.name());
            assertEquals(ContainerStatus.RUNNING, c.status(), c.name());
            assertEquals(HealthStatus.HEALTHY, c.health(), c.name());
            SandboxService s = SandboxSpec.require(c.service());
            assertEquals(List.of(new PortMapping("127.0.0.1", s.hostPort(), s.containerPort(), "tcp")), c.ports(), c.name());
        }
        assertTrue(status.networkExists());
        assertEquals(List.of(), status.missingImages());
        var inspect = DockerEngine.client().inspectContainerCmd("edm-backend-sandbox").exec();
        assertEquals("unless-stopped", inspect.getHostConfig().getRestartPolicy().getName());
        var endpoint = inspect.getNetworkSettings().getNetworks().get(SandboxSpec.NETWORK);
        assertTrue(endpoint.getAliases().contains("backend"), "aliases " + endpoint.getAliases());
    }

    @Test
    @Order(2)
    void backendHealthAnswersWithVersionDirectlyAndThroughNginx() throws Exception {
        for (int port : List.of(SandboxSpec.BACKEND_PORT, SandboxSpec.NGINX_PORT)) {
            HttpResponse<String> r = get(sandbox.hostUrl(port, "/api/health"));
            assertEquals(200, r.statusCode(), "port " + port);
            assertTrue(r.body().contains("\"status\":\"ok\"") && r.body().contains("\"version\":\"v1.1\""), r.body());
        }
        HttpResponse<String> page = get(sandbox.hostUrl(SandboxSpec.NGINX_PORT, "/campaigns"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("EDM frontend v1.1"), page.body());
    }

    @Test
    @Order(3)
    void postgresAcceptsTheGeneratedCredentialsAndRedisAnswersPing() throws Exception {
        SandboxCredentials creds = sandbox.credentials();
        try (Connection c = DriverManager.getConnection(creds.jdbcUrl(), SandboxSpec.DB_USER, creds.dbPassword());
             ResultSet rs = c.createStatement().executeQuery("select current_database(), current_user")) {
            assertTrue(rs.next());
            assertEquals(SandboxSpec.DB_NAME, rs.getString(1));
            assertEquals(SandboxSpec.DB_USER, rs.getString(2));
        }
        try (Socket s = new Socket("127.0.0.1", SandboxSpec.REDIS_PORT)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("+PONG", new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine());
        }
    }

    @Test
    @Order(4)
    void backendReachesPostgresAndRedisByTheirAliasesInsideTheNetwork() throws Exception {
        // busybox nc has no -z: connecting with empty stdin exits 0 only when the connection was accepted.
        assertEquals(0, exec("edm-backend-sandbox", "sh", "-c", "nc -w 3 postgres 5432 </dev/null"));
        assertEquals(0, exec("edm-backend-sandbox", "sh", "-c", "printf 'PING\\r\\n' | timeout 3 nc redis 6379 | grep -q PONG"));
        assertEquals(1, exec("edm-backend-sandbox", "sh", "-c", "nc -w 3 postgres 5999 </dev/null"), "a closed port must fail");
        var env = List.of(DockerEngine.client().inspectContainerCmd("edm-backend-sandbox").exec().getConfig().getEnv());
        assertTrue(env.stream().anyMatch(e -> e.matches("DATABASE_URL=postgresql://edm:[0-9a-f]+@postgres:5432/edm_sandbox")), env.toString());
    }

    @Test
    @Order(5)
    void requestsAndChatterLandInTheMountedLogFiles() throws Exception {
        get(sandbox.hostUrl(SandboxSpec.NGINX_PORT, "/api/users?probe=sandbox-it"));
        Path access = sandbox.projectDir().resolve("logs/nginx/access.log");
        Path app = sandbox.projectDir().resolve("logs/backend/app.log");
        waitFor(() -> Files.exists(access) && Files.readString(access).contains("/api/users?probe=sandbox-it"), "access log line");
        // The newest: the project dir's logs outlive a sandbox (a kept dir holds earlier runs' lines).
        String line = Files.readAllLines(access).stream().filter(l -> l.contains("probe=sandbox-it")).reduce((a, b) -> b).orElseThrow();
        assertTrue(line.matches("\\S+ - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] \"GET /api/users\\?probe=sandbox-it HTTP/1.1\" 200 \\d+ \"-\" \"SandboxIT/1.0\" rt=\\d+\\.\\d{3}"), line);
        waitFor(() -> Files.exists(app) && Files.readString(app).lines().count() >= 2, "backend app log");
        assertTrue(Files.readString(app).lines().allMatch(l -> l.matches("\\d{4}-\\d{2}-\\d{2}T\\S+Z (INFO|WARN|ERROR) \\[\\w+] .+")),
                Files.readString(app));
    }

    @Test
    @Order(6)
    void statusTableListsEveryContainer() {
        List<String> lines = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().status(lines::add));
        for (String name : SandboxSpec.containerNames()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(name + " ") && l.contains("running") && l.contains("healthy")), String.join("\n", lines));
        }
    }

    @Test
    @Order(7)
    void upRestartsAStoppedContainerAndRecreatesARemovedOne() {
        DockerClient docker = DockerEngine.client();
        docker.stopContainerCmd("edm-frontend-sandbox").withTimeout(2).exec();
        docker.removeContainerCmd("edm-redis-sandbox").withForce(true).exec();
        List<String> out = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().up(out::add), String.join("\n", out));
        assertTrue(out.contains("Started container edm-frontend-sandbox"), String.join("\n", out));
        assertTrue(out.contains("Created container edm-redis-sandbox from edm-redis:v1.0"), String.join("\n", out));
        assertTrue(SandboxFixture.sandbox().status().allHealthy());
    }

    @Test
    @Order(8)
    void upAgainChangesNothing() {
        Map<String, String> before = idsAndStarts();
        List<String> out = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().up(out::add));
        assertTrue(out.contains("Everything was already up; nothing changed."), String.join("\n", out));
        assertFalse(out.stream().anyMatch(l -> l.startsWith("Created") || l.startsWith("Started") || l.startsWith("Building")), String.join("\n", out));
        assertEquals(before, idsAndStarts());
    }

    @Test
    @Order(8)
    void downFromAnotherSandboxDirRefusesAndRemovesNothing() throws Exception {
        Map<String, String> before = idsAndStarts();
        Path otherDir = Files.createTempDirectory("edm-sandbox-it-other");
        List<String> out = new ArrayList<>();
        SandboxResult result = new Sandbox(Sandbox.Options.defaults().withProjectDir(otherDir)).down(false, out::add);
        assertEquals(SandboxResult.FAILED, result, String.join("\n", out));
        assertEquals(1, out.size(), String.join("\n", out));
        assertTrue(out.get(0).startsWith("Nothing removed: container edm-"), out.get(0));
        assertTrue(out.get(0).contains("EDM_SANDBOX_DIR=" + sandbox.projectDir() + " edm-console sandbox down"), out.get(0));
        assertEquals(before, idsAndStarts(), "the other dir's sandbox must be untouched");
        assertTrue(SandboxFixture.sandbox().status().networkExists());
        Files.deleteIfExists(otherDir);
    }

    @Test
    @Order(9)
    void downRemovesOnlySandboxContainersAndTheBrokenImageIsUnhealthy() throws Exception {
        DockerClient docker = DockerEngine.client();
        String bystander = "edm-sandbox-it-bystander";
        try {
            docker.removeContainerCmd(bystander).withForce(true).exec();
        } catch (NotFoundException e) {
            // not left over from an earlier run
        }
        docker.createContainerCmd("edm-backend:" + SandboxSpec.BROKEN_VERSION).withName(bystander)
                .withLabels(Map.of("edm.console.test", "bystander")).exec();
        docker.startContainerCmd(bystander).exec();
        try {
            waitFor(() -> "unhealthy".equals(health(bystander)), "broken image to turn unhealthy");
            List<String> out = new ArrayList<>();
            assertEquals(SandboxResult.OK, SandboxFixture.sandbox().down(false, out::add), String.join("\n", out));
            assertTrue(SandboxFixture.sandbox().status().containers().stream().noneMatch(SandboxContainerState::exists),
                    String.join("\n", out));
            assertFalse(SandboxFixture.sandbox().status().networkExists());
            assertTrue(docker.inspectContainerCmd(bystander).exec().getState().getRunning(), "bystander must survive down");
            assertTrue(SandboxFixture.sandbox().status().missingImages().isEmpty(), "images are kept");
            assertTrue(Files.exists(sandbox.projectDir().resolve("data/postgres/PG_VERSION")), "data survives down");
        } finally {
            docker.removeContainerCmd(bystander).withForce(true).exec();
        }
    }

    private static String health(String container) {
        var h = DockerEngine.client().inspectContainerCmd(container).exec().getState().getHealth();
        return h == null ? "" : h.getStatus();
    }

    private static Map<String, String> idsAndStarts() {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String name : SandboxSpec.containerNames()) {
            var c = DockerEngine.client().inspectContainerCmd(name).exec();
            m.put(name, c.getId() + "@" + c.getState().getStartedAt());
        }
        return m;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("User-Agent", "SandboxIT/1.0").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long exec(String container, String... cmd) throws InterruptedException {
        DockerClient docker = DockerEngine.client();
        String id = docker.execCreateCmd(container).withCmd(cmd).withAttachStdout(true).withAttachStderr(true).exec().getId();
        docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(15, TimeUnit.SECONDS);
        return docker.inspectExecCmd(id).exec().getExitCodeLong();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls for an eventual state (log lines are written asynchronously); fails with what it waited for. */
    private static void waitFor(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
