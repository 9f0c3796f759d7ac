package edm.console.engines;

import edm.console.docker.TlsFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One engine of the set: how the console names it and how it reaches it.
 *
 * @param name         how reports and the hosts view name it ({@code local} for the main engine unless {@code docker.name} says)
 * @param endpoint     {@code unix://PATH}, {@code tcp://HOST:PORT} or {@code ssh://[USER@]HOST[:PORT]}
 * @param tls          a tcp:// engine's TLS files; null for none (or, for the main engine, as a docker context gives them)
 * @param configFile   that engine's own config file; null: the main config
 * @param remoteSocket for ssh://: the Docker socket on that host the tunnel forwards to
 * @param sshConfig    for ssh://: the ssh_config file for the tunnel ({@code ssh -F}); null: the user's own
 * @param key          where it is configured, for messages: {@code docker} or {@code engines[N]}
 * @param unusable     why the console cannot use it at all (a docker context that does not exist); "" when it can try
 */
public record EngineSpec(String name, String endpoint, TlsFiles tls, Path configFile, String remoteSocket, Path sshConfig,
                         String key, String unusable) {
    public static final String DEFAULT_REMOTE_SOCKET = "/var/run/docker.sock";

    /** How the console reaches an engine. */
    public enum Transport { UNIX, TCP, SSH }

    /** A plain engine (unix:// or tcp://, no TLS, the main config), for tests and simple callers. */
    public EngineSpec(String name, String endpoint) {
        this(name, endpoint, null, null, DEFAULT_REMOTE_SOCKET, null, "", "");
    }

    public Transport transport() {
        String e = endpoint.toLowerCase(Locale.ROOT);
        if (e.startsWith("ssh://")) {
            return Transport.SSH;
        }
        return e.startsWith("tcp://") ? Transport.TCP : Transport.UNIX;
    }

    /** The main engine (docker.*), the first of every set. */
    public boolean main() {
        return "docker".equals(key);
    }

    /** Name and address, as a report's section heading: {@code app2 ssh://ubuntu@10.0.0.6}. */
    public String label() {
        return name + " " + endpoint;
    }

    /** For ssh://: the user, or null when the endpoint names none (ssh_config's User, else the login name). */
    public String sshUser() {
        String info = URI.create(endpoint).getRawUserInfo();
        return info == null || info.isEmpty() ? null : info;
    }

    /** For ssh://: the host (without brackets for IPv6). */
    public String sshHost() {
        String host = URI.create(endpoint).getHost();
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** For ssh://: the port, or -1 when the endpoint names none (ssh_config's Port, else 22). */
    public int sshPort() {
        return URI.create(endpoint).getPort();
    }
}
