package edm.console.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which engine the console talks to, found the way the docker CLI finds it: the config's
 * {@code docker.endpoint} first (like {@code docker -H}), then {@code DOCKER_HOST}, then the context
 * {@code DOCKER_CONTEXT} names, then the one {@code docker context use} chose ({@code currentContext} in
 * {@code $DOCKER_CONFIG/config.json}, default {@code ~/.docker}), else the local unix socket. A context's
 * endpoint and TLS files are read from the CLI's context store ({@code contexts/meta/<sha256 of the
 * name>/meta.json}, {@code contexts/tls/<sha256>/docker/}).
 *
 * <p>Apart from {@link DockerClients} so that finding the endpoint loads no docker-java class (the JVM's
 * verifier loads the docker-java types a class's methods hand around): it runs before the first frame.
 */
public final class EngineEndpoint {
    public static final String DEFAULT = "unix:///var/run/docker.sock";
    /** The docker CLI's name for "no context": DOCKER_HOST or the local socket. */
    static final String DEFAULT_CONTEXT = "default";

    /**
     * The engine in force and where it came from.
     *
     * @param endpoint the engine's address (unix:// or tcp://)
     * @param context  the docker context it came from, or "" when none (config, DOCKER_HOST, the default)
     * @param tlsDir   the context's TLS files (ca.pem, cert.pem, key.pem), or null
     */
    public record Target(String endpoint, String context, Path tlsDir) {
        /** How the status bar names it: the context and its address, or the address alone. */
        public String label() {
            return context.isEmpty() ? endpoint : context + " " + endpoint;
        }
    }

    /** A context that cannot be used: named but missing, unreadable, or on a transport the console does not speak. */
    public static final class ContextException extends IllegalArgumentException {
        ContextException(String message) {
            super(message);
        }
    }

    private EngineEndpoint() {
    }

    /** The endpoint in force for this process's environment (see the class comment). */
    public static String resolve(String configured) {
        return target(configured).endpoint();
    }

    /** The engine in force for this process's environment. */
    public static Target target(String configured) {
        return target(configured, System.getenv(), Path.of(home(System.getenv())));
    }

    /**
     * The engine in force for {@code env}, the docker config directory under {@code home} unless
     * {@code DOCKER_CONFIG} names one.
     *
     * @throws ContextException when the context named cannot be used (the message says which and what to do)
     */
    static Target target(String configured, Map<String, String> env, Path home) {
        if (configured != null && !configured.isBlank()) {
            return new Target(configured.trim(), "", null);
        }
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return new Target(host.trim(), "", null);
        }
        Path dockerConfig = dockerConfigDir(env, home);
        String envContext = env.get("DOCKER_CONTEXT");
        String name = envContext != null && !envContext.isBlank() ? envContext.trim() : currentContext(dockerConfig);
        if (name == null || name.isEmpty() || name.equals(DEFAULT_CONTEXT)) {
            return new Target(DEFAULT, "", null);
        }
        String from = envContext != null && !envContext.isBlank() ? "DOCKER_CONTEXT" : dockerConfig.resolve("config.json").toString();
        return context(dockerConfig, name, from);
    }

    /** The TLS files and verification of the context this endpoint came from; null when it came from none. */
    static Target contextOf(String endpoint) {
        try {
            Target t = target(null);
            return !t.context().isEmpty() && t.endpoint().equals(endpoint) ? t : null;
        } catch (ContextException e) {
            return null;
        }
    }

    private static Target context(Path dockerConfig, String name, String from) {
        String id = sha256(name);
        Path meta = dockerConfig.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        Map<?, ?> json;
        try {
            json = EngineJson.object(EngineJson.parse(Files.readAllBytes(meta)));
        } catch (NoSuchFileException e) {
            throw new ContextException("docker context \"" + name + "\" (from " + from + ") does not exist in "
                    + dockerConfig.resolve("contexts") + ": see `docker context ls`, or unset DOCKER_CONTEXT");
        } catch (IOException | RuntimeException e) {
            throw new ContextException(meta + ": cannot read docker context \"" + name + "\": " + firstLine(e));
        }
        Map<?, ?> docker = EngineJson.obj(EngineJson.obj(json, "Endpoints"), "docker");
        String host = EngineJson.str(docker, "Host");
        if (host == null || host.isBlank()) {
            throw new ContextException(meta + ": docker context \"" + name + "\" has no docker endpoint (Endpoints.docker.Host)");
        }
        if (!host.startsWith("unix://") && !host.startsWith("tcp://")) {
            throw new ContextException("docker context \"" + name + "\" uses " + host + "; edm-console talks to unix:// and "
                    + "tcp:// engines: run it on that server, or forward its socket (ssh -L) and set DOCKER_HOST");
        }
        Path tls = dockerConfig.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
        return new Target(host, name, Files.isDirectory(tls) ? tls : null);
    }

    /** {@code currentContext} of the docker CLI's config.json; null without one. */
    private static String currentContext(Path dockerConfig) {
        Path file = dockerConfig.resolve("config.json");
        try {
            return EngineJson.str(EngineJson.object(EngineJson.parse(Files.readAllBytes(file))), "currentContext");
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            throw new ContextException(file + ": cannot read the docker CLI's config (" + firstLine(e)
                    + "): fix the file, or set DOCKER_HOST");
        }
    }

    /** The first line of a failure's message: the JSON parser's goes on with where in the file (and a piece of it). */
    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Path dockerConfigDir(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        return dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker");
    }

    /** $HOME as the docker CLI reads it (the JVM's user.home comes from the password database instead). */
    private static String home(Map<String, String> env) {
        String h = env.get("HOME");
        return h != null && !h.isBlank() ? h : System.getProperty("user.home");
    }

    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
