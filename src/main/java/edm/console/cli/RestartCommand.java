package edm.console.cli;

import edm.console.i18n.Messages;
import edm.console.workflow.DeployWorkflow;
import edm.console.workflow.RestartWorkflow;
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

/** {@code edm-console restart SERVICE|--all [--yes]}: restarts with a health gate after each service, stack in dependency order. */
@Command(name = "restart", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
public final class RestartCommand implements Callable<Integer>, ChangeCommand {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", descriptionKey = "arg.deploy.service")
    String service;
    @Option(names = "--all", descriptionKey = "opt.restart.all")
    boolean all;
    @Option(names = {"--yes", "-y"}, descriptionKey = "opt.deploy.yes")
    boolean yes;

    @Override
    public Integer call() {
        if (all == (service != null)) {
            spec.commandLine().getErr().println(Messages.t("workflow.restart.usage"));
            return WorkflowCli.CONFIG;
        }
        try (WorkflowCli cli = WorkflowCli.open(spec)) {
            if (cli == null) {
                return WorkflowCli.CONFIG;
            }
            return cli.run(cancelled -> {
                // Refused before the confirmation prompt; a cut deploy does not block a restart (it journals nothing).
                Integer refused = cli.refuseIfOccupied(false);
                if (refused != null) {
                    return refused;
                }
                Optional<SwarmCli.Service> swarm = all ? Optional.empty() : SwarmCli.find(cli, service);
                if (swarm.isPresent()) {
                    return swarm.get().restart(yes, cancelled);
                }
                List<DeployWorkflow.Target> targets = all ? Workflows.stack(cli.config) : List.of(Workflows.target(cli.config, service));
                cli.out.println(Messages.t("workflow.restart.plan", String.join(" → ", targets.stream().map(DeployWorkflow.Target::service).toList())));
                if (!yes && !cli.confirm(all ? "all" : service)) {
                    cli.err.println(Messages.t("workflow.notConfirmed"));
                    return WorkflowCli.FAILED;
                }
                RestartWorkflow wf = new RestartWorkflow(cli.ctx);
                try {
                    wf.restart(targets, cli.progress(), cancelled);
                } catch (WorkflowLock.HeldException e) {
                    Integer code = cli.breakOrRefuse(e);
                    if (code != null) {
                        return code;
                    }
                    wf.restart(targets, cli.progress(), cancelled);
                }
                cli.out.println(Messages.t("workflow.restart.done"));
                return WorkflowCli.OK;
            });
        }
    }
}
