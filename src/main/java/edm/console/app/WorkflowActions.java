package edm.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.Outcome;
import edm.console.checklist.RecentReport;
import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Messages;
import edm.console.live.GatewayLogApi;
import edm.console.live.Timeline;
import edm.console.ui.WorkflowControl;
import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.RunResult;
import edm.console.ui.guided.TagChoices;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.Journal;
import edm.console.workflow.Occupant;
import edm.console.workflow.Release;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowException;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.Workflows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TUI's deploy and rollback: the same workflows, lock, journal, history and audit as the CLI, in the
 * stages of the guided dialog (choices, the checklist gate, a plan to confirm, the run), with the result
 * on the incident timeline.
 */
final class WorkflowActions implements WorkflowControl {
    private final ConsoleConfig config;
    private final ContainerGateway gateway;
    private final Timeline timeline;
    private final ChecklistWiring checklists;
    private final SwarmActions swarm;

    WorkflowActions(ConsoleConfig config, ContainerGateway gateway, Timeline timeline, ChecklistWiring checklists) {
        this.checklists = checklists;
        this.config = config;
        this.gateway = gateway;
        this.timeline = timeline;
        this.swarm = new SwarmActions(config, gateway, timeline, this::ctx);
    }

    /** The swarm service a row stands for, when it is no configured container: D, B and r act on the service. */
    private Optional<JsonNode> swarmService(String rowName) {
        boolean container = config.services.stream().anyMatch(s -> config.containerName(s).equals(rowName));
        return container ? Optional.empty() : swarm.find(rowName);
    }

    private String service(String containerName) {
        return config.services.stream().filter(s -> config.containerName(s).equals(containerName)).map(s -> s.name).findFirst()
                .orElseThrow(() -> new WorkflowException(Messages.t("workflow.noService", containerName,
                        String.join(", ", config.containerNames()))));
    }

    private WorkflowContext ctx() {
        // The gate is asked first (checklistRefusal) so the dialog can offer the walk; this is the second lock.
        // A rollback is the way out of an incident: never held back by the checklist.
        return Workflows.context(config, gateway, System.getenv(), List.of(plan -> !"deploy".equals(plan.kind())
                || checklistSatisfied() ? Optional.empty() : Optional.of(Messages.t("workflow.checklist.walkFirst"))));
    }

    private boolean checklistSatisfied() {
        boolean required = checklists.checklists().stream().anyMatch(c -> "pre-deploy".equals(c.name()));
        return !required || RecentReport.satisfied(config, "pre-deploy", RecentReport.DEFAULT_MAX_AGE, Instant.now()).isPresent();
    }

    @Override
    public TagChoices tags(String containerName) {
        Optional<JsonNode> svc = swarmService(containerName);
        if (svc.isPresent()) {
            return swarm.tags(svc.get(), containerName);
        }
        String service = service(containerName);
        DeployWorkflow.Target t = Workflows.target(config, service);
        return DeployChoices.tags(ctx(), gateway.endpoint(), gateway.timeout(), service, containerName, t.repository());
    }

    @Override
    public Optional<String> checklistRefusal(String containerName) {
        if (swarmService(containerName).isEmpty()) {
            service(containerName);
        }
        return checklistSatisfied() ? Optional.empty() : Optional.of(Messages.t("guided.gate.why"));
    }

