package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure paths that need no engine: an unreachable endpoint gives one clear line and an exit code. */
class SandboxTest {
    @TempDir
    Path tmp;

    @Test
    void unreachableEngineIsOneLineNamingTheEndpoint() {
        Sandbox sandbox = new Sandbox(new Sandbox.Options(tmp, "tcp://127.0.0.1:1", Duration.ofSeconds(2), Duration.ofSeconds(5), false));
        for (var command : List.<java.util.function.Function<java.util.function.Consumer<String>, SandboxResult>>of(
                sandbox::up, out -> sandbox.down(false, out), sandbox::status)) {
            List<String> out = new ArrayList<>();
            assertEquals(SandboxResult.FAILED, command.apply(out::add));
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0).startsWith("Docker engine not reachable at tcp://127.0.0.1:1: "), out.get(0));
            assertTrue(!out.get(0).contains("\n") && !out.get(0).contains("\tat "), out.get(0));
        }
    }

    @Test
    void oneLineUnwrapsEngineJsonErrors() {
        assertEquals("Conflict. The container name is already in use",
                Sandbox.oneLine(new RuntimeException("Status 409: {\"message\":\"Conflict. The container name is already in use\"}\n")));
    }

    @Test
    void recipeFingerprintChangesWithTheVersionAndIsStable() {
        String v10 = ImageRecipe.app("backend", "v1.0", false).fingerprint();
        assertEquals(v10, ImageRecipe.app("backend", "v1.0", false).fingerprint());
        assertTrue(!v10.equals(ImageRecipe.app("backend", "v1.1", false).fingerprint()));
        assertTrue(!v10.equals(ImageRecipe.app("frontend", "v1.0", false).fingerprint()));
    }
}
