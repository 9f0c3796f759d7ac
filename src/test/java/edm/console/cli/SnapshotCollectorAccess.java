package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.core.ContainersSnapshot;

/** Lets tests in other packages take the one-shot container list that `check` uses. */
public final class SnapshotCollectorAccess {
    private SnapshotCollectorAccess() {
    }

    public static ContainersSnapshot listContainers(ConsoleConfig config) {
        return SnapshotCollector.listContainers(config, Clock.SYSTEM);
    }
}
