package edm.console.cli;

import edm.console.i18n.Messages;
import edm.console.workflow.DeployRun;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.Recovery;
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
        Recovery recovery = new Recovery(cli.ctx);
        if (recovery.find().isPresent()) {
            cli.err.println(Messages.t("workflow.recover.pending"));
            return WorkflowCli.FAILED;
        }
        if (!PreDeployGate.pass(cli.config, cli.loaded.source(), cli.ctx, service, !yes && System.console() != null,
                checklistOverride, cli.out, cli.err)) {
            return WorkflowCli.FAILED;
        }
        DeployWorkflow wf = new DeployWorkflow(cli.ctx);
        DeployWorkflow.Target target = Workflows.target(cli.config, service);
        DeployWorkflow.Request req = new DeployWorkflow.Request(tag, build, skipBackup, allowLatest);
        DeployWorkflow.Prepared prepared;
        try {
            prepared = wf.prepareDeploy(target, req);
        } catch (WorkflowLock.HeldException e) {
            if (!cli.offerBreak(e)) {
                return WorkflowCli.FAILED;
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

    private int recover(WorkflowCli cli) {
        Recovery recovery = new Recovery(cli.ctx);
        Optional<Recovery.Unfinished> u = recovery.find();
        if (u.isEmpty()) {
            cli.out.println(Messages.t("workflow.recover.none"));
            return WorkflowCli.OK;
        }
        RecoveryText.print(cli.out, u.get());
        String choice = resume ? "resume" : rollBack ? "rollback" : null;
        if (choice == null || !yes) {
            cli.out.print(Messages.t("workflow.recover.ask") + " ");
            cli.out.flush();
            String typed = WorkflowCli.readLine();
            if (choice != null && !choice.equals(typed) || !typed.equals("resume") && !typed.equals("rollback")) {
                cli.err.println(Messages.t("workflow.notConfirmed"));
                return WorkflowCli.FAILED;
            }
            choice = typed;
        }
        Optional<WorkflowLock.Holder> holder = WorkflowLock.read(cli.ctx.lockFile());
        if (holder.isPresent()) {
            try (WorkflowLock probe = WorkflowLock.acquire(cli.ctx.lockFile(), cli.ctx.operator(), "probe")) {
                // not reached: the file exists
            } catch (WorkflowLock.HeldException e) {
                if (!cli.offerBreak(e)) {
                    return WorkflowCli.FAILED;
                }
            }
        }
        DeployRun.Outcome o = "resume".equals(choice) ? recovery.resume(cli.progress()) : recovery.rollBack(cli.progress());
        return cli.report(o);
    }
}
