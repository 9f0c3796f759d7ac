package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import edm.console.testsupport.DockerEngine;
import edm.console.testsupport.RequiresSandbox;
import edm.console.testsupport.SandboxFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox apps stop on SIGTERM like well-behaved servers: docker stop ends them with exit 0 and their
 * shutdown line, well inside the grace, instead of waiting it out for a SIGKILL (exit 137). nginx is
 * stopped with its graceful SIGQUIT (the image's STOPSIGNAL) and logs it as nginx does.
 */
@RequiresSandbox
class SandboxStopIT {
    /** Far longer than a clean stop takes: only an ignored SIGTERM would use it up (then exit 137). */
    private static final int GRACE_SECONDS = 30;

    @BeforeAll
    static void up() {
        SandboxFixture.up();
    }

    @AfterAll
    static void back() {
        SandboxFixture.up();
    }

    @Test
    void everyAppContainerExitsCleanlyOnSigterm() throws Exception {
        DockerClient docker = DockerEngine.client();
        for (String service : List.of("backend", "frontend", "nginx")) {
            String name = SandboxSpec.require(service).containerName();
            long t0 = System.nanoTime();
            docker.stopContainerCmd(name).withTimeout(GRACE_SECONDS).exec();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("[stop] " + name + ": docker stop took " + millis + " ms");
            var state = docker.inspectContainerCmd(name).exec().getState();
            assertFalse(state.getRunning(), name);
            assertEquals(0L, state.getExitCodeLong(), name + " must exit on SIGTERM (137 = killed after the grace)");
            assertFalse(Boolean.TRUE.equals(state.getOOMKilled()), name);
            assertTrue(millis < GRACE_SECONDS * 1000L, name + " stopped in " + millis + " ms");
            String logs = logs(docker, name);
            if ("nginx".equals(service)) {
                assertTrue(logs.contains("signal 3 (SIGQUIT) received") && logs.contains("exit"), logs);
            } else {
                assertTrue(logs.contains("edm-" + service + " ") && logs.contains("received SIGTERM, shutting down"), logs);
            }
        }
    }

    private static String logs(DockerClient docker, String name) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        docker.logContainerCmd(name).withStdOut(true).withStdErr(true).withTail(20)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame f) {
                        lines.add(new String(f.getPayload(), StandardCharsets.UTF_8));
                    }
                }).awaitCompletion(10, TimeUnit.SECONDS);
        return String.join("", lines);
    }
}
