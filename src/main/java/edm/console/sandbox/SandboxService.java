package edm.console.sandbox;

/**
 * One service of the sandbox stack.
 *
 * @param name          service name as in SPEC-006 (postgres, redis, backend, frontend, nginx); also its network alias
 * @param repository    image repository ({@code edm-backend})
 * @param tag           image tag that {@code up} runs
 * @param containerPort port inside the container
 * @param hostPort      port published on 127.0.0.1
 * @param healthPath    HTTP path of the service's health URL, empty for non-HTTP services
 */
public record SandboxService(String name, String repository, String tag, int containerPort, int hostPort, String healthPath) {

    public String image() {
        return repository + ":" + tag;
    }

    public String containerName() {
        return SandboxSpec.PROJECT + "-" + name + "-" + SandboxSpec.ENVIRONMENT;
    }

    public boolean http() {
        return !healthPath.isEmpty();
    }

    /** The health URL as seen from the host, through the published port. */
    public String hostHealthUrl() {
        return http() ? "http://127.0.0.1:" + hostPort + healthPath : "";
    }
}
