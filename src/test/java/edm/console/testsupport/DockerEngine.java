package edm.console.testsupport;

import com.github.dockerjava.api.DockerClient;
import edm.console.docker.DockerClients;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Docker engine the integration tests use ($DOCKER_HOST or the local socket), pinged once per run.
 * As an extension ({@link RequiresDocker}) it skips the tests when the engine is not reachable, or fails
 * them when {@value #REQUIRE_ENV}=1, so that CI never passes by skipping.
 */
public final class DockerEngine implements BeforeAllCallback, BeforeEachCallback {
    public static final String REQUIRE_ENV = "EDM_REQUIRE_DOCKER";
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static volatile Optional<String> unavailable;
    private static volatile DockerClient client;
    private static volatile boolean toldSkip;

    public static String endpoint() {
        return DockerClients.resolveEndpoint("");
    }

    /** Empty when the engine answered the ping, else why not. Cached for the run. */
    public static synchronized Optional<String> unavailableReason() {
        if (unavailable == null) {
            try (DockerClient c = DockerClients.requests(endpoint(), PING_TIMEOUT)) {
                c.pingCmd().exec();
                unavailable = Optional.empty();
            } catch (Exception e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                unavailable = Optional.of(msg.replaceAll("\\s+", " ").strip());
            }
        }
        return unavailable;
    }

    /** Aborts (skips) the current test when the engine is unreachable, or fails it when Docker is required. */
    public static void assumeReachable() {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            String message = "Docker engine not reachable at " + endpoint() + ": " + reason.get();
            if ("1".equals(System.getenv(REQUIRE_ENV))) {
                Assertions.fail(message + " (" + REQUIRE_ENV + "=1)");
            }
            if (!toldSkip) {
                // Surefire shows a class aborted in beforeAll as "Tests run: 0" without the reason: say it once.
                toldSkip = true;
                System.err.println("[docker] skipping Docker tests: " + message + " (set " + REQUIRE_ENV + "=1 to fail instead)");
            }
            Assumptions.abort(message);
        }
    }

    /** A shared client with a {@link #REQUEST_TIMEOUT} on every call; do not close it. */
    public static synchronized DockerClient client() {
        assumeReachable();
        if (client == null) {
            client = DockerClients.requests(endpoint(), REQUEST_TIMEOUT);
        }
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeReachable();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeReachable();
    }
}
