package edm.console.engines;

import edm.console.config.ConfigLoader;
import edm.console.config.ConfigProblem;
import edm.console.config.ConsoleConfig;
import edm.console.config.ConsoleConfig.TlsSettings;
import edm.console.config.LoadedConfig;
import edm.console.docker.ContainerGateway;
import edm.console.docker.TlsFiles;
import java.time.Duration;

/**
 * One engine of an {@link EngineSet}, opened: for ssh:// the {@link SshTunnel} (its private socket is then the
 * local endpoint), for unix:// and tcp:// the address itself (with the TLS files for tcp://); that engine's config
 * (its own file, else the main one) with {@code docker.endpoint} set to the local endpoint, so that everything
 * that works from a config (probes, the snapshot of check and status) works on this engine unchanged; and a
 * gateway, opened on first use. {@link #close()} closes the gateway and the tunnel (its ssh process ends).
 */
public final class EngineConnection implements AutoCloseable {
    private final EngineSpec spec;
    private final String endpoint;
    private final TlsFiles tls;
    private final ConsoleConfig config;
    private final Duration timeout;
    private final SshTunnel tunnel;
    /** Guarded by this. */
    private ContainerGateway gateway;
    private boolean closed;

    private EngineConnection(EngineSpec spec, String endpoint, ConsoleConfig config, Duration timeout, SshTunnel tunnel) {
        this.spec = spec;
        this.endpoint = endpoint;
        this.tls = spec.tls();
        this.config = config;
        this.timeout = timeout;
        this.tunnel = tunnel;
    }

    /**
     * Opens {@code spec}: reads its config file (when it names one), and for ssh:// starts the tunnel and waits
     * until the engine answers /_ping through it, within {@code timeout}. A unix:// or tcp:// engine is not
     * asked anything yet: whether it answers is for the first request to say (the engine may also come and go).
     *
     * @param mainConfig the config the set came from: the engine's config when it names none of its own
     * @throws EngineUnavailableException with one line saying why it cannot be opened
     */
    public static EngineConnection open(EngineSpec spec, ConsoleConfig mainConfig, Duration timeout) {
        if (!spec.unusable().isEmpty()) {
            throw new EngineUnavailableException(spec.unusable());
        }
        ConsoleConfig base = spec.configFile() == null ? mainConfig : engineConfig(spec);
        SshTunnel tunnel = null;
        String local = spec.endpoint();
        if (spec.transport() == EngineSpec.Transport.SSH) {
            tunnel = SshTunnel.open(spec, timeout);
            local = tunnel.endpoint();
        }
        TlsSettings tls = spec.tls() == null ? new TlsSettings()
                : new TlsSettings(spec.tls().ca().toString(), spec.tls().cert().toString(), spec.tls().key().toString());
        ConsoleConfig config = base.forEngine(spec.name(), local, tls);
        config.docker.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        return new EngineConnection(spec, local, config, timeout, tunnel);
    }

    /** The engine's own config file, which must load without problems. */
    private static ConsoleConfig engineConfig(EngineSpec spec) {
        LoadedConfig loaded = ConfigLoader.loadFile(spec.configFile());
        if (!loaded.valid()) {
            ConfigProblem first = loaded.problems().get(0);
            int more = loaded.problems().size() - 1;
            throw new EngineUnavailableException(first + (more > 0 ? " (+" + more + ")" : ""));
        }
        return loaded.config();
    }

    public EngineSpec spec() {
        return spec;
    }

    /** Where the console talks to the engine: the tunnel's unix socket for ssh://, else the engine's own address. */
    public String endpoint() {
        return endpoint;
    }

    /** The tcp:// engine's TLS files; null for none. */
    public TlsFiles tls() {
        return tls;
    }

    /** That engine's config: its own file (else the main config) with docker.endpoint = {@link #endpoint()}. */
    public ConsoleConfig config() {
        return config;
    }

    /** How long one request may wait (the set's shared timeout). */
    public Duration timeout() {
        return timeout;
    }

    /** The engine's gateway, opened on first use, closed with this connection. */
    public synchronized ContainerGateway gateway() {
        if (gateway == null) {
            if (closed) {
                throw new EngineUnavailableException(spec.name() + ": connection closed");
            }
            gateway = new ContainerGateway(endpoint, timeout, tls);
        }
        return gateway;
    }

    /** False once the ssh tunnel's process has ended (the connection then needs opening again); true otherwise. */
    public boolean alive() {
        return tunnel == null || tunnel.alive();
    }

    @Override
    public void close() {
        ContainerGateway g;
        synchronized (this) {
            closed = true;
            g = gateway;
        }
        if (g != null) {
            g.close();
        }
        if (tunnel != null) {
            tunnel.close();
        }
    }
}
