package edm.console.workflow;

import edm.console.docker.DeployOps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The engine operations the workflows use, as an interface so that the step machine can be tested
 * against a fake. {@link GatewayEngine} is the real one.
 */
public interface WorkflowEngine {
    Optional<DeployOps.State> state(String idOrName);

    Optional<String> imageId(String ref);

    /** Creates, without starting, a container named {@code newName} like {@code from} but with {@code image}. */
    String createLike(String from, String newName, String image);

    /**
     * Like {@link #createLike(String, String, String)}; {@code hostPorts} false publishes nothing on the host,
     * and the labels are made by {@code relabel} from the old container's.
     */
    default String createLike(String from, String newName, String image, boolean hostPorts,
                              UnaryOperator<Map<String, String>> relabel) {
        if (!hostPorts) {
            throw new UnsupportedOperationException("createLike without host ports");
        }
        return createLike(from, newName, image);
    }

    /** Gives the stopped container {@code name} the labels {@code relabel} makes of its own (a copy replaces it). */
    default void relabelStopped(String name, UnaryOperator<Map<String, String>> relabel) {
    }

    void rename(String id, String newName);

    void start(String id);

    void stop(String id, int graceSeconds);

    void restart(String id, int graceSeconds);

    void remove(String id);

    List<String> logTail(String id, int lines);

    /**
     * Runs the container's own health check command now (docker exec), instead of waiting for the engine's
     * next interval; empty when it has none or the engine cannot run it.
     */
    default Optional<CheckRun> runHealthcheck(String id) {
        return Optional.empty();
    }

    /** How a health check run ended: its exit code and its output's lines. */
    record CheckRun(long exitCode, List<String> output) {
    }

    /** Builds {@code tag} from {@code context}; returns the image id. */
    String build(Path context, String tag, Consumer<String> output);

    /** Names of running containers other than {@code exceptId} that publish {@code hostPort} ("ip:port"). */
    List<String> publishers(String hostPort, String exceptId);

    /** Names of all containers (running or not). */
    List<String> containerNames();
}
