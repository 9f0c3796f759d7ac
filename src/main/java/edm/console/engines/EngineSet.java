package edm.console.engines;

import edm.console.config.ConsoleConfig;
import edm.console.config.ConsoleConfig.EngineSettings;
import edm.console.config.ConsoleConfig.TlsSettings;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineEndpoint;
import edm.console.docker.TlsFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every engine the config names (issue 17): the main one first ({@code docker.*}, found as today: docker.endpoint,
 * DOCKER_HOST, the docker context), named {@code local} unless {@code docker.name} says otherwise, then the
 * {@code engines:} entries in file order. All share the main config's {@code docker.timeoutSeconds}, so that
 * going over every engine takes as long as the slowest one's timeout, not the sum.
 */
public final class EngineSet {
    private final ConsoleConfig config;
    private final List<EngineSpec> specs;

    private EngineSet(ConsoleConfig config, List<EngineSpec> specs) {
        this.config = config;
        this.specs = List.copyOf(specs);
    }

    /** The engines of a loaded (valid) config. */
    public static EngineSet of(ConsoleConfig config) {
        List<EngineSpec> specs = new ArrayList<>();
        specs.add(mainSpec(config));
        for (int i = 0; i < config.engines.size(); i++) {
            EngineSettings e = config.engines.get(i);
            specs.add(new EngineSpec(e.name, e.endpoint.trim(), tlsFiles(e.tls), path(e.config),
                    e.socket == null || e.socket.isBlank() ? EngineSpec.DEFAULT_REMOTE_SOCKET : e.socket, path(e.sshConfig),
                    "engines[" + i + "]", ""));
        }
        return new EngineSet(config, specs);
    }

    private static EngineSpec mainSpec(ConsoleConfig config) {
        TlsFiles tls = tlsFiles(config.docker.tls);
        try {
            EngineEndpoint.Target t = EngineEndpoint.target(config.docker.endpoint);
            return new EngineSpec(config.docker.name, t.endpoint(), tls, null, EngineSpec.DEFAULT_REMOTE_SOCKET, null, "docker", "");
        } catch (EngineEndpoint.ContextException e) {
            return new EngineSpec(config.docker.name, "docker context", tls, null, EngineSpec.DEFAULT_REMOTE_SOCKET, null, "docker",
                    e.getMessage());
        }
    }

    /** The files of a tls section; null when it names none. */
    public static TlsFiles tlsFiles(TlsSettings tls) {
        return tls == null || !tls.given() ? null : new TlsFiles(Path.of(tls.ca), Path.of(tls.cert), Path.of(tls.key));
    }

    /**
     * The gateway to the engine a config's {@code docker} section names, with its TLS files: for commands that
     * work on one engine (that config's).
     */
    public static ContainerGateway gateway(ConsoleConfig config) {
        return new ContainerGateway(EngineEndpoint.resolve(config.docker.endpoint), timeout(config), tlsFiles(config.docker.tls));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static Duration timeout(ConsoleConfig config) {
        return Duration.ofSeconds(config.docker.timeoutSeconds);
    }

    /** Every engine, the main one first. */
    public List<EngineSpec> specs() {
        return specs;
    }

    public EngineSpec main() {
        return specs.get(0);
    }

    public Optional<EngineSpec> named(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public int size() {
        return specs.size();
    }

    /** The main config (the one the set came from). */
    public ConsoleConfig config() {
        return config;
    }

    /** What every engine's requests, tunnel start and ping wait at most: the main config's docker.timeoutSeconds. */
    public Duration timeout() {
        return timeout(config);
    }

    /**
     * Opens one engine of this set: its tunnel when it is ssh://, its config, its gateway; the engine answered
     * /_ping within {@link #timeout()}.
     *
     * @throws EngineUnavailableException when it cannot be opened (the message is one line saying why)
     */
    public EngineConnection open(EngineSpec spec) {
        return EngineConnection.open(spec, config, timeout());
    }
}
