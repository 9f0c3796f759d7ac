package edm.console.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A command run to its end for a test (docker-compose and the like): "EXIT:OUTPUT", or "timeout:OUTPUT" after 120 s. */
public final class ProcessRun {
    private ProcessRun() {
    }

    public static String run(Path cwd, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timeout:" + out;
        }
        return p.exitValue() + ":" + out;
    }
}
