package edm.console.cli;

import edm.console.checklist.ChecklistRun;
import edm.console.checklist.Checklists;
import edm.console.checklist.ItemResult;
import edm.console.checklist.Operator;
import edm.console.checklist.RecentReport;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.i18n.Messages;
import edm.console.i18n.OutputCharset;
import edm.console.text.TerminalSafe;
import edm.console.workflow.WorkflowAudit;
import edm.console.workflow.WorkflowContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * SPEC-006 部署前检查清单 before a deploy: automatic items run; manual items are asked for when the
 * operator is at a terminal (not with --yes). The deploy is refused while a required item fails, unless
 * the operator overrides with a reason, which goes to the audit log. The run is saved as a report either way.
 */
final class PreDeployGate {
    private PreDeployGate() {
    }

    /** Runs (and saves) the post-deploy verification checklist; manual items are asked for when at a terminal. */
    static void postDeploy(ConsoleConfig config, Optional<Path> configFile, boolean ask, PrintWriter out, PrintWriter err) {
        Checklists.Loaded lists = Checklists.load(configFile);
        if (!lists.has("post-deploy")) {
            return;
        }
        ChecklistRun run = new ChecklistRun(lists.get("post-deploy"), checks(config), Operator.fromEnvironment(System.getenv()),
                Clock.SYSTEM);
        walkOrRunAutomatic(run, ask, out);
        ChecklistCommand.finish(run, config, out, err);
    }

    private static edm.console.checklist.AutomaticChecks checks(ConsoleConfig config) {
        return Checklists.checks(() -> SnapshotCollector.collect(config, Clock.SYSTEM).probes(),
                new CatalogueBackupEvidence(config), new LogFileErrorCounts(config, Clock.SYSTEM), config, Clock.SYSTEM);
    }

    /** The walk reads through the command's one reader: the deploy's own confirmation comes after it on the same input. */
    private static void walkOrRunAutomatic(ChecklistRun run, boolean ask, PrintWriter out) {
        if (!ask) {
            run.runAllAutomatic();
            return;
        }
        new ChecklistPrompter(LineInput.shared(), out).walk(run);
    }

    /** True when the deploy may go on. */
    static boolean pass(ConsoleConfig config, Optional<Path> configFile, WorkflowContext ctx, String service, boolean ask,
                        String overrideReason, PrintWriter out, PrintWriter err) {
        Checklists.Loaded lists = Checklists.load(configFile);
        if (!lists.has("pre-deploy")) {
            return true;
        }
        Optional<Path> recent = RecentReport.satisfied(config, "pre-deploy", RecentReport.DEFAULT_MAX_AGE, Clock.SYSTEM.now());
        if (recent.isPresent()) {
            out.println(Messages.t("workflow.checklist.recent", recent.get()));
            out.flush();
            return true;
        }
        ChecklistRun run = new ChecklistRun(lists.get("pre-deploy"), checks(config), Operator.fromEnvironment(System.getenv()),
                Clock.SYSTEM);
        walkOrRunAutomatic(run, ask, out);
        ChecklistCommand.finish(run, config, out, err);
        List<ItemResult> failing = run.requiredFailures();
        if (failing.isEmpty()) {
            return true;
        }
        if (overrideReason == null || overrideReason.isBlank()) {
            err.println(Messages.t("workflow.checklist.refused", failing.size()));
            failing.forEach(r -> err.println("  - " + TerminalSafe.clean(r.item().title()) + " / " + TerminalSafe.clean(r.item().titleEn())));
            err.flush();
            return false;
        }
        WorkflowAudit.write(ctx, "checklist-override", service, "pre-deploy: " + failing.size() + " required item(s) not satisfied",
                "overridden", overrideReason, Duration.ZERO);
        err.println(Messages.t("workflow.checklist.overridden", failing.size(), overrideReason));
        err.flush();
        return true;
    }
}
