package edm.console.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What only docker-java does for the console: the writes (start, stop, restart, exec, the deploy operations)
 * and, for endpoints the lean client cannot serve (TLS), the reads too. Built on the first call that needs
 * it: docker-java with httpclient5, guava and Jackson databind is some 1,500 classes a console that only
 * watches never loads. Its two clients are built on first use as well.
 */
final class DockerJavaOps implements AutoCloseable {
    private final String endpoint;
    private final Duration timeout;
    /** The engine's own TLS files; null: none, or as the environment or a context gives them. */
    private final TlsFiles tls;
    /** Guarded by this. */
    private DockerClient requestsClient;
    private DockerClient streamsClient;
    private boolean closed;

    DockerJavaOps(String endpoint, Duration timeout, TlsFiles tls) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.tls = tls;
    }

    synchronized DockerClient requests() {
        if (requestsClient == null) {
            if (closed) {
                throw new EngineException("engine connection closed", null);
            }
            requestsClient = DockerClients.requests(endpoint, timeout, tls);
        }
        return requestsClient;
    }

    synchronized DockerClient streams() {
        if (streamsClient == null) {
            if (closed) {
                throw new EngineException("engine connection closed", null);
            }
            streamsClient = DockerClients.streams(endpoint, timeout, tls);
        }
        return streamsClient;
    }

    /** The reads through docker-java, for an endpoint the lean client cannot serve. */
    EngineReads reads() {
        return new DockerJavaReads(this, timeout);
    }

    DeployOps deployOps() {
        return new DeployOps(requests(), streams());
    }

    void start(String idOrName) {
        try {
            requests().startContainerCmd(idOrName).exec();
        } catch (Exception e) {
            throw EngineException.of("start " + idOrName, e);
        }
    }

    /** Stops with the engine's grace period; the HTTP deadline is extended by it. */
    void stop(String idOrName, int graceSeconds) {
        withLongDeadline(graceSeconds, "stop " + idOrName, c -> c.stopContainerCmd(idOrName).withTimeout(graceSeconds).exec());
    }

    void restart(String idOrName, int graceSeconds) {
        withLongDeadline(graceSeconds, "restart " + idOrName,
                c -> c.restartContainerCmd(idOrName).withTimeout(graceSeconds).exec());
    }

    long exec(String container, List<String> argv, List<String> env, InputStream stdin, long stdinBytes, OutputStream stdout,
              OutputStream stderr, Consumer<Runnable> onCancel) {
        return new ContainerExec(streams(), requests()).run(container, argv, env, stdin, stdinBytes, stdout, stderr, onCancel);
    }

    private interface ClientCall {
        void run(DockerClient c) throws Exception;
    }

    private void withLongDeadline(int graceSeconds, String what, ClientCall call) {
        try (DockerClient longer = DockerClients.requests(endpoint, timeout.plusSeconds(graceSeconds + 5L), tls)) {
            call.run(longer);
        } catch (Exception e) {
            throw EngineException.of(what, e);
        }
    }

    @Override
    public void close() {
        DockerClient r;
        DockerClient st;
        synchronized (this) {
            closed = true;
            r = requestsClient;
            st = streamsClient;
        }
        try {
            if (r != null) {
                r.close();
            }
            if (st != null) {
                st.close();
            }
        } catch (IOException ignored) {
            // Closing sockets of a client we are abandoning; nothing useful to do.
        }
    }
}
