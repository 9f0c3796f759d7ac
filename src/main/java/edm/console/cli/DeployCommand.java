package edm.console.cli;

import edm.console.i18n.Messages;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.Occupant;
import edm.console.workflow.Recovery;
import edm.console.workflow.SwarmRecovery;
import edm.console.workflow.WorkflowLock;
import edm.console.workflow.Workflows;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console deploy SERVICE TAG [--yes] [--skip-backup] [--allow-latest] [--build]} and
 * {@code edm-console deploy --recover [--resume|--roll-back]} for a deploy a crash left unfinished.
 */
@Command(name = "deploy", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class DeployCommand implements Callable<Integer>, ChangeCommand {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", descriptionKey = "arg.deploy.service")
    String service;
    @Parameters(index = "1", arity = "0..1", paramLabel = "TAG", descriptionKey = "arg.deploy.tag")
    String tag;
    @Option(names = {"--yes", "-y"}, descriptionKey = "opt.deploy.yes")
    boolean yes;
    @Option(names = "--skip-backup", descriptionKey = "opt.deploy.skipBackup")
    boolean skipBackup;
    @Option(names = "--allow-latest", descriptionKey = "opt.deploy.allowLatest")
    boolean allowLatest;
    @Option(names = "--build", descriptionKey = "opt.deploy.build")
    boolean build;
    @Option(names = "--recover", descriptionKey = "opt.deploy.recover")
    boolean recover;
    @Option(names = "--resume", descriptionKey = "opt.deploy.resume")
    boolean resume;
    @Option(names = "--roll-back", descriptionKey = "opt.deploy.rollBack")
    boolean rollBack;
    @Option(names = "--checklist-override", paramLabel = "REASON", descriptionKey = "opt.deploy.checklistOverride")
    String checklistOverride;

    @Override
    public Integer call() {
        if (!recover && (service == null || tag == null)) {
            spec.commandLine().getErr().println(Messages.t("workflow.deploy.usage"));
            return WorkflowCli.CONFIG;
        }
        try (WorkflowCli cli = WorkflowCli.open(spec)) {
            if (cli == null) {
                return WorkflowCli.CONFIG;
            }
            return cli.run(cancelled -> recover ? recover(cli) : deploy(cli, cancelled));
        }
    }

    private int deploy(WorkflowCli cli, java.util.function.BooleanSupplier cancelled) {
        // Before the checklist walk: a running workflow is waited for, a cut one recovered first.
        Integer refused = cli.refuseIfOccupied(true);
        if (refused != null) {
            return refused;
        }
        if (!PreDeployGate.pass(cli.config, cli.loaded.source(), cli.ctx, service, !yes && System.console() != null,
                checklistOverride, cli.out, cli.err)) {
            return WorkflowCli.FAILED;
        }
        Optional<SwarmCli.Service> swarm = SwarmCli.find(cli, service);
        if (swarm.isPresent()) {
            int code = swarm.get().deploy(tag, skipBackup, allowLatest, yes, cancelled);
            if (code == WorkflowCli.OK) {
                PreDeployGate.postDeploy(cli.config, cli.loaded.source(), !yes && System.console() != null, cli.out, cli.err);
            }
            return code;
        }
        DeployWorkflow wf = new DeployWorkflow(cli.ctx);
        DeployWorkflow.Target target = Workflows.target(cli.config, service);
        DeployWorkflow.Request req = new DeployWorkflow.Request(tag, build, skipBackup, allowLatest);
        DeployWorkflow.Prepared prepared;
        try {
            prepared = wf.prepareDeploy(target, req);
        } catch (WorkflowLock.HeldException e) {
            Integer code = cli.breakOrRefuse(e);
            if (code != null) {
                return code;
            }
            prepared = wf.prepareDeploy(target, req);
        }
        cli.printPlan(prepared.plan());
        if (!yes && !cli.confirm(service)) {
            prepared.abandon();
            cli.err.println(Messages.t("workflow.notConfirmed"));
            return WorkflowCli.FAILED;
        }
        int code = cli.report(prepared.run(cli.progress(), cancelled));
        if (code == WorkflowCli.OK) {
            // SPEC-006 上线后验证: the post-deploy checklist after the health gate, saved as a report.
            PreDeployGate.postDeploy(cli.config, cli.loaded.source(), !yes && System.console() != null,
                    cli.out, cli.err);
        }
        return code;
    }

    /**
     * A cut workflow: show where it stopped, take the operator's choice (resume or rollback), break the dead
     * process's lock (typed "break"), then do it. A workflow whose process still runs is refused like any
     * other command: it is not cut, it is busy.
     */
    private int recover(WorkflowCli cli) {
        Optional<Occupant> occupant = Occupant.find(cli.ctx.stateDir());
        if (occupant.isEmpty()) {
            cli.out.println(Messages.t("workflow.recover.none"));
            return WorkflowCli.OK;
        }
        switch (occupant.get().state()) {
            case RUNNING -> {
                cli.err.println(occupant.get().refusal());
                return WorkflowCli.BUSY;
            }
            case STALE_LOCK -> {
                // Nothing journaled: nothing is half-done, only the lock is in the way.
                cli.err.println(occupant.get().refusal());
                if (!cli.confirmBreak(occupant.get().holder().orElseThrow())) {
                    cli.err.println(Messages.t("workflow.notConfirmed"));
                    return WorkflowCli.FAILED;
                }
                cli.out.println(Messages.t("workflow.recover.lockBroken"));
                return WorkflowCli.OK;
            }
            case CUT -> {
                return recoverCut(cli, occupant.get());
            }
            default -> throw new IllegalStateException();
        }
    }

    private int recoverCut(WorkflowCli cli, Occupant occupant) {
        if (occupant.journal().map(SwarmRecovery::applies).orElse(false)) {
            // Swarm went on by itself after the cut: show what it did, then follow it or ask it to roll back.
            return SwarmCli.recover(cli, occupant, resume ? "resume" : rollBack ? "rollback" : null, yes);
        }
        Recovery recovery = new Recovery(cli.ctx);
        Optional<Recovery.Unfinished> u = recovery.find();
        if (u.isEmpty()) {
            cli.out.println(Messages.t("workflow.recover.none"));
            return WorkflowCli.OK;
        }
        RecoveryText.print(cli.out, u.get());
        String choice = resume ? "resume" : rollBack ? "rollback" : null;
        if (choice == null || !yes) {
            String typed = cli.ask(Messages.t("workflow.recover.ask"));
            if (choice != null && !choice.equals(typed) || !typed.equals("resume") && !typed.equals("rollback")) {
                cli.err.println(Messages.t("workflow.notConfirmed"));
                return WorkflowCli.FAILED;
            }
            choice = typed;
        }
        if (occupant.holder().isPresent()) {
            cli.out.println(Messages.t("workflow.recover.deadLock", Long.toString(occupant.holder().get().pid())));
            if (!cli.confirmBreak(occupant.holder().get())) {
                cli.err.println(Messages.t("workflow.notConfirmed"));
                return WorkflowCli.FAILED;
            }
        }
        DeployRun.Outcome o = "resume".equals(choice) ? recovery.resume(cli.progress()) : recovery.rollBack(cli.progress());
        return cli.report(o);
    }
}
