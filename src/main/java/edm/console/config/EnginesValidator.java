package edm.console.config;

import edm.console.config.ConsoleConfig.EngineSettings;
import edm.console.config.ConsoleConfig.TlsSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The meaning of {@code docker.name}, {@code docker.tls} and {@code engines[]}: names, endpoints and the files
 * each transport needs, every problem with its line and what to do. The files named must exist: a TLS key or
 * an engine's config that is not there cannot work, and saying so here beats a failed connection later.
 */
final class EnginesValidator {
    /** Engine names head report sections and hosts-view rows: one word, no spaces. */
    static final Pattern ENGINE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    static final Pattern UNIX = Pattern.compile("unix:///\\S+");
    static final Pattern TCP = Pattern.compile("tcp://[A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]{1,5})/?|tcp://\\[[0-9A-Fa-f:.]+]:[0-9]{1,5}/?");
    /**
     * ssh://[user@]host[:port]. Neither user nor host may start with '-': the endpoint becomes ssh's
     * arguments, and a leading '-' would be read as an option.
     */
    static final Pattern SSH = Pattern.compile(
            "ssh://([A-Za-z0-9_][A-Za-z0-9_.-]*@)?([A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?/?");
    static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private final ProblemList problems;

    EnginesValidator(ProblemList problems) {
        this.problems = problems;
    }

    void validate(ConsoleConfig c) {
        Map<String, String> names = new HashMap<>();
        String mainName = c.docker.name;
        if (mainName == null || !ENGINE_NAME.matcher(mainName).matches()) {
            problems.add("docker.name", "engineName", String.valueOf(mainName));
        } else {
            names.put(mainName, "docker.name");
        }
        String mainEndpoint = c.docker.endpoint == null ? "" : c.docker.endpoint.trim();
        if (c.docker.tls.given() && !mainEndpoint.startsWith("tcp://")) {
            problems.add("docker.tls", "tlsOnlyTcp", mainEndpoint.isEmpty() ? "docker.endpoint \"\"" : mainEndpoint);
        } else {
            tls("docker.tls", c.docker.tls);
        }
        for (int i = 0; i < c.engines.size(); i++) {
            engine(ConfigPaths.element("engines", i), c.engines.get(i), names);
        }
    }

    private void engine(String at, EngineSettings e, Map<String, String> names) {
        if (e.name == null || e.name.isBlank()) {
            problems.add(at + ".name", "missing", "name");
        } else if (!ENGINE_NAME.matcher(e.name).matches()) {
            problems.add(at + ".name", "engineName", e.name);
        } else if (names.putIfAbsent(e.name, at + ".name") != null) {
            problems.add(at + ".name", "duplicate", e.name, names.get(e.name));
        }
        String endpoint = e.endpoint == null ? "" : e.endpoint.trim();
        if (endpoint.isEmpty()) {
            problems.add(at + ".endpoint", "missing", "endpoint");
            return;
        }
        boolean unix = UNIX.matcher(endpoint).matches();
        boolean tcp = TCP.matcher(endpoint).matches() && portOk(endpoint);
        boolean ssh = SSH.matcher(endpoint).matches() && portOk(endpoint);
        if (!unix && !tcp && !ssh) {
            problems.add(at + ".endpoint", "engineEndpoint", endpoint);
            return;
        }
        if (e.tls.given() && !tcp) {
            problems.add(at + ".tls", "tlsOnlyTcp", endpoint);
        } else {
            tls(at + ".tls", e.tls);
        }
        String socket = e.socket == null ? "" : e.socket;
        String sshConfig = e.sshConfig == null ? "" : e.sshConfig;
        if (ssh) {
            problems.requireAbsolutePath(at + ".socket", socket);
            if (!sshConfig.isBlank()) {
                existingFile(at + ".sshConfig", sshConfig, "fileMissing");
            }
        } else {
            if (!DEFAULT_SOCKET.equals(socket)) {
                problems.add(at + ".socket", "sshOnly", endpoint);
            }
            if (!sshConfig.isBlank()) {
                problems.add(at + ".sshConfig", "sshOnly", endpoint);
            }
        }
        if (e.config != null && !e.config.isBlank()) {
            existingFile(at + ".config", e.config, "engineConfigMissing");
        }
    }

    /** All three files or none; each absolute and there. */
    private void tls(String at, TlsSettings t) {
        if (!t.given()) {
            return;
        }
        tlsFile(at + ".ca", t.ca);
        tlsFile(at + ".cert", t.cert);
        tlsFile(at + ".key", t.key);
    }

    private void tlsFile(String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(key, "tlsIncomplete");
        } else {
            existingFile(key, value, "fileMissing");
        }
    }

    private void existingFile(String key, String value, String missingKey) {
        Path p;
        try {
            p = Path.of(value);
        } catch (InvalidPathException ex) {
            problems.add(key, "notAbsolute", value);
            return;
        }
        if (!p.isAbsolute()) {
            problems.add(key, "notAbsolute", value);
        } else if (!Files.isRegularFile(p)) {
            problems.add(key, missingKey, value);
        }
    }

    /** The port in an endpoint, when it has one, is 1 to 65535. */
    private static boolean portOk(String endpoint) {
        int hostStart = endpoint.indexOf("://") + 3;
        String rest = endpoint.substring(hostStart).replaceAll("/$", "");
        int close = rest.lastIndexOf(']');
        int colon = rest.lastIndexOf(':');
        if (colon < 0 || colon < close) {
            return true;
        }
        try {
            int port = Integer.parseInt(rest.substring(colon + 1));
            return port >= 1 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
