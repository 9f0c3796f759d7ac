package edm.console.cli;

import edm.console.i18n.Messages;
import edm.console.workflow.DeployPlan;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.Release;
import edm.console.workflow.WorkflowLock;
import edm.console.workflow.Workflows;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edm-console rollback SERVICE [TAG] [--yes] [--list]}: back to a known-good release from the
 * history. Without TAG: the newest good release older than the current one, after showing the list.
 */
@Command(name = "rollback", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class RollbackCommand implements Callable<Integer>, ChangeCommand {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "SERVICE", descriptionKey = "arg.deploy.service")
    String service;
    @Parameters(index = "1", arity = "0..1", paramLabel = "TAG", descriptionKey = "arg.rollback.tag")
    String tag;
    @Option(names = {"--yes", "-y"}, descriptionKey = "opt.deploy.yes")
    boolean yes;
    @Option(names = "--list", descriptionKey = "opt.rollback.list")
    boolean list;

    @Override
    public boolean changes() {
        return !list;
    }

    @Override
    public Integer call() {
        try (WorkflowCli cli = WorkflowCli.open(spec)) {
            if (cli == null) {
                return WorkflowCli.CONFIG;
            }
            return cli.run(cancelled -> {
                Integer refused = list ? null : cli.refuseIfOccupied(true);
                if (refused != null) {
                    return refused;
                }
                Optional<SwarmCli.Service> swarm = list ? Optional.empty() : SwarmCli.find(cli, service);
                if (swarm.isPresent()) {
                    return swarm.get().rollback(tag, yes, cancelled);
                }
                List<Release> good = cli.ctx.history().goodReleases(service);
                cli.out.println(Messages.t("workflow.rollback.list", service));
                for (int i = 0; i < good.size(); i++) {
                    Release r = good.get(i);
                    cli.out.println(Messages.t("workflow.rollback.item", i + 1, r.tag(), DeployPlan.shortId(r.imageId()), r.time(),
                            r.user(), i == 0 ? Messages.t("workflow.rollback.current") : ""));
                }
                if (list) {
                    return WorkflowCli.OK;
                }
                Optional<Release> to = pick(good, tag);
                if (to.isEmpty()) {
                    cli.err.println(Messages.t(tag == null ? "workflow.rollback.nothing" : "workflow.rollback.unknownTag", service, tag));
                    return WorkflowCli.FAILED;
                }
                DeployWorkflow wf = new DeployWorkflow(cli.ctx);
                DeployWorkflow.Target target = Workflows.target(cli.config, service);
                DeployWorkflow.Prepared prepared;
                try {
                    prepared = wf.prepareRollback(target, to.get());
                } catch (WorkflowLock.HeldException e) {
                    Integer code = cli.breakOrRefuse(e);
                    if (code != null) {
                        return code;
                    }
                    prepared = wf.prepareRollback(target, to.get());
                }
                cli.printPlan(prepared.plan());
                if (!yes && !cli.confirm(service)) {
                    prepared.abandon();
                    cli.err.println(Messages.t("workflow.notConfirmed"));
                    return WorkflowCli.FAILED;
                }
                return cli.report(prepared.run(cli.progress(), cancelled));
            });
        }
    }

    static Optional<Release> pick(List<Release> goodNewestFirst, String tag) {
        return edm.console.workflow.ReleaseHistory.rollbackTarget(goodNewestFirst, tag);
    }
}
