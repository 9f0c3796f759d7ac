package edm.console.app;

import edm.console.core.ContainerDetail;
import edm.console.docker.ContainerGateway;
import edm.console.live.ContainerMonitor;
import edm.console.ui.ContainerControl;

/** The UI's view of the engine: container actions, each followed by a prompt re-list. */
final class EngineControl implements ContainerControl {
    private final ContainerGateway gateway;
    private final int stopGraceSeconds;
    private volatile ContainerMonitor monitor;

    EngineControl(ContainerGateway gateway, int stopGraceSeconds) {
        this.gateway = gateway;
        this.stopGraceSeconds = stopGraceSeconds;
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
        gateway.start(id);
        refreshNow();
    }

    @Override
    public void stop(String id) {
        gateway.stop(id, stopGraceSeconds);
        refreshNow();
    }

    @Override
    public void restart(String id) {
        gateway.restart(id, stopGraceSeconds);
        refreshNow();
    }

    @Override
    public void refreshNow() {
        ContainerMonitor m = monitor;
        if (m != null) {
            m.refreshSoon();
        }
    }
}
