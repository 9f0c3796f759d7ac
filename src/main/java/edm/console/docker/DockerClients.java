package edm.console.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import edm.console.core.OnDemandTrust;
import java.time.Duration;

/**
 * Builds docker-java clients for one engine endpoint. Two kinds, because the transport's response
 * timeout applies to every read: {@link #requests} fails any call that hangs longer than the timeout;
 * {@link #streams} has no response timeout, for event and log streams that are legitimately silent for long,
 * but its requests still must be answered (headers) within the connect timeout. Both hold their
 * deadlines on unix sockets too, where the socket itself ignores them ({@link DeadlineHttpClient}).
 */
public final class DockerClients {
    public static final String DEFAULT_ENDPOINT = EngineEndpoint.DEFAULT;

    private DockerClients() {
    }

    /** The endpoint in force: the given one, else the environment's (see {@link EngineEndpoint}). */
    public static String resolveEndpoint(String configured) {
        return EngineEndpoint.resolve(configured);
    }

    public static DockerClient requests(String endpoint, Duration timeout) {
        return build(endpoint, timeout, timeout, null);
    }

    public static DockerClient streams(String endpoint, Duration connectTimeout) {
        return build(endpoint, connectTimeout, null, null);
    }

    /** {@link #requests(String, Duration)} for a tcp:// engine with its own TLS files (null: as without). */
    public static DockerClient requests(String endpoint, Duration timeout, TlsFiles tls) {
        return build(endpoint, timeout, timeout, tls);
    }

    /** {@link #streams(String, Duration)} for a tcp:// engine with its own TLS files (null: as without). */
    public static DockerClient streams(String endpoint, Duration connectTimeout, TlsFiles tls) {
        return build(endpoint, connectTimeout, null, tls);
    }

    private static DockerClient build(String endpoint, Duration connectTimeout, Duration responseTimeout, TlsFiles tls) {
        // The context is resolved here (EngineEndpoint), not by docker-java: told "default", it adds no
        // context's TLS files to an endpoint that came from elsewhere (the config, DOCKER_HOST).
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint)
                .withDockerContext(EngineEndpoint.DEFAULT_CONTEXT);
        EngineEndpoint.Target context = tls != null ? null : EngineEndpoint.contextOf(endpoint);
        if (context != null && context.tlsDir() != null) {
            // Always verified: docker-java has no "TLS without checking the certificate" (a context's
            // SkipTLSVerify); a certificate that does not check out is an error the status bar shows.
            builder.withDockerTlsVerify(true).withDockerCertPath(context.tlsDir().toString());
        }
        DefaultDockerClientConfig config = builder.build();
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(tls != null ? new PemFilesSslConfig(tls) : sslConfig(config))
                .maxConnections(16)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        Duration answer = responseTimeout != null ? responseTimeout : connectTimeout;
        return DockerClientImpl.getInstance(config, new DeadlineHttpClient(http.build(), answer, responseTimeout));
    }

    /**
     * The TLS settings the environment gives (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH). Without them, on a local
     * socket, a TLS context that reads the trust store only at a handshake (which never comes there): with
     * none the transport builds the JDK's default context, reading the whole trust store on every start.
     * Not for tcp:// endpoints, where an SSL context means https.
     */
    private static SSLConfig sslConfig(DefaultDockerClientConfig config) {
        SSLConfig given = config.getSSLConfig();
        String scheme = config.getDockerHost().getScheme();
        boolean local = "unix".equals(scheme) || "npipe".equals(scheme);
        return given == null && local ? OnDemandTrust::context : given;
    }
}
