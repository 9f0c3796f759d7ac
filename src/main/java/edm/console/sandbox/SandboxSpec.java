package edm.console.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * Every fixed fact about the sandbox stack in one place: names, ports, labels, image tags.
 * Ports live in 18000-18099 so that they never clash with a real EDM stack (8000-8099, SPEC-006).
 */
public final class SandboxSpec {
    public static final String PROJECT = "edm";
    public static final String ENVIRONMENT = "sandbox";
    /** Compose-style project name: the network is {@code edm-sandbox_edm-network} like prod's {@code edm_edm-network}. */
    public static final String COMPOSE_PROJECT = "edm-sandbox";
    public static final String NETWORK = COMPOSE_PROJECT + "_edm-network";

    /** Every sandbox container, network and image carries this label = "true"; down removes only what has it. */
    public static final String LABEL = "edm.console.sandbox";
    /** The sandbox project dir a container was created for. */
    public static final String LABEL_DIR = "edm.console.sandbox.dir";
    /** On sandbox images: {@link ImageRecipe#fingerprint()} of the files it was built from. */
    public static final String LABEL_RECIPE = "edm.console.sandbox.recipe";
    public static final String LABEL_COMPOSE_PROJECT = "com.docker.compose.project";
    public static final String LABEL_COMPOSE_SERVICE = "com.docker.compose.service";

    public static final int FRONTEND_PORT = 18001;
    public static final int BACKEND_PORT = 18002;
    public static final int POSTGRES_PORT = 18003;
    public static final int REDIS_PORT = 18004;
    public static final int NGINX_PORT = 18080;
    /** The sandbox's port plan for the security rules: its own ports, and a range for "other projects" beside it. */
    public static final String SECURITY_EDM_PORTS = "18000-18099";
    public static final String SECURITY_OTHER_PORTS = "17000-17099";

    /** Stable versions of the app images; {@code up} runs {@link #CURRENT_VERSION}. */
    public static final List<String> APP_VERSIONS = List.of("v1.0", "v1.1");
    public static final String CURRENT_VERSION = "v1.1";
    /**
     * A version whose health check fails (backend /api/health answers 500, frontend / answers 500), for
     * trying deploy failure and rollback. Built for frontend and backend.
     */
    public static final String BROKEN_VERSION = "v1.2-broken";
    public static final String INFRA_VERSION = "v1.0";

    /** Debian bookworm root filesystem with postgresql-15 and redis-server, imported from debootstrap. */
    public static final String BASE_IMAGE = "edm-sandbox-base:bookworm";

    public static final String DB_USER = "edm";
    public static final String DB_NAME = "edm_sandbox";

    /** In dependency (start) order, like ConsoleConfig's services. */
    public static final List<SandboxService> SERVICES = List.of(
            new SandboxService("postgres", "edm-postgres", INFRA_VERSION, 5432, POSTGRES_PORT, ""),
            new SandboxService("redis", "edm-redis", INFRA_VERSION, 6379, REDIS_PORT, ""),
            new SandboxService("backend", "edm-backend", CURRENT_VERSION, 8002, BACKEND_PORT, "/api/health"),
            new SandboxService("frontend", "edm-frontend", CURRENT_VERSION, 8001, FRONTEND_PORT, "/"),
            new SandboxService("nginx", "edm-nginx", INFRA_VERSION, 80, NGINX_PORT, "/nginx-health"));

    private SandboxSpec() {
    }

    public static Optional<SandboxService> service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static SandboxService require(String name) {
        return service(name).orElseThrow(() -> new IllegalArgumentException("no sandbox service " + name));
    }

    /**
     * Whether {@code down} may remove a container of this name (it must also carry {@link #LABEL}): a
     * service container name, optionally with a suffix such as {@code -old} that a deploy may leave.
     * The name check keeps down away from other tools' containers that happen to copy the label.
     */
    public static boolean isSandboxContainerName(String name) {
        String n = name.startsWith("/") ? name.substring(1) : name;
        return SERVICES.stream().map(SandboxService::containerName)
                .anyMatch(c -> n.equals(c) || n.startsWith(c) && "-_.".indexOf(n.charAt(c.length())) >= 0);
    }

    public static List<String> containerNames() {
        return SERVICES.stream().map(SandboxService::containerName).toList();
    }
}
