package edm.console.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion and keeps its combined output (test helper). */
public record Command(int exitCode, String output) {

    public static Command run(Path dir, Map<String, String> env, long timeoutSeconds, String... argv) {
        ProcessBuilder pb = new ProcessBuilder(List.of(argv)).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            // Output is read on another thread so a chatty command cannot block on a full pipe.
            var out = new java.io.ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    p.getInputStream().transferTo(out);
                } catch (IOException ignored) {
                    // The process went away; what was read is kept.
                }
            });
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                reader.join(2000);
                return new Command(-1, out.toString(StandardCharsets.UTF_8) + "\n[timed out after " + timeoutSeconds + " s]");
            }
            reader.join(5000);
            return new Command(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Command(-1, "cannot run " + argv[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", argv), e);
        }
    }

    public static Command run(String... argv) {
        return run(null, Map.of(), 120, argv);
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** Throws with the command's output when it failed: for set-up steps that must work. */
    public Command orThrow(String what) {
        if (!ok()) {
            throw new UncheckedIOException(new IOException(what + " failed (exit " + exitCode + "):\n" + output));
        }
        return this;
    }
}
