package edm.console.ui;

import edm.console.core.ContainerDetail;

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
}
