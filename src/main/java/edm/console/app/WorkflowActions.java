package edm.console.app;

import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Messages;
import edm.console.live.Timeline;
import edm.console.ui.WorkflowControl;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.Occupant;
import edm.console.workflow.Release;
import edm.console.workflow.ReleaseHistory;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowException;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.Workflows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The TUI's deploy and rollback: the same workflows as the CLI, with the result on the incident timeline. */
final class WorkflowActions implements WorkflowControl {
    private final ConsoleConfig config;
    private final ContainerGateway gateway;
    private final Timeline timeline;
    private final ChecklistWiring checklists;

    WorkflowActions(ConsoleConfig config, ContainerGateway gateway, Timeline timeline, ChecklistWiring checklists) {
        this.checklists = checklists;
        this.config = config;
        this.gateway = gateway;
        this.timeline = timeline;
    }

    private String service(String containerName) {
        return config.services.stream().filter(s -> config.containerName(s).equals(containerName)).map(s -> s.name).findFirst()
                .orElseThrow(() -> new WorkflowException(Messages.t("workflow.noService", containerName,
                        String.join(", ", config.containerNames()))));
    }

    private WorkflowContext ctx() {
        // From the TUI a deploy needs a satisfied pre-deploy checklist walked in the last hour (key C).
        // A rollback is the way out of an incident: never held back by the checklist.
        return Workflows.context(config, gateway, System.getenv(), List.of(plan -> !"deploy".equals(plan.kind())
                || edm.console.checklist.RecentReport.satisfied(config, "pre-deploy",
                        edm.console.checklist.RecentReport.DEFAULT_MAX_AGE, java.time.Instant.now()).isPresent()
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(edm.console.i18n.Messages.t("workflow.checklist.walkFirst"))));
    }

    @Override
    public String deploy(String containerName, String tag, Consumer<String> progress) {
        String service = service(containerName);
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(Workflows.target(config, service),
                new DeployWorkflow.Request(tag, false, false, false));
        String result = finish(service, p.run(progress(progress), () -> false));
        progress.accept(Messages.t("workflow.postDeploy.running"));
        return result + " " + postDeploy(service);
    }

    /** SPEC-006 上线后验证 after the health gate: the automatic items now, the manual ones left for C. */
    private String postDeploy(String service) {
        try {
            edm.console.checklist.Checklist list = checklists.checklists().stream()
                    .filter(c -> "post-deploy".equals(c.name())).findFirst().orElse(null);
            if (list == null) {
                return "";
            }
            edm.console.checklist.ChecklistRun run = checklists.start(list);
            run.runAllAutomatic();
            java.nio.file.Path report = checklists.save(run);
            long failing = run.results().stream().filter(r -> r.item().automatic() && r.item().required()
                    && r.outcome() != edm.console.checklist.Outcome.PASS).count();
            String text = Messages.t(failing == 0 ? "workflow.postDeploy.ok" : "workflow.postDeploy.failing", failing, report);
            timeline.action(Instant.now(), service, text, failing > 0);
            return text;
        } catch (java.io.IOException | RuntimeException e) {
            return Messages.t("workflow.postDeploy.error", e.getMessage());
        }
    }

    @Override
    public String rollback(String containerName, Consumer<String> progress) {
        String service = service(containerName);
        WorkflowContext ctx = ctx();
        // While another workflow runs (or a cut one waits), B says so before looking for a release to go back to.
        Occupant.find(ctx.stateDir()).filter(o -> o.state() != Occupant.State.STALE_LOCK).ifPresent(o -> {
            throw new WorkflowException(o.refusal());
        });
        Release to = ReleaseHistory.rollbackTarget(ctx.history().goodReleases(service), null)
                .orElseThrow(() -> new WorkflowException(Messages.t("workflow.rollback.nothing", service)));
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx).prepareRollback(Workflows.target(config, service), to);
        return finish(service, p.run(progress(progress), () -> false));
    }

    private String finish(String service, DeployRun.Outcome o) {
        Release r = o.release();
        String text = o.ok() ? Messages.t("workflow.result.ok", r.kind(), service, r.tag())
                : Messages.t(o.rolledBack() ? "workflow.result.rolledBack" : "workflow.result.failed", service, o.failedStep(), o.message(),
                        o.restoredImage());
        timeline.action(Instant.now(), service, text, !o.ok());
        if (!o.ok()) {
            throw new WorkflowException(text);
        }
        return text;
    }

    static WorkflowProgress progress(Consumer<String> out) {
        return new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                if (phase == Phase.BEGIN) {
                    out.accept(Messages.t("workflow.step." + step) + "...");
                }
            }

            @Override
            public void output(String line) {
                // Build output and failure evidence go to the CLI; the TUI shows the steps and the result.
            }
        };
    }
}
