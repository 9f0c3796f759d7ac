package edm.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.core.Clock;
import edm.console.core.ProbeResult;
import edm.console.core.ProbeStatus;
import edm.console.sandbox.SandboxSpec;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The probes against real servers: the sandbox's PostgreSQL, Redis and HTTP services, and failures. */
@RequiresSandbox
class ProbesIT {
    private final Duration timeout = Duration.ofSeconds(5);

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void postgresUpWithConnectionsAndSize() {
        var sb = SandboxFixture.up();
        ProbeResult r = new PostgresProbe(timeout, Clock.SYSTEM).check("postgres", DatabaseUrl.parse(sb.credentials().hostDatabaseUrl()));
        assertEquals(ProbeStatus.OK, r.status(), r.toString());
        assertTrue(r.metric("maxConnections", 0) >= 10, r.toString());
        assertTrue(r.metric("connections", 0) >= 1);
        assertTrue(r.metric("sizeBytes", 0) > 1_000_000, "a real database has a size: " + r);
        assertFalse(r.toString().contains(sb.credentials().dbPassword()), "no password in the result");
    }

    @Test
    void postgresWrongPasswordIsAClearErrorWithoutTheSecret() {
        var sb = SandboxFixture.up();
        DatabaseUrl good = DatabaseUrl.parse(sb.credentials().hostDatabaseUrl());
        String wrongPassword = "wrong-" + sb.credentials().dbPassword();
        DatabaseUrl bad = new DatabaseUrl(good.host(), good.port(), good.database(), good.user(), wrongPassword);
        ProbeResult r = new PostgresProbe(timeout, Clock.SYSTEM).check("postgres", bad);
        assertEquals(ProbeStatus.CRITICAL, r.status());
        assertTrue(r.error().contains("login as 'edm' refused") && r.error().contains("DATABASE_URL"), r.error());
        assertFalse(r.toString().contains(wrongPassword) || r.toString().contains(sb.credentials().dbPassword()), r.toString());
    }

    @Test
    void postgresDownIsCritical() throws IOException {
        DatabaseUrl nowhere = new DatabaseUrl("127.0.0.1", closedPort(), "edm", "edm", "secret-pw");
        ProbeResult r = new PostgresProbe(timeout, Clock.SYSTEM).check("postgres", nowhere);
        assertEquals(ProbeStatus.CRITICAL, r.status());
        assertTrue(r.error().startsWith("cannot connect to postgresql://edm@127.0.0.1:"), r.error());
        assertFalse(r.toString().contains("secret-pw"));
    }

    @Test
    void redisUpAndDown() throws IOException {
        SandboxFixture.up();
        ProbeResult up = new RedisProbe(timeout, Clock.SYSTEM).check("redis", "redis://127.0.0.1:" + SandboxSpec.REDIS_PORT);
        assertEquals(ProbeStatus.OK, up.status(), up.toString());
        assertTrue(up.metric("memoryUsedBytes", 0) > 0 && up.metric("connectedClients", 0) >= 1, up.toString());
        ProbeResult down = new RedisProbe(timeout, Clock.SYSTEM).check("redis", "redis://:pw@127.0.0.1:" + closedPort());
        assertEquals(ProbeStatus.CRITICAL, down.status());
        assertTrue(down.error().contains("connection refused"), down.error());
        assertFalse(down.toString().contains(":pw@"));
    }

    /** A real redis-server with a password, started for this test on a free loopback port. */
    @Test
    void redisWrongPasswordIsAClearErrorWithoutTheSecret() throws Exception {
        Path server = Path.of("/usr/bin/redis-server");
        Assumptions.assumeTrue(Files.isExecutable(server) || "1".equals(System.getenv("EDM_REQUIRE_DOCKER")),
                "redis-server not installed");
        int port = closedPort();
        Process p = new ProcessBuilder(server.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--requirepass", "right-pass", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            RedisProbe probe = new RedisProbe(timeout, Clock.SYSTEM);
            ProbeResult r = null;
            for (int i = 0; i < 100; i++) {
                r = probe.check("redis", "redis://:right-pass@127.0.0.1:" + port);
                if (r.ok()) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals(ProbeStatus.OK, r.status(), "with the right password: " + r);
            ProbeResult wrong = probe.check("redis", "redis://:wrong-pass@127.0.0.1:" + port);
            assertEquals(ProbeStatus.CRITICAL, wrong.status());
            assertTrue(wrong.error().contains("AUTH refused") && wrong.error().contains("REDIS_URL"), wrong.error());
            assertFalse(wrong.toString().contains("wrong-pass") || wrong.toString().contains("right-pass"), wrong.toString());
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void httpUpThroughTheProxyAndDownOnAClosedPort() throws IOException {
        SandboxFixture.up();
        HttpProbe http = new HttpProbe(timeout, 5, Clock.SYSTEM);
        ProbeResult up = http.check("api", "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/api/health");
        assertEquals(ProbeStatus.OK, up.status(), up.toString());
        assertEquals(200, (int) up.metric("statusCode", 0));
        ProbeResult down = http.check("api", "http://127.0.0.1:" + closedPort() + "/api/health");
        assertEquals(ProbeStatus.CRITICAL, down.status());
        assertTrue(down.error().contains("connection refused"), down.error());
        ProbeResult slow = new HttpProbe(timeout, 0.000_001, Clock.SYSTEM)
                .check("api", "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/api/health");
        assertEquals(ProbeStatus.WARNING, slow.status(), "past the response-time threshold: " + slow);
    }
}
