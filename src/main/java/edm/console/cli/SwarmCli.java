package edm.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import edm.console.core.Secrets;
import edm.console.docker.EngineException;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import edm.console.workflow.DeployRun;
import edm.console.workflow.GatewaySwarm;
import edm.console.workflow.Occupant;
import edm.console.workflow.SwarmPlan;
import edm.console.workflow.SwarmRecovery;
import edm.console.workflow.SwarmReading;
import edm.console.workflow.SwarmWorkflow;
import edm.console.workflow.WorkflowLock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Deploy, rollback and restart of a swarm service from the CLI: the same refusals, confirmation, progress
 * and exit codes as for containers ({@link WorkflowCli}); an UNKNOWN end exits 6, like a cut workflow,
 * because that is what it leaves: a journal for {@code deploy --recover} to follow.
 */
final class SwarmCli {
    private final WorkflowCli cli;
    private final SwarmWorkflow wf;

    private SwarmCli(WorkflowCli cli) {
        this.cli = cli;
        this.wf = new SwarmWorkflow(cli.ctx, new GatewaySwarm(cli.gateway));
    }

    /**
     * The swarm service the operator means by SERVICE when the engine is a swarm manager that has one; empty
     * otherwise (a container service; an engine that does not answer is the container path's to report).
     */
    static Optional<SwarmCli.Service> find(WorkflowCli cli, String service) {
        try {
            SwarmCli s = new SwarmCli(cli);
            return s.wf.find(service, cli.config.project).map(svc -> new Service(s, SwarmWorkflow.serviceName(svc, cli.config.project), svc));
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    /** A found swarm service and the commands on it. */
    record Service(SwarmCli swarm, String name, JsonNode inspect) {
        int deploy(String tag, boolean skipBackup, boolean allowLatest, boolean yes, BooleanSupplier cancelled) {
            return swarm.run(() -> swarm.wf.prepareDeploy(name, inspect, tag, skipBackup, allowLatest), name, yes, cancelled);
        }

        int rollback(String tag, boolean yes, BooleanSupplier cancelled) {
            return swarm.run(() -> swarm.wf.prepareRollback(name, inspect, tag), name, yes, cancelled);
        }

        int restart(boolean yes, BooleanSupplier cancelled) {
            return swarm.run(() -> swarm.wf.prepareRestart(name, inspect), name, yes, cancelled);
        }
    }

    private int run(Supplier<SwarmWorkflow.Prepared> prepare, String service, boolean yes, BooleanSupplier cancelled) {
        SwarmWorkflow.Prepared prepared;
        try {
            prepared = prepare.get();
        } catch (WorkflowLock.HeldException e) {
            Integer code = cli.breakOrRefuse(e);
            if (code != null) {
                return code;
            }
            prepared = prepare.get();
        }
        printPlan(prepared.plan());
        if (!yes && !cli.confirm(service)) {
            prepared.abandon();
            cli.err.println(Messages.t("workflow.notConfirmed"));
            return WorkflowCli.FAILED;
        }
        return report(prepared.run(cli.progress(), cancelled), prepared.plan());
    }

    void printPlan(SwarmPlan p) {
        cli.out.println(Messages.t("workflow.swarm.plan.title", Messages.t("workflow.kind." + p.kind()), p.swarmName(), p.service(),
                p.replicas() < 0 ? "global" : Integer.toString(p.replicas())));
        cli.out.println(Messages.t("workflow.swarm.plan.images", p.oldImage(), p.image(), p.tag()));
        cli.out.println(SwarmPlan.modeText(p));
        cli.out.println(Messages.t("workflow.swarm.plan.policy", p.monitor().toSeconds()));
        cli.out.println(p.healthcheck().isEmpty() ? Messages.t("workflow.swarm.plan.noHealth")
                : Messages.t("workflow.swarm.plan.health", Secrets.maskUrlPasswords(p.healthcheck())));
        int i = 1;
        for (String s : p.steps()) {
            cli.out.println("  " + i++ + ". " + Messages.t("workflow.step." + s));
        }
        cli.out.flush();
    }

    int report(DeployRun.Outcome o, SwarmPlan p) {
        if (o.unknown()) {
            cli.err.println(Messages.t("workflow.result.unknown", p.service(), o.failedStep(), o.message()));
            cli.err.flush();
            return WorkflowCli.UNFINISHED;
        }
        if (o.rolledBackAsAsked()) {
            cli.out.println(Messages.t("workflow.recover.rolledBackOk", p.service(), o.restoredImage()));
            cli.out.flush();
            return WorkflowCli.OK;
        }
        if (o.ok()) {
            cli.out.println(Messages.t("workflow.result.swarmOk", Messages.t("workflow.kind." + p.kind()), p.service(), p.tag()));
            cli.out.flush();
            return WorkflowCli.OK;
        }
        if (o.rolledBack()) {
            cli.err.println(Messages.t("workflow.result.swarmRolledBack", p.service(), o.message(), o.restoredImage()));
        } else {
            cli.err.println(Messages.t("workflow.result.failed", p.service(), o.failedStep(), o.message()));
        }
        o.output().forEach(l -> cli.err.println("  " + Secrets.maskUrlPasswords(l)));
        cli.err.flush();
        return o.rolledBack() ? WorkflowCli.ROLLED_BACK : WorkflowCli.FAILED;
    }

    /** {@code deploy --recover} of a cut swarm run: what the journal says, what Swarm did since, and the operator's choice. */
    static int recover(WorkflowCli cli, Occupant occupant, String choice, boolean yes) {
        SwarmCli s = new SwarmCli(cli);
        SwarmRecovery recovery = new SwarmRecovery(cli.ctx, new GatewaySwarm(cli.gateway));
        Optional<SwarmRecovery.Unfinished> u = recovery.find();
        if (u.isEmpty()) {
            cli.out.println(Messages.t("workflow.recover.none"));
            return WorkflowCli.OK;
        }
        print(cli, u.get());
        if (choice == null || !yes) {
            String typed = cli.ask(Messages.t("workflow.swarm.recover.ask"));
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
        return s.report(o, u.get().plan());
    }

    static void print(WorkflowCli cli, SwarmRecovery.Unfinished u) {
        SwarmPlan p = u.plan();
        String phase = Messages.t("begin".equals(u.journal().last().phase()) ? "workflow.busy.phase.begin" : "workflow.busy.phase.end");
        cli.out.println(Messages.t("workflow.swarm.recover.found", Messages.t("workflow.kind." + p.kind()), p.swarmName(), p.oldImage(),
                p.image(), Messages.t("workflow.step." + u.journal().last().step()), phase,
                Format.current().dateTime(u.journal().last().time())));
        if (u.now().isEmpty()) {
            cli.out.println(Messages.t("workflow.swarm.recover.unknown", u.error()));
        } else if (!u.sent()) {
            cli.out.println(Messages.t("workflow.swarm.recover.notSent"));
        } else {
            SwarmReading st = u.now().get();
            String tasks = st.tasks().stream().filter(t -> "running".equals(t.desiredState()))
                    .map(t -> t.slot() + ":" + t.image() + " " + t.state()).collect(Collectors.joining(", "));
            cli.out.println(Messages.t("workflow.swarm.recover.now", st.updateState().isEmpty() ? "-" : st.updateState(),
                    st.message(), u.image(), tasks.isEmpty() ? "-" : tasks));
        }
        cli.out.flush();
    }
}
