package edm.console.cli;

import edm.console.docker.DeployOps;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.workflow.Recovery;
import java.io.PrintWriter;
import java.util.Optional;

/** How an unfinished workflow is shown: where it stopped and the state of both containers. */
public final class RecoveryText {
    private RecoveryText() {
    }

    public static void print(PrintWriter out, Recovery.Unfinished u) {
        // The step by its name and its key (what the journal and scripts use), the time as everywhere else.
        String phase = Messages.t("begin".equals(u.lastPhase()) ? "workflow.busy.phase.begin" : "workflow.busy.phase.end");
        out.println(Messages.t("workflow.recover.found", u.journal().workflow(), u.plan().service(), u.plan().image(),
                Messages.t("workflow.step." + u.lastStep()), u.lastStep() + ", " + phase, Format.current().dateTime(u.journal().last().time())));
        out.println(Messages.t("workflow.recover.old", describe(u.oldContainer())));
        out.println(Messages.t("workflow.recover.new", describe(u.newContainer())));
        out.flush();
    }

    public static String describe(Optional<DeployOps.State> s) {
        return s.map(x -> Messages.t("workflow.recover.container", x.name(), x.imageRef(),
                x.running() ? Messages.t("workflow.state.running") : Messages.t("workflow.state.stopped"),
                x.health().isEmpty() ? "-" : x.health())).orElse(Messages.t("workflow.recover.absent"));
    }
}
