package edm.console.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a command inside a running container (docker exec, no TTY) and streams its stdout to a writer
 * as it comes, so that output of any size passes through with bounded memory; the writer's speed
 * throttles the stream. Environment variables go in the exec's env, never on the command line.
 * <p>
 * The command runs under {@code sh -c 'echo $$ >&2; exec "$@"'} so that its pid is known: cancelling
 * both cuts the stream and sends SIGTERM to the process inside the container, which would otherwise
 * keep running after the client went away.
 * <p>
 * Stdin: docker-java's httpclient5 transport never half-closes the hijacked connection (docker-java
 * issues #1448, #1684), so the command would wait for EOF forever. The caller therefore states the byte
 * count, and the command reads through {@code head -c COUNT}, which ends its input after exactly that.
 */
final class ContainerExec {
    private static final String PID_MARK = "edm-console-exec-pid:";

    private final DockerClient streams;
    private final DockerClient requests;

    ContainerExec(DockerClient streams, DockerClient requests) {
        this.streams = streams;
        this.requests = requests;
    }

    long run(String container, List<String> argv, List<String> env, InputStream stdin, long stdinBytes, OutputStream stdout,
             OutputStream stderr, Consumer<Runnable> onCancel) {
        List<String> cmd = new ArrayList<>();
        List<String> fullEnv = new ArrayList<>(env);
        if (stdin == null) {
            cmd.addAll(List.of("sh", "-c", "echo " + PID_MARK + "$$ >&2; exec \"$@\"", "sh"));
        } else {
            cmd.addAll(List.of("sh", "-c", "echo " + PID_MARK + "$$ >&2; head -c \"$EDM_EXEC_STDIN_BYTES\" | \"$@\"", "sh"));
            fullEnv.add("EDM_EXEC_STDIN_BYTES=" + stdinBytes);
        }
        cmd.addAll(argv);
        ExecCreateCmdResponse created;
        try {
            created = requests.execCreateCmd(container).withCmd(cmd.toArray(String[]::new)).withEnv(fullEnv)
                    .withAttachStdout(true).withAttachStderr(true).withAttachStdin(stdin != null).exec();
        } catch (Exception e) {
            throw EngineException.of("exec in " + container, e);
        }
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        AtomicReference<String> pid = new AtomicReference<>();
        StringBuilder firstStderr = new StringBuilder();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame f) {
                try {
                    if (f.getStreamType() == StreamType.STDERR) {
                        stderr.write(stripPid(f.getPayload(), firstStderr, pid));
                    } else {
                        stdout.write(f.getPayload());
                    }
                } catch (IOException e) {
                    writeFailure.compareAndSet(null, e);
                    closeQuietly(this);
                }
            }
        };
        Runnable cancel = () -> {
            String p = pid.get();
            if (p != null) {
                kill(container, p);
            }
            closeQuietly(callback);
        };
        onCancel.accept(cancel);
        try {
            var start = streams.execStartCmd(created.getId()).withDetach(false).withTty(false);
            if (stdin != null) {
                start = start.withStdIn(stdin);
            }
            start.exec(callback).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.run();
            throw new EngineException("exec in " + container + ": interrupted", e);
        } catch (RuntimeException e) {
            if (writeFailure.get() == null) {
                throw EngineException.of("exec in " + container, e);
            }
        }
        if (writeFailure.get() != null) {
            // Our side failed (disk full, cancelled): stop the command rather than leave it blocked.
            cancel.run();
            throw new EngineException("exec in " + container + ": " + EngineException.reason(writeFailure.get()), writeFailure.get());
        }
        try {
            Long code = requests.inspectExecCmd(created.getId()).exec().getExitCodeLong();
            return code == null ? -1 : code;
        } catch (Exception e) {
            throw EngineException.of("exec in " + container, e);
        }
    }

    /** Removes the pid line the wrapper prints first on stderr; passes everything else through. */
    private static byte[] stripPid(byte[] payload, StringBuilder first, AtomicReference<String> pid) {
        if (pid.get() != null) {
            return payload;
        }
        first.append(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        int nl = first.indexOf("\n");
        if (nl < 0) {
            return new byte[0];
        }
        String line = first.substring(0, nl).trim();
        pid.set(line.startsWith(PID_MARK) ? line.substring(PID_MARK.length()) : "");
        return first.substring(nl + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void kill(String container, String pid) {
        if (!pid.matches("[0-9]+")) {
            return;
        }
        try {
            ExecCreateCmdResponse k = requests.execCreateCmd(container).withCmd("kill", "-TERM", pid).exec();
            requests.execStartCmd(k.getId()).withDetach(true).exec(new ResultCallback.Adapter<>()).awaitCompletion();
        } catch (Exception ignored) {
            // The process may have ended already.
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // stream already closed
        }
    }
}
