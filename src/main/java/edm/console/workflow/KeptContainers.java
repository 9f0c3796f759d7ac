package edm.console.workflow;

import java.util.Comparator;
import java.util.List;

/** The previous containers a service keeps stopped, NAME-old-STAMP, for instant rollback. */
final class KeptContainers {
    private KeptContainers() {
    }

    /** Keeps the newest kept containers of the service (for instant rollback), removes older ones. */
    static void prune(WorkflowContext ctx, DeployPlan plan) {
        // compose's up would count (and remove) a kept container that still carries its labels
        ctx.engine().relabelStopped(plan.keptName(), ctx.compose().keptAside());
        List<String> kept = ctx.engine().containerNames().stream().filter(n -> n.startsWith(plan.container() + "-old-"))
                .sorted(Comparator.reverseOrder()).toList();
        for (int i = ctx.keepPrevious(); i < kept.size(); i++) {
            ctx.engine().remove(kept.get(i));
        }
    }
}
