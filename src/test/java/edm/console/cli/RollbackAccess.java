package edm.console.cli;

import edm.console.workflow.Release;
import java.util.List;
import java.util.Optional;

/** Test access to the rollback command's picker choice. */
public final class RollbackAccess {
    private RollbackAccess() {
    }

    public static Optional<Release> pick(List<Release> goodNewestFirst, String tag) {
        return RollbackCommand.pick(goodNewestFirst, tag);
    }
}