    @Override
    public PlannedChange planDeploy(String containerName, String tag) {
        Optional<JsonNode> svc = swarmService(containerName);
        if (svc.isPresent()) {
            if (!checklistSatisfied()) {
                throw new WorkflowException(Messages.t("workflow.checklist.walkFirst"));
            }
            return swarm.planDeploy(svc.get(), tag);
        }
        String service = service(containerName);
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx()).prepareDeploy(Workflows.target(config, service),
                new DeployWorkflow.Request(tag, false, false, false));
        return new GuidedRun(p, new GatewayLogApi(gateway), o -> result(service, o));
    }

    @Override
    public List<ReleaseChoice> releases(String containerName) {
        Optional<JsonNode> svc = swarmService(containerName);
        WorkflowContext ctx = ctx();
        refuseWhileOccupied(ctx);
        if (svc.isPresent()) {
            return swarm.releases(svc.get(), containerName);
        }
        String service = service(containerName);
        return DeployChoices.releases(ctx, service, containerName);
    }

    @Override
    public PlannedChange planRollback(String containerName, String releaseId) {
        Optional<JsonNode> svc = swarmService(containerName);
        WorkflowContext ctx = ctx();
        refuseWhileOccupied(ctx);
        if (svc.isPresent()) {
            return swarm.planRollback(svc.get(), releaseId);
        }
        String service = service(containerName);
        Release to = ctx.history().goodReleases(service).stream().filter(r -> r.id().equals(releaseId)).findFirst()
                .orElseThrow(() -> new WorkflowException(Messages.t("workflow.rollback.nothing", service)));
        DeployWorkflow.Prepared p = new DeployWorkflow(ctx).prepareRollback(Workflows.target(config, service), to);
        return new GuidedRun(p, new GatewayLogApi(gateway), o -> result(service, o));
    }

    /**
     * The r key on a swarm service's row or one of its tasks: a forced rolling update of the service (a
     * task's container restarted by hand would only be a task failure to Swarm); false for a container.
     */
    boolean restartIfSwarm(String rowName) {
        Optional<JsonNode> svc = swarmService(rowName);
        if (svc.isEmpty()) {
            return false;
        }
        refuseWhileOccupied(ctx());
        swarm.restart(svc.get());
        return true;
    }

    /** While another workflow runs (or a cut one waits), B says so before listing releases to go back to. */
    private static void refuseWhileOccupied(WorkflowContext ctx) {
        Occupant.find(ctx.stateDir()).filter(o -> o.state() != Occupant.State.STALE_LOCK).ifPresent(o -> {
            throw new WorkflowException(o.refusal());
        });
    }

    /** The outcome as the dialog ends with it, on the timeline too; after a good deploy the post-deploy checks run. */
    private RunResult result(String service, DeployRun.Outcome o) {
        Release r = o.release();
        if (o.ok()) {
            String text = Messages.t("workflow.result.ok", Messages.t("workflow.kind." + r.kind()), service, r.tag());
            timeline.action(Instant.now(), service, text, false);
            String next = "deploy".equals(r.kind()) ? postDeploy(service) + " " + Messages.t("guided.next.deployed")
                    : Messages.t("guided.next.rolledBackByChoice");
            return new RunResult(RunResult.Outcome.OK, text, next.strip());
        }
        String text = Messages.t(o.rolledBack() ? "workflow.result.rolledBack" : "workflow.result.failed", service, o.failedStep(),
                o.message(), o.restoredImage());
        timeline.action(Instant.now(), service, text, true);
        if (o.rolledBack()) {
            return new RunResult(RunResult.Outcome.ROLLED_BACK, text, Messages.t("guided.next.rolledBack", r.tag()));
        }
        boolean cut = Journal.unfinished(Workflows.context(config, gateway, System.getenv(), List.of()).stateDir()).isPresent();
        return new RunResult(RunResult.Outcome.FAILED, text, Messages.t(cut ? "guided.next.recover" : "guided.next.nothingChanged"));
    }

    /** SPEC-006 上线后验证 after the health gate: the automatic items now, the manual ones left for C. */
    private String postDeploy(String service) {
        try {
            Checklist list = checklists.checklists().stream().filter(c -> "post-deploy".equals(c.name())).findFirst().orElse(null);
            if (list == null) {
                return "";
            }
            ChecklistRun run = checklists.start(list);
            run.runAllAutomatic();
            Path report = checklists.save(run);
            long failing = run.results().stream().filter(x -> x.item().automatic() && x.item().required()
                    && x.outcome() != Outcome.PASS).count();
            String text = Messages.t(failing == 0 ? "workflow.postDeploy.ok" : "workflow.postDeploy.failing", failing, report);
            timeline.action(Instant.now(), service, text, failing > 0);
            return text;
        } catch (IOException | RuntimeException e) {
            return Messages.t("workflow.postDeploy.error", e.getMessage());
        }
    }

    /** Step lines for the start-up banner's resume / roll back (one line per step begun). */
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
