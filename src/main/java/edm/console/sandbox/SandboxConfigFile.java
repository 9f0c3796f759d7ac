package edm.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import edm.console.config.ConsoleConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code edm-console.yml} of the sandbox: a {@link ConsoleConfig} that points the console at the
 * sandbox containers, network and published ports. Only the sections that differ from SPEC-006's
 * defaults are written, so that defaults the console gains later still apply.
 */
public final class SandboxConfigFile {
    public static final String FILE_NAME = "edm-console.yml";
    /** Top-level keys written whole; each is a field of ConsoleConfig. */
    static final List<String> WRITTEN_KEYS = List.of("project", "environment", "projectDir", "network", "envFile",
            "services", "health");

    private SandboxConfigFile() {
    }

    /** The services nginx routes to (/ and /api): blue-green deploys by default. */
    static final Set<String> BEHIND_NGINX = Set.of("backend", "frontend");

    public static ConsoleConfig build(Path projectDir) {
        ConsoleConfig c = new ConsoleConfig();
        c.project = SandboxSpec.PROJECT;
        c.environment = SandboxSpec.ENVIRONMENT;
        c.projectDir = projectDir.toAbsolutePath().normalize().toString();
        c.network = SandboxSpec.NETWORK;
        c.envFile = ".env.production";
        c.services = new ArrayList<>();
        for (SandboxService s : SandboxSpec.SERVICES) {
            // Behind nginx, a service is checked where its users reach it, as in production (SPEC-006: https://DOMAIN/api/health):
            // after a blue-green deploy the new container publishes no host port, so its own port would check nothing.
            String health = BEHIND_NGINX.contains(s.name()) ? "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + s.healthPath()
                    : s.hostHealthUrl();
            ConsoleConfig.ServiceConfig sc = new ConsoleConfig.ServiceConfig(s.name(), s.containerPort(), health);
            sc.container = s.containerName();
            sc.image = s.repository();
            c.services.add(sc);
        }
        c.health.urls = new ArrayList<>(List.of(
                new ConsoleConfig.HealthUrl("api", "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/api/health"),
                new ConsoleConfig.HealthUrl("frontend", "http://127.0.0.1:" + SandboxSpec.NGINX_PORT + "/")));
        // A sandbox is for trying things: check often so that a broken deploy shows within seconds.
        c.health.intervalSeconds = 15;
        // The sandbox's own port plan (SandboxSpec: 18000-18099, clear of a real stack's 8000-8099), so that the Security
        // panel shows what is wrong in the sandbox rather than every sandbox port as outside EDM's range.
        c.security.edmPorts = SandboxSpec.SECURITY_EDM_PORTS;
        c.security.otherPorts = SandboxSpec.SECURITY_OTHER_PORTS;
        c.security.entryPorts = new ArrayList<>(List.of(SandboxSpec.NGINX_PORT));
        // Whoever runs sandbox up owns its env file and logs: they are its deploy user, not the server's ubuntu.
        c.security.deployUser = System.getProperty("user.name");
        // Encrypted backups, verified and drilled with the sandbox's own key pair (see SandboxProject).
        c.backups.publicKey = SandboxProject.KEY_DIR + "/" + SandboxProject.KEY_NAME + ".pub.pem";
        c.backups.privateKey = SandboxProject.KEY_DIR + "/" + SandboxProject.KEY_NAME + ".pem";
        return c;
    }

    public static String yaml(ConsoleConfig config) {
        ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
        ObjectNode all = mapper.valueToTree(config);
        ObjectNode out = mapper.createObjectNode();
        for (String key : WRITTEN_KEYS) {
            JsonNode value = all.get(key);
            if (value == null) {
                throw new IllegalStateException("ConsoleConfig has no field " + key);
            }
            out.set(key, value);
        }
        // Of the backups only the key pair: the other backup settings keep their defaults.
        ObjectNode backups = out.putObject("backups");
        backups.set("publicKey", all.get("backups").get("publicKey"));
        backups.set("privateKey", all.get("backups").get("privateKey"));
        // Of the security settings only the port plan: accepted risks, users and paths keep their defaults.
        ObjectNode security = out.putObject("security");
        for (String key : List.of("edmPorts", "otherPorts", "entryPorts", "deployUser")) {
            security.set(key, all.get("security").get(key));
        }
        try {
            return "# edm-console configuration of the sandbox, generated by `edm-console sandbox up`.\n"
                    + "# Regenerated on every `sandbox up`; use it with `edm-console --sandbox`.\n"
                    + mapper.writeValueAsString(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
