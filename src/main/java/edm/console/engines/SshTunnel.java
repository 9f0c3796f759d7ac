package edm.console.engines;

import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A remote engine's Docker socket forwarded to a private local unix socket by the system's OpenSSH client:
 * {@code ssh -nNT -o BatchMode=yes -o ExitOnForwardFailure=yes ... -L LOCAL.sock:/var/run/docker.sock user@host}.
 * The user's own keys, agent and {@code ~/.ssh/config} apply (or the engine's {@code sshConfig} file); BatchMode
 * means ssh never asks for a password or a host key on the terminal: it fails, and its own words become the
 * engine's one-line reason. The local socket lives in a directory only this user can enter (0700), so nobody
 * else on the machine reaches the remote engine through it. The ssh process ends on {@link #close()} and, by a
 * shutdown hook, when the JVM exits.
 */
public final class SshTunnel implements AutoCloseable {
    private static final long POLL_MILLIS = 50;
    /** ssh's stderr in a reason: enough for its message, not for a flood. */
    private static final int MAX_REASON = 400;

    private final Process process;
    private final Path dir;
    private final Path socket;
    private final Path errors;
    private final Thread onExit;
    private volatile boolean closed;

    private SshTunnel(Process process, Path dir, Path socket, Path errors) {
        this.process = process;
        this.dir = dir;
        this.socket = socket;
        this.errors = errors;
        this.onExit = new Thread(this::stopProcess, "edm-ssh-tunnel-exit");
    }

    /**
     * The ssh command line that forwards {@code spec}'s remote socket to {@code localSocket}. Keep-alives every
     * half timeout, two missed ones end ssh (a dropped link is noticed within about one timeout); connection
     * multiplexing off, so that the tunnel is this one process whatever ~/.ssh/config says about ControlMaster.
     */
    public static List<String> command(EngineSpec spec, Path localSocket, Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        List<String> argv = new ArrayList<>(List.of("ssh", "-nNT",
                "-o", "BatchMode=yes",
                "-o", "ExitOnForwardFailure=yes",
                "-o", "ConnectTimeout=" + seconds,
                "-o", "ServerAliveInterval=" + Math.max(1, seconds / 2),
                "-o", "ServerAliveCountMax=2",
                "-o", "StreamLocalBindUnlink=yes",
                "-o", "ControlMaster=no",
                "-o", "ControlPath=none"));
        if (spec.sshConfig() != null) {
            argv.add("-F");
            argv.add(spec.sshConfig().toString());
        }
        if (spec.sshPort() > 0) {
            argv.add("-p");
            argv.add(Integer.toString(spec.sshPort()));
        }
        argv.add("-L");
        argv.add(localSocket + ":" + spec.remoteSocket());
        argv.add("--");
        argv.add(spec.sshUser() == null ? spec.sshHost() : spec.sshUser() + "@" + spec.sshHost());
        return argv;
    }

    /**
     * Starts the tunnel and waits until the engine answers /_ping through it, all within {@code timeout}.
     *
     * @throws EngineUnavailableException when ssh fails (its stderr on one line) or the engine does not answer in time
     */
    public static SshTunnel open(EngineSpec spec, Duration timeout) {
        Path dir;
        try {
            dir = Files.createTempDirectory("edm-ssh-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new EngineUnavailableException(spec.endpoint() + ": cannot make the tunnel's socket directory: " + e.getMessage(), e);
        }
        Path socket = dir.resolve("docker.sock");
        Path errors = dir.resolve("ssh.err");
        Process process;
        try {
            process = new ProcessBuilder(command(spec, socket, timeout))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            deleteQuietly(dir, socket, errors);
            throw new EngineUnavailableException(spec.endpoint() + ": cannot run ssh (" + e.getMessage()
                    + "): install the OpenSSH client", e);
        }
        SshTunnel tunnel = new SshTunnel(process, dir, socket, errors);
        Runtime.getRuntime().addShutdownHook(tunnel.onExit);
        try {
            tunnel.awaitEngine(spec, timeout);
            return tunnel;
        } catch (RuntimeException e) {
            tunnel.close();
            throw e;
        }
    }

    private void awaitEngine(EngineSpec spec, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastFailure = null;
        while (true) {
            if (!process.isAlive()) {
                String said = stderrLine();
                throw new EngineUnavailableException("ssh " + destination(spec) + " exited (" + process.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + said));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                String said = stderrLine();
                throw new EngineUnavailableException("ssh " + destination(spec) + ": the engine did not answer through the tunnel within "
                        + timeout.toSeconds() + " s" + (!said.isEmpty() ? ": " + said : lastFailure != null ? ": " + lastFailure : ""));
            }
            if (Files.exists(socket)) {
                try (ContainerGateway probe = new ContainerGateway(endpoint(), Duration.ofNanos(left))) {
                    probe.ping();
                    return;
                } catch (EngineException e) {
                    lastFailure = e.getMessage();
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineUnavailableException("ssh " + destination(spec) + ": interrupted");
            }
        }
    }

    private static String destination(EngineSpec spec) {
        return (spec.sshUser() == null ? "" : spec.sshUser() + "@") + spec.sshHost() + (spec.sshPort() > 0 ? ":" + spec.sshPort() : "");
    }

    /** What ssh said on stderr, on one line, without its notes about hosts it has just added. */
    String stderrLine() {
        try {
            return oneLine(Files.readAllLines(errors, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    /** Lines as one: trimmed, each once (ssh repeats a failed channel's line per try), blank and "Warning: Permanently added" lines left out, terminal escapes and control characters dropped (ssh repeats what the server sent), capped. */
    static String oneLine(List<String> lines) {
        String joined = lines.stream().map(l -> l.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\\p{Cntrl}", "").strip())
                .filter(l -> !l.isEmpty() && !l.startsWith("Warning: Permanently added"))
                .distinct()
                .collect(Collectors.joining("; "));
        return joined.length() > MAX_REASON ? joined.substring(0, MAX_REASON) + "…" : joined;
    }

    /** The tunnel's local end: {@code unix://} its private socket. */
    public String endpoint() {
        return "unix://" + socket;
    }

    public Path socket() {
        return socket;
    }

    /** The ssh process's id (tests check it is gone after close). */
    public long pid() {
        return process.pid();
    }

    /** Whether ssh still runs (a dropped connection ends it, ServerAlive*). */
    public boolean alive() {
        return !closed && process.isAlive();
    }

    /** Ends ssh (SIGTERM, then SIGKILL after two seconds) and removes the socket's directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting: the hook runs (or ran) stopProcess itself.
        }
        deleteQuietly(dir, socket, errors);
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir, Path... files) {
        try {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover empty directory in /tmp is harmless; nothing else to do about it.
        }
    }
}
