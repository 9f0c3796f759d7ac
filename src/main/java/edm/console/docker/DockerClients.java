package edm.console.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/**
 * Builds docker-java clients for one engine endpoint. Two kinds, because the transport's response
 * timeout applies to every read: {@link #requests} fails any call that hangs longer than the timeout;
 * {@link #streams} has no response timeout, for event and log streams that are legitimately silent for long,
 * but its requests still must be answered (headers) within the connect timeout. Both hold their
 * deadlines on unix sockets too, where the socket itself ignores them ({@link DeadlineHttpClient}).
 */
public final class DockerClients {
    public static final String DEFAULT_ENDPOINT = "unix:///var/run/docker.sock";

    private DockerClients() {
    }

    /** The endpoint in force: the given one, else $DOCKER_HOST, else the local unix socket. */
    public static String resolveEndpoint(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? DEFAULT_ENDPOINT : env.trim();
    }

    public static DockerClient requests(String endpoint, Duration timeout) {
        return build(endpoint, timeout, timeout);
    }

    public static DockerClient streams(String endpoint, Duration connectTimeout) {
        return build(endpoint, connectTimeout, null);
    }

    private static DockerClient build(String endpoint, Duration connectTimeout, Duration responseTimeout) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint)
                .build();
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(16)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        Duration answer = responseTimeout != null ? responseTimeout : connectTimeout;
        return DockerClientImpl.getInstance(config, new DeadlineHttpClient(http.build(), answer, responseTimeout));
    }
}
