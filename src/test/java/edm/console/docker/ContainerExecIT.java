package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresDocker;
import edm.console.testsupport.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker exec through the gateway: streamed stdout, stdin, env, exit codes, cancel kills the command. */
@RequiresDocker
class ContainerExecIT {
    private static final String NAME = "edm-it-exec-" + UUID.randomUUID().toString().substring(0, 8);
    private static ContainerGateway gateway;

    @BeforeAll
    static void start() {
        String id = DockerEngine.client().createContainerCmd(TestImages.busybox()).withName(NAME).exec().getId();
        DockerEngine.client().startContainerCmd(id).exec();
        gateway = new ContainerGateway(DockerEngine.endpoint(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void remove() {
        gateway.close();
        DockerEngine.client().removeContainerCmd(NAME).withForce(true).exec();
    }

    @Test
    void streamsStdinThroughToStdoutByteForByte() {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long code = gateway.exec(NAME, List.of("cat"), List.of(), new ByteArrayInputStream(data), data.length, out, err, r -> { });
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(data, out.toByteArray());
        assertEquals("", err.toString(StandardCharsets.UTF_8), "the pid line of the wrapper is not passed on");
    }

    @Test
    void envReachesTheCommandWithoutBeingOnItsCommandLineAndExitCodeIsReturned() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long code = gateway.exec(NAME, List.of("sh", "-c", "echo \"$PGPASSWORD\"; cat /proc/$$/cmdline; echo oops >&2; exit 3"),
                List.of("PGPASSWORD=s3cret-value"), null, 0, out, err, r -> { });
        assertEquals(3, code);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("s3cret-value\n"), text);
        assertEquals(1, text.split("s3cret-value", -1).length - 1, "the secret appears only where echoed: " + text);
        assertEquals("oops\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cancelStopsTheStreamAndKillsTheCommandInsideTheContainer() throws Exception {
        AtomicReference<Runnable> stopper = new AtomicReference<>();
        AtomicLong seen = new AtomicLong();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                seen.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (seen.addAndGet(len) > 1_000_000 && stopper.get() != null) {
                    stopper.get().run();
                }
            }
        };
        Thread t = new Thread(() -> {
            try {
                gateway.exec(NAME, List.of("sh", "-c", "exec yes edm-cancel-marker"), List.of(), null, 0, sink,
                        OutputStream.nullOutputStream(), stopper::set);
            } catch (EngineException expected) {
                // closing the stream may surface as an error; what matters is that the command is gone
            }
        });
        t.start();
        t.join(30_000);
        assertFalse(t.isAlive(), "exec returned after cancel");
        assertTrue(seen.get() > 1_000_000);
        // The yes process must be gone from the container.
        ByteArrayOutputStream ps = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) {
            ps.reset();
            gateway.exec(NAME, List.of("ps"), List.of(), null, 0, ps, OutputStream.nullOutputStream(), r -> { });
            if (!ps.toString(StandardCharsets.UTF_8).contains("edm-cancel-marker")) {
                break;
            }
            Thread.sleep(100);
        }
        assertFalse(ps.toString(StandardCharsets.UTF_8).contains("edm-cancel-marker"), ps.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingWriterStopsTheCommandAndSurfacesAsAnError() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        EngineException e = assertThrows(EngineException.class, () -> gateway.exec(NAME, List.of("yes"), List.of(), null, 0,
                full, OutputStream.nullOutputStream(), r -> { }));
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
    }
}
