package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import edm.console.logs.AccessEntry;
import edm.console.logs.AccessLogParser;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.SandboxFixture;
import edm.console.testsupport.SandboxFixture.RunningSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's real nginx as a deploy and the console use it: configured from the project dir's nginx/,
 * {@code nginx -t} and {@code nginx -s reload} through docker exec, an upstream switched by replacing its
 * include file, names that do not resolve, its HTTP client reaching containers through the network, and
 * the access log its traffic generator fills with real requests.
 */
@RequiresDocker
class SandboxNginxIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String NGINX = "edm-nginx-sandbox";
    private static RunningSandbox sandbox;

    @BeforeAll
    static void up() {
        sandbox = SandboxFixture.up();
    }

    @AfterEach
    void restoreTheDefaultUpstreams() throws Exception {
        boolean changed = false;
        for (String service : SandboxNginx.PROXIED) {
            Path file = upstream(service);
            if (!Files.readString(file).equals(SandboxNginx.defaultUpstream(service))) {
                replaceByRename(file, SandboxNginx.defaultUpstream(service));
                changed = true;
            }
        }
        if (changed) {
            exec(NGINX, "nginx", "-s", "reload");
        }
    }

    @Test
    void nginxTestAndReloadRunThroughDockerExecAndItsCurlReachesContainersByName() throws Exception {
        Exec test = exec(NGINX, "nginx", "-t");
        assertEquals(0, test.code(), test.output());
        assertTrue(test.output().contains("/etc/nginx/nginx.conf test is successful"), test.output());
        Exec reload = exec(NGINX, "nginx", "-s", "reload");
        assertEquals(0, reload.code(), reload.output());
        // The blue-green health gate reaches a container this way: no host port needed.
        Exec health = exec(NGINX, "curl", "-fsS", "--max-time", "5", "http://edm-backend-sandbox:8002/api/health");
        assertEquals(0, health.code(), health.output());
        assertTrue(health.output().contains("\"status\":\"ok\""), health.output());
        var mounts = DockerEngine.client().inspectContainerCmd(NGINX).exec().getMounts();
        assertTrue(mounts.stream().anyMatch(m -> m.getDestination().getPath().equals("/etc/nginx/edm")
                && m.getSource().equals(sandbox.projectDir().resolve("nginx").toString()) && !m.getRW()), mounts.toString());
    }

    @Test
    void anUpstreamFileReplacedByRenameIsWhatTheNextReloadSends() throws Exception {
        replaceByRename(upstream("backend"), SandboxNginx.upstreamText("backend", "edm-frontend-sandbox", 8001));
        Exec test = exec(NGINX, "nginx", "-t");
        assertEquals(0, test.code(), test.output());
        assertEquals(0, exec(NGINX, "nginx", "-s", "reload").code());
        waitFor(() -> get("/api/health").body().contains("EDM frontend v1.1"), "/api to follow the switched upstream");

        replaceByRename(upstream("backend"), SandboxNginx.defaultUpstream("backend"));
        assertEquals(0, exec(NGINX, "nginx", "-s", "reload").code());
        waitFor(() -> get("/api/health").body().contains("\"version\":\"v1.1\""), "/api back on the backend");
    }

    @Test
    void anUpstreamNamingNoContainerFailsTheTestAndAReloadKeepsTheRunningConfiguration() throws Exception {
        replaceByRename(upstream("backend"), SandboxNginx.upstreamText("backend", "edm-backend-sandbox-nope", 8002));
        Exec test = exec(NGINX, "nginx", "-t");
        assertEquals(1, test.code(), test.output());
        assertTrue(test.output().contains("host not found in upstream \"edm-backend-sandbox-nope:8002\""), test.output());
        assertNotEquals(0, exec(NGINX, "nginx", "-s", "reload").code());
        Thread.sleep(1000);
        HttpResponse<String> r = get("/api/health");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"version\":\"v1.1\""), r.body());
    }

    @Test
    void upPointsAnUpstreamAtAContainerThatDoesNotRunBackAtTheServiceAndReloads() throws Exception {
        replaceByRename(upstream("backend"), SandboxNginx.upstreamText("backend", "edm-backend-sandbox-gone", 8002));
        List<String> out = new ArrayList<>();
        assertEquals(SandboxResult.OK, SandboxFixture.sandbox().up(out::add), String.join("\n", out));
        assertTrue(out.contains("nginx upstream nginx/upstreams/backend.conf named edm-backend-sandbox-gone, which does not run: "
                + "pointed it back at edm-backend-sandbox"), String.join("\n", out));
        assertTrue(out.contains("Reloaded nginx in edm-nginx-sandbox (nginx -t passed): it reads the changed nginx/ files now"),
                String.join("\n", out));
        assertEquals(SandboxNginx.defaultUpstream("backend"), Files.readString(upstream("backend")));
        assertEquals(200, get("/api/health").statusCode());
    }

    @Test
    void theTrafficGeneratorsRequestsAreRealLinesInTheAccessLogAndOnStdout() throws Exception {
        Path access = sandbox.projectDir().resolve("logs/nginx/access.log");
        // Its simulated clients come from documentation address ranges, through X-Forwarded-For.
        waitFor(() -> Files.exists(access) && Files.readAllLines(access).stream().anyMatch(SandboxNginxIT::simulated),
                "a request of the traffic generator in logs/nginx/access.log");
        String line = Files.readAllLines(access).stream().filter(SandboxNginxIT::simulated).findFirst().orElseThrow();
        AccessEntry e = AccessLogParser.parse(line);
        assertTrue(e != null && e.status() >= 200 && !Double.isNaN(e.requestTimeSeconds()), line);
        String stdout = logs(NGINX);
        assertTrue(stdout.lines().anyMatch(SandboxNginxIT::simulated), "access lines on stdout too:\n" + stdout);
        String errors = Files.readString(sandbox.projectDir().resolve("logs/nginx/error.log"));
        assertTrue(errors.contains("[notice]") && errors.contains("start worker process"), errors);
    }

    @Test
    void aStoppedBackendIsA5xxFromNginxWithItsErrorLogLine() throws Exception {
        DockerClient docker = DockerEngine.client();
        Path errors = sandbox.projectDir().resolve("logs/nginx/error.log");
        try {
            docker.stopContainerCmd("edm-backend-sandbox").withTimeout(2).exec();
            HttpResponse<String> r = get("/api/health?probe=stopped-backend");
            assertTrue(r.statusCode() == 502 || r.statusCode() == 504, r.statusCode() + " " + r.body());
            waitFor(() -> Files.readString(errors).lines().anyMatch(l -> l.contains("[error]") && l.contains("upstream")
                    && l.contains("/api/health?probe=stopped-backend")), "the upstream failure in logs/nginx/error.log");
        } finally {
            SandboxFixture.up();
        }
    }

    private static boolean simulated(String line) {
        return line.matches("(203\\.0\\.113|198\\.51\\.100|192\\.0\\.2)\\.\\d+ - - \\[.*\\] \"(GET|POST) /\\S* HTTP/1\\.1\" \\d{3} .* rt=\\d+\\.\\d+");
    }

    private static Path upstream(String service) {
        return sandbox.projectDir().resolve(SandboxNginx.upstreamFile(service));
    }

    /** As the console switches an upstream: a temp file in the same dir, renamed over the include. */
    private static void replaceByRename(Path file, String text) throws Exception {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.hostUrl(SandboxSpec.NGINX_PORT, path)))
                .timeout(Duration.ofSeconds(10)).header("User-Agent", "SandboxNginxIT/1.0").build(), HttpResponse.BodyHandlers.ofString());
    }

    record Exec(long code, String output) {
    }

    private static Exec exec(String container, String... cmd) throws InterruptedException {
        DockerClient docker = DockerEngine.client();
        String id = docker.execCreateCmd(container).withCmd(cmd).withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame f) {
                synchronized (out) {
                    out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                }
            }
        }).awaitCompletion(15, TimeUnit.SECONDS);
        synchronized (out) {
            return new Exec(docker.inspectExecCmd(id).exec().getExitCodeLong(), out.toString());
        }
    }

    private static String logs(String container) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        DockerEngine.client().logContainerCmd(container).withStdOut(true).withStdErr(false).withTail(200)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame f) {
                        synchronized (out) {
                            out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                }).awaitCompletion(10, TimeUnit.SECONDS);
        synchronized (out) {
            return out.toString();
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

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
