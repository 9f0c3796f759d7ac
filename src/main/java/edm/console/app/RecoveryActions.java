package edm.console.app;

import edm.console.cli.RecoveryText;
import edm.console.config.ConsoleConfig;
import edm.console.core.UnattendedResult;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Messages;
import edm.console.live.Timeline;
import edm.console.ui.RecoveryControl;
import edm.console.ui.UnfinishedWorkflow;
import edm.console.workflow.DeployRun;
import edm.console.workflow.Journal;
import edm.console.workflow.GatewaySwarm;
import edm.console.workflow.Recovery;
import edm.console.workflow.SwarmRecovery;
import edm.console.workflow.SwarmReading;
import edm.console.workflow.UnattendedResults;
import edm.console.workflow.WorkflowAudit;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowException;
import edm.console.workflow.WorkflowLock;
import edm.console.workflow.Workflows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The banner's side in the app: the journal's unfinished workflow with the lock's holder and both
 * containers (as {@code deploy --recover} shows them), resume and roll back through the same
 * {@link Recovery}, and the file of results a console finished while its terminal was away.
 */
final class RecoveryActions implements RecoveryControl {
    private final ConsoleConfig config;
    private final ContainerGateway gateway;
    private final Timeline timeline;

    RecoveryActions(ConsoleConfig config, ContainerGateway gateway, Timeline timeline) {
        this.config = config;
        this.gateway = gateway;
        this.timeline = timeline;
    }

    private WorkflowContext ctx() {
        return Workflows.context(config, gateway, System.getenv(), List.of());
    }

    private UnattendedResults results() {
        return new UnattendedResults(config.resolve(config.deploy.stateDir));
    }

    @Override
    public Optional<UnfinishedWorkflow> unfinished() {
        // Every few seconds: only the journal file is read while there is nothing unfinished.
        java.nio.file.Path stateDir = config.resolve(config.deploy.stateDir);
        Optional<Journal.Contents> journal = Journal.unfinished(stateDir);
        if (journal.isEmpty()) {
            // Killed between taking the lock and its first step: nothing changed, but D would fail on the lock.
            return WorkflowLock.read(stateDir.resolve("workflow.lock")).filter(WorkflowLock.Holder::stale)
                    .map(h -> UnfinishedWorkflow.lockOnly(h.what(), h.since(), h.user() + "@" + h.host() + ", pid " + h.pid()));
        }
        WorkflowContext ctx = ctx();
        Optional<WorkflowLock.Holder> holder = WorkflowLock.read(ctx.lockFile());
        if (holder.filter(RecoveryActions::ours).isPresent()) {
            return Optional.empty(); // this console's own deploy: its progress is in the flash line
        }
        String who = holder.map(h -> h.user() + "@" + h.host() + ", pid " + h.pid()).orElse("");
        boolean alive = holder.isPresent() && !holder.get().stale();
        Journal.Contents j = journal.get();
        if (SwarmRecovery.applies(j)) {
            return new SwarmRecovery(ctx, new GatewaySwarm(gateway)).find().map(x -> new UnfinishedWorkflow(j.workflow(), x.plan().service(),
                    x.plan().image(), j.last().step(), j.last().phase(), j.last().time(), who, alive, List.of(swarmNow(x)), true));
        }
        try {
            Optional<Recovery.Unfinished> u = new Recovery(ctx).find();
            if (u.isPresent()) {
                Recovery.Unfinished x = u.get();
                return Optional.of(new UnfinishedWorkflow(j.workflow(), x.plan().service(), x.plan().image(), x.lastStep(),
                        x.lastPhase(), j.last().time(), who, alive, List.of(
                        Messages.t("workflow.recover.old", RecoveryText.describe(x.oldContainer())).strip(),
                        Messages.t("workflow.recover.new", RecoveryText.describe(x.newContainer())).strip()), true));
            }
        } catch (RuntimeException e) {
            // The engine does not answer: the journal alone still says what was cut, and where.
            return Optional.of(new UnfinishedWorkflow(j.workflow(), j.data().getOrDefault("service", "?"),
                    j.data().getOrDefault("image", "?"), j.last().step(), j.last().phase(), j.last().time(), who, alive,
                    List.of(Messages.t("banner.containersUnknown", e.getMessage())), true));
        }
        return Optional.empty();
    }

    private static boolean ours(WorkflowLock.Holder h) {
        return h.pid() == ProcessHandle.current().pid() && !h.stale();
    }

    @Override
    public List<UnattendedResult> unattended() {
        return results().read();
    }

    @Override
    public void dismissUnattended() {
        results().clear();
    }

    @Override
    public String resume(Consumer<String> progress) {
        return recover(true, progress);
    }

    @Override
    public String rollBack(Consumer<String> progress) {
        return recover(false, progress);
    }

