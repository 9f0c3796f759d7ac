package edm.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.config.ConsoleConfig;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import edm.console.i18n.Messages;
import edm.console.live.Timeline;
import edm.console.ui.guided.PlanView;
import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.RunListener;
import edm.console.ui.guided.RunResult;
import edm.console.ui.guided.TagChoices;
import edm.console.workflow.DeployRun;
import edm.console.workflow.GatewaySwarm;
import edm.console.workflow.Release;
import edm.console.workflow.SwarmPlan;
import edm.console.workflow.SwarmWorkflow;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowException;
import edm.console.workflow.WorkflowProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The TUI's deploy (D), rollback (B) and restart (r) keys on a swarm service: a service row, or one of its
 * task containers ({@code edm_backend.1.<task>}), stands for the service. The same {@link SwarmWorkflow}
 * as the CLI (lock, journal, history, audit), in the stages of the guided dialog.
 */
final class SwarmActions {
    private final ConsoleConfig config;
    private final ContainerGateway gateway;
    private final Timeline timeline;
    private final Supplier<WorkflowContext> ctx;

    SwarmActions(ConsoleConfig config, ContainerGateway gateway, Timeline timeline, Supplier<WorkflowContext> ctx) {
        this.config = config;
        this.gateway = gateway;
        this.timeline = timeline;
        this.ctx = ctx;
    }

    private SwarmWorkflow workflow() {
        return new SwarmWorkflow(ctx.get(), new GatewaySwarm(gateway));
    }

    /** The swarm service a row stands for; empty for a container row or when the engine is no manager. */
    Optional<JsonNode> find(String rowName) {
        try {
            SwarmWorkflow wf = workflow();
            Optional<JsonNode> s = wf.find(rowName, config.project);
            int dot = rowName.indexOf('.');
            return s.isPresent() || dot <= 0 ? s : wf.find(rowName.substring(0, dot), config.project);
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    String name(JsonNode svc) {
        return SwarmWorkflow.serviceName(svc, config.project);
    }

    TagChoices tags(JsonNode svc, String rowName) {
        String image = svc.path("Spec").path("TaskTemplate").path("ContainerSpec").path("Image").asText("");
        int at = image.indexOf('@');
        image = at > 0 ? image.substring(0, at) : image;
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String repository = colon > slash ? image.substring(0, colon) : image;
        return DeployChoices.tags(ctx.get(), gateway.endpoint(), gateway.timeout(), name(svc), rowName, repository);
    }

    List<ReleaseChoice> releases(JsonNode svc, String rowName) {
        return DeployChoices.releases(ctx.get(), name(svc), rowName);
    }

    PlannedChange planDeploy(JsonNode svc, String tag) {
        return new Guided(workflow().prepareDeploy(name(svc), svc, tag, false, false));
    }

    PlannedChange planRollback(JsonNode svc, String releaseId) {
        String service = name(svc);
        Release to = ctx.get().history().goodReleases(service).stream().filter(r -> r.id().equals(releaseId)).findFirst()
                .orElseThrow(() -> new WorkflowException(Messages.t("workflow.rollback.nothing", service)));
        return new Guided(workflow().prepareRollback(service, svc, to.tag()));
    }

    /** The r key on a service or one of its tasks: a forced rolling update, with its outcome on the timeline; throws when it did not end well. */
    void restart(JsonNode svc) {
        SwarmWorkflow.Prepared p = workflow().prepareRestart(name(svc), svc);
        RunResult r = result(p.plan(), p.run(WorkflowProgress.NONE, () -> false));
        if (!r.ok()) {
            throw new WorkflowException(r.summary());
        }
    }

    /** The outcome as the dialog ends with it, on the timeline too. */
    private RunResult result(SwarmPlan p, DeployRun.Outcome o) {
        if (o.ok()) {
            String text = Messages.t("workflow.result.swarmOk", Messages.t("workflow.kind." + p.kind()), p.service(), p.tag());
            timeline.action(Instant.now(), p.service(), text, false);
            return new RunResult(RunResult.Outcome.OK, text, Messages.t("deploy".equals(p.kind()) ? "guided.next.deployed"
                    : "guided.next.rolledBackByChoice"));
        }
        String text = o.unknown() ? Messages.t("workflow.result.unknown", p.service(), o.failedStep(), o.message())
                : o.rolledBack() ? Messages.t("workflow.result.swarmRolledBack", p.service(), o.message(), o.restoredImage())
                : Messages.t("workflow.result.failed", p.service(), o.failedStep(), o.message());
        timeline.action(Instant.now(), p.service(), text, true);
        if (o.rolledBack()) {
            return new RunResult(RunResult.Outcome.ROLLED_BACK, text, Messages.t("guided.next.rolledBack", p.tag()));
        }
        return new RunResult(RunResult.Outcome.FAILED, text, Messages.t(o.unknown() ? "guided.next.recover" : "guided.next.nothingChanged"));
    }

    /** A prepared swarm plan as the guided dialog sees it. */
    private final class Guided implements PlannedChange {
        private final SwarmWorkflow.Prepared prepared;
        private final PlanView view;

        Guided(SwarmWorkflow.Prepared prepared) {
            this.prepared = prepared;
            SwarmPlan p = prepared.plan();
            List<String> notes = new ArrayList<>();
            notes.add(SwarmPlan.modeText(p).strip());
            notes.add(Messages.t("workflow.swarm.plan.policy", p.monitor().toSeconds()).strip());
            notes.add(p.healthcheck().isEmpty() ? Messages.t("workflow.swarm.plan.noHealth").strip()
                    : Messages.t("workflow.swarm.plan.health", p.healthcheck()).strip());
            this.view = new PlanView(p.kind(), p.service(), p.swarmName(), p.oldImage(), "", p.image(), p.imageId(), SwarmPlan.PATH, notes,
                    p.steps());
        }

        @Override
        public PlanView plan() {
            return view;
        }

        @Override
        public RunResult run(RunListener listener) {
            try (GuidedRun.Ticker ticker = new GuidedRun.Ticker(listener)) {
                return result(prepared.plan(), prepared.run(GuidedRun.progress(listener, () -> { }), () -> false));
            }
        }

        @Override
        public void abandon() {
            prepared.abandon();
        }
    }
}
