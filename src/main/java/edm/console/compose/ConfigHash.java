package edm.console.compose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The config hash compose itself computes for a service ({@code docker-compose config --hash=SERVICE}), for
 * a candidate file: re-implementing compose's config normalisation would drift with every compose release,
 * asking compose cannot. Needs the image present on the engine (the hash covers its id).
 */
final class ConfigHash {
    /** The hash, or why there is none. */
    record Result(String hash, String problem) {
        boolean known() {
            return hash != null;
        }
    }

    private ConfigHash() {
    }

    static Result compute(List<String> command, String project, Path projectDir, Path file, Path envFile, String service,
                          Map<String, String> env, Duration timeout) {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("-p", project, "--project-directory", projectDir.toString(), "-f", file.toString()));
        if (envFile != null) {
            cmd.addAll(List.of("--env-file", envFile.toString()));
        }
        cmd.addAll(List.of("config", "--hash=" + service));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(projectDir.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(null, String.join(" ", command) + ": " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> out = read(p.getInputStream());
            CompletableFuture<String> err = read(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(null, String.join(" ", command) + ": no answer in " + timeout.toSeconds() + " s");
            }
            String stdout = out.get(5, TimeUnit.SECONDS);
            if (p.exitValue() != 0) {
                return new Result(null, String.join(" ", command) + ": " + lastLine(err.get(5, TimeUnit.SECONDS)));
            }
            for (String line : stdout.split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 2 && f[0].equals(service) && f[1].matches("[0-9a-f]{64}")) {
                    return new Result(f[1], null);
                }
            }
            return new Result(null, String.join(" ", command) + ": no hash for " + service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(null, "interrupted");
        } catch (Exception e) {
            p.destroyForcibly();
            return new Result(null, String.join(" ", command) + ": " + e.getMessage());
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String l = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return l.length() > 200 ? l.substring(0, 200) : l;
    }
}
