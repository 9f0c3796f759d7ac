package edm.console.app;

import edm.console.core.Background;
import edm.console.core.Secrets;
import edm.console.i18n.Messages;
import edm.console.logs.ContainerLogApi;
import edm.console.ui.guided.PlanView;
import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.RunListener;
import edm.console.ui.guided.RunResult;
import edm.console.workflow.DeployPlan;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.WorkflowProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

/**
 * A prepared deploy or rollback as the guided dialog sees it: the plan as a {@link PlanView}, and its run
 * reporting every step, each health-gate attempt, the workflow's output and the new container's log,
 * with a tick a second while it runs so the dialog's elapsed times move.
 */
final class GuidedRun implements PlannedChange {
    private final DeployWorkflow.Prepared prepared;
    private final ContainerLogApi logs;
    private final Function<DeployRun.Outcome, RunResult> result;
    private final PlanView view;

    GuidedRun(DeployWorkflow.Prepared prepared, ContainerLogApi logs, Function<DeployRun.Outcome, RunResult> result) {
        this.prepared = prepared;
        this.logs = logs;
        this.result = result;
        this.view = view(prepared.plan());
    }

    /** The plan as the CLI prints it (old -> new image, the path, the notes, the steps). */
    static PlanView view(DeployPlan p) {
        List<String> notes = new ArrayList<>();
        if (p.reuseId() != null) {
            notes.add(Messages.t("workflow.plan.reuse", p.reuseName()).strip());
        }
        if (p.skipBackup() && "deploy".equals(p.kind())) {
            notes.add(Messages.t("workflow.plan.skipBackup").strip());
        }
        if (DeployPlan.REPLACE_NO_UPSTREAM.equals(p.path())) {
            notes.add(Messages.t("workflow.plan.path.replace-no-upstream").strip());
        }
        String path = p.blueGreen() ? DeployPlan.BLUE_GREEN : DeployPlan.REPLACE;
        return new PlanView(p.kind(), p.service(), p.container(), p.oldImage(), p.oldImageId(), p.image(), p.newImageId(),
                path, notes, p.steps());
    }

    @Override
    public PlanView plan() {
        return view;
    }

    @Override
    public void abandon() {
        prepared.abandon();
    }

    @Override
    public RunResult run(RunListener listener) {
        DeployPlan plan = prepared.plan();
        try (NewContainerLog log = new NewContainerLog(logs, listener::log, plan.reuseId());
             Ticker ticker = new Ticker(listener)) {
            if (plan.reuseId() != null) {
                log.look(plan.tempName());
            }
            DeployRun.Outcome o = prepared.run(progress(listener, () -> log.look(plan.tempName())), () -> false);
            return result.apply(o);
        }
    }

    static WorkflowProgress progress(RunListener l, Runnable afterStep) {
        return new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                l.step(step, RunListener.Phase.valueOf(phase.name()), elapsed, detail == null ? "" : Secrets.maskUrlPasswords(detail));
                if (phase == Phase.END) {
                    afterStep.run();
                }
            }

            @Override
            public void output(String line) {
                l.output(Secrets.maskUrlPasswords(line));
            }

            @Override
            public void gate(String container, int attempt, String seen) {
                l.attempt(attempt, Secrets.maskUrlPasswords(seen));
            }
        };
    }

    /** A tick a second on the shared timer while the run lasts (no thread of its own). */
    static final class Ticker implements AutoCloseable {
        private final RunListener listener;
        private volatile boolean running = true;
        private volatile ScheduledFuture<?> next;

        Ticker(RunListener listener) {
            this.listener = listener;
            schedule();
        }

        private void schedule() {
            next = Background.shared().onTimer(() -> {
                if (running) {
                    listener.tick(); // posts an event: microseconds, never blocks
                    schedule();
                }
            }, 1000);
        }

        @Override
        public void close() {
            running = false;
            ScheduledFuture<?> f = next;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