    private String recover(boolean resume, Consumer<String> progress) {
        WorkflowContext ctx = ctx();
        if (!resume && Journal.unfinished(ctx.stateDir()).isEmpty()) {
            Optional<WorkflowLock.Holder> dead = WorkflowLock.read(ctx.lockFile()).filter(WorkflowLock.Holder::stale);
            if (dead.isPresent()) {
                breakStaleLock(ctx);
                String text = Messages.t("banner.lockReleased", dead.get().what());
                timeline.action(Instant.now(), dead.get().what(), text, false);
                return text;
            }
        }
        Optional<Journal.Contents> cut = Journal.unfinished(ctx.stateDir());
        if (cut.isPresent() && SwarmRecovery.applies(cut.get())) {
            return recoverSwarm(ctx, resume, progress);
        }
        Recovery recovery = new Recovery(ctx);
        Recovery.Unfinished u = recovery.find().orElseThrow(() -> new WorkflowException(Messages.t("workflow.recover.none")));
        breakStaleLock(ctx);
        DeployRun.Outcome o = resume ? recovery.resume(WorkflowActions.progress(progress)) : recovery.rollBack(WorkflowActions.progress(progress));
        String service = u.plan().service();
        boolean done = resume ? o.ok() : o.rolledBack();
        String text = done
                ? resume ? Messages.t("workflow.result.ok", Messages.t("workflow.kind." + o.release().kind()), service, o.release().tag())
                        : Messages.t("banner.rolledBackTo", service, u.plan().oldImage())
                : Messages.t(o.rolledBack() ? "workflow.result.rolledBack" : "workflow.result.failed", service, o.failedStep(), o.message());
        timeline.action(Instant.now(), service, text, !done);
        if (!done) {
            throw new WorkflowException(text);
        }
        return text;
    }

    /** What Swarm did after the cut, in one line: it goes on with an update by itself. */
    private static String swarmNow(SwarmRecovery.Unfinished x) {
        if (x.now().isEmpty()) {
            return Messages.t("workflow.swarm.recover.unknown", x.error()).strip();
        }
        if (!x.sent()) {
            return Messages.t("workflow.swarm.recover.notSent").strip();
        }
        SwarmReading st = x.now().get();
        String tasks = st.tasks().stream().filter(t -> "running".equals(t.desiredState())).map(t -> t.slot() + ":" + t.image() + " " + t.state())
                .collect(Collectors.joining(", "));
        return Messages.t("workflow.swarm.recover.now", st.updateState().isEmpty() ? "-" : st.updateState(), st.message(), x.image(),
                tasks.isEmpty() ? "-" : tasks).strip();
    }

    private String recoverSwarm(WorkflowContext ctx, boolean resume, Consumer<String> progress) {
        SwarmRecovery recovery = new SwarmRecovery(ctx, new GatewaySwarm(gateway));
        SwarmRecovery.Unfinished u = recovery.find().orElseThrow(() -> new WorkflowException(Messages.t("workflow.recover.none")));
        breakStaleLock(ctx);
        DeployRun.Outcome o = resume ? recovery.resume(WorkflowActions.progress(progress)) : recovery.rollBack(WorkflowActions.progress(progress));
        String service = u.plan().service();
        boolean done = resume ? o.ok() : o.rolledBack();
        String text = o.unknown() ? Messages.t("workflow.result.unknown", service, o.failedStep(), o.message())
                : done ? resume ? Messages.t("workflow.result.swarmOk", Messages.t("workflow.kind." + u.plan().kind()), service, u.plan().tag())
                        : Messages.t("banner.rolledBackTo", service, u.plan().oldImage())
                : o.rolledBack() ? Messages.t("workflow.result.swarmRolledBack", service, o.message(), o.restoredImage())
                : Messages.t("workflow.result.failed", service, o.failedStep(), o.message());
        timeline.action(Instant.now(), service, text, !done);
        if (!done) {
            throw new WorkflowException(text);
        }
        return text;
    }

    /**
     * The console that held the lock is gone (the banner says so, the operator confirmed): the lock is
     * broken, audited as with {@code deploy --recover}. A live holder is left alone; taking the lock then fails
     * with its name.
     */
    private static void breakStaleLock(WorkflowContext ctx) {
        Optional<WorkflowLock.Holder> h = WorkflowLock.read(ctx.lockFile());
        if (h.isEmpty() || !h.get().stale()) {
            return;
        }
        WorkflowLock.Holder dead = h.get();
        boolean broken = WorkflowLock.breakStale(ctx.lockFile(), dead);
        WorkflowAudit.write(ctx, "break-lock", ctx.lockFile().toString(), dead.user() + "@" + dead.host() + " pid " + dead.pid()
                + ": " + dead.what(), broken ? "ok" : "failed", null, Duration.ZERO);
    }
}
