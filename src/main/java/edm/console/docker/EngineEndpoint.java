package edm.console.docker;

/**
 * Which engine the console talks to. Apart from {@link DockerClients} so that finding the endpoint loads no
 * docker-java class (the JVM's verifier loads the docker-java types a class's methods hand around).
 */
public final class EngineEndpoint {
    public static final String DEFAULT = "unix:///var/run/docker.sock";

    private EngineEndpoint() {
    }

    /** The endpoint in force: the given one, else $DOCKER_HOST, else the local unix socket. */
    public static String resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? DEFAULT : env.trim();
    }
}
