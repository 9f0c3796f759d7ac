package edm.console.ui;

import edm.console.core.ContainerDetail;
import java.util.Collection;

/**
 * What the UI may ask of the engine. The app wires it to the docker adapter; the UI never sees
 * docker-java. Calls block and throw a RuntimeException with a one-line message on failure; the UI
 * runs them off its own thread.
 */
public interface ContainerControl {
    ContainerDetail inspect(String id);

    void start(String id);

    void stop(String id);

    void restart(String id);

    /** Asks for a fresh container list now (the list is otherwise event-driven). */
    void refreshNow();

    /**
     * The ids of the container rows on screen, whenever they change: CPU and memory are sampled for these
     * (and the EDM stack) only. Called on the UI thread; must return at once.
     */
    default void showing(Collection<String> ids) {
    }
}
