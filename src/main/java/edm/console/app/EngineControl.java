package edm.console.app;

import edm.console.core.ContainerDetail;
import edm.console.docker.ContainerGateway;
import edm.console.live.ContainerMonitor;
import edm.console.live.Timeline;
import edm.console.ui.ContainerControl;
import edm.console.workflow.Operator;
import edm.console.workflow.WorkflowLock;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The UI's view of the engine: container actions, each followed by a prompt re-list. Start, stop and restart
 * take the workflow lock like the CLI's workflows: pressed while a deploy runs (from this console or
 * another operator's), they are refused with the same text as every other refusal.
 */
final class EngineControl implements ContainerControl {
    private final ContainerGateway gateway;
    /** Stop grace by container name (services[].stopSeconds). */
    private final ToIntFunction<String> stopSeconds;
    private final Timeline timeline;
    private final Path lockFile;
    private volatile ContainerMonitor monitor;
    /** Restarts the swarm service a row stands for (a forced rolling update); false when the row is a plain container. */
    private volatile Predicate<String> swarmRestart = name -> false;

    EngineControl(ContainerGateway gateway, ToIntFunction<String> stopSecondsByName, Timeline timeline, Path lockFile) {
        this.gateway = gateway;
        this.stopSeconds = stopSecondsByName;
        this.timeline = timeline;
        this.lockFile = lockFile;
    }

    void useSwarmRestart(Predicate<String> restart) {
        swarmRestart = restart;
    }

    void attach(ContainerMonitor m) {
        monitor = m;
    }

    @Override
    public ContainerDetail inspect(String id) {
        return gateway.inspect(id);
    }

    @Override
    public void start(String id) {
        recorded("start", id, () -> gateway.start(id));
    }

    @Override
    public void stop(String id) {
        recorded("stop", id, () -> gateway.stop(id, stopSeconds.applyAsInt(gateway.nameOf(id))));
    }

    @Override
    public void restart(String id) {
        String name = gateway.nameOf(id);
        try {
            if (swarmRestart.test(name)) {
                return;
            }
        } finally {
            refreshNow();
        }
        recorded("restart", id, () -> gateway.restart(id, stopSeconds.applyAsInt(gateway.nameOf(id))));
    }

    /** Runs an action and records it, with its outcome, on the incident timeline. */
    private void recorded(String verb, String id, Runnable action) {
        String name = gateway.nameOf(id);
        String who = System.getenv("SUDO_USER") != null ? System.getenv("SUDO_USER") : System.getProperty("user.name");
        try (WorkflowLock lock = WorkflowLock.acquire(lockFile, Operator.current(System.getenv()), verb + " " + name)) {
            action.run();
            timeline.action(java.time.Instant.now(), name, verb + " by " + who, false);
        } catch (RuntimeException e) {
            timeline.action(java.time.Instant.now(), name, verb + " by " + who + " failed: " + e.getMessage(), true);
            throw e;
        } finally {
            refreshNow();
        }
    }

    @Override
    public void showing(Collection<String> ids) {
        ContainerMonitor m = monitor;
        if (m != null) {
            m.showing(ids);
        }
    }

    @Override
    public void refreshNow() {
        ContainerMonitor m = monitor;
        if (m != null) {
            m.refreshSoon();
        }
    }
}
