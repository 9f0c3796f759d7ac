package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Secrets;
import edm.console.docker.ContainerGateway;
import edm.console.i18n.Messages;
import edm.console.workflow.DeployPlan;
import edm.console.workflow.DeployRun;
import edm.console.workflow.PreflightCheck;
import edm.console.workflow.WorkflowAudit;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowException;
import edm.console.workflow.WorkflowLock;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.Workflows;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What deploy, rollback and restart share: config and engine, read-only refusal, typed confirmations,
 * live step progress, Ctrl-C as "cancel between steps and roll back", and SIGHUP ignored so that a dropped
 * SSH session lets the workflow finish (or roll back) instead of leaving the service down.
 * Exit codes: 0 ok, 2 config, 3 failed or refused, 4 failed and rolled back, 130 cancelled.
 */
final class WorkflowCli implements AutoCloseable {
    static final int OK = 0;
    static final int CONFIG = 2;
    static final int FAILED = 3;
    static final int ROLLED_BACK = 4;

    /** Pre-flight checks other parts of the console add (e.g. the pre-deploy checklist); empty by default. */
    static volatile List<PreflightCheck> extraPreflight = List.of();

    final PrintWriter out;
    final PrintWriter err;
    final ConsoleConfig config;
    final LoadedConfig loaded;
    final ContainerGateway gateway;
    final WorkflowContext ctx;
    private final CliContext cli;
    private final long t0 = System.nanoTime();

    private WorkflowCli(CliContext cli) {
        this.cli = cli;
        this.out = cli.out;
        this.err = cli.err;
        this.loaded = cli.loaded();
        this.config = cli.config();
        this.gateway = cli.gateway();
        this.ctx = Workflows.context(config, gateway, System.getenv(), extraPreflight);
    }

    /** Null after printing why (config unusable, read-only). */
    static WorkflowCli open(CommandSpec spec) {
        CliContext cli = CliContext.open(spec);
        return cli == null ? null : new WorkflowCli(cli);
    }

    static String readLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line.trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Asks the operator to type {@code word}; true when they did. */
    boolean confirm(String word) {
        out.print(Messages.t("workflow.confirm", word) + " ");
        out.flush();
        return word.equals(readLine());
    }

    void printPlan(DeployPlan p) {
        out.println(Messages.t("workflow.plan.title", p.kind(), p.service(), p.container()));
        out.println(Messages.t("workflow.plan.images", p.oldImage(), DeployPlan.shortId(p.oldImageId()), p.image(),
                DeployPlan.shortId(p.newImageId())));
        if (p.reuseId() != null) {
            out.println(Messages.t("workflow.plan.reuse", p.reuseName()));
        }
        if (p.skipBackup() && "deploy".equals(p.kind())) {
            out.println(Messages.t("workflow.plan.skipBackup"));
        }
        int i = 1;
        for (String s : p.steps()) {
            out.println("  " + i++ + ". " + Messages.t("workflow.step." + s));
        }
        out.flush();
    }

    WorkflowProgress progress() {
        return new WorkflowProgress() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                String name = step.startsWith("restart ") ? Messages.t("workflow.step.restart", step.substring(8))
                        : Messages.t("workflow.step." + step);
                String line = switch (phase) {
                    case BEGIN -> Messages.t("workflow.progress.begin", name, detail);
                    case END -> Messages.t("workflow.progress.end", name, elapsed.toMillis() / 1000.0);
                    case FAILED -> Messages.t("workflow.progress.failed", name, detail);
                    case SKIPPED -> Messages.t("workflow.progress.skipped", name);
                };
                out.printf("[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, line.strip());
                out.flush();
            }

            @Override
            public void output(String line) {
                out.println("          | " + Secrets.maskUrlPasswords(line));
                out.flush();
            }
        };
    }

    int report(DeployRun.Outcome o) {
        if (o.ok()) {
            out.println(Messages.t("workflow.result.ok", o.release().kind(), o.release().service(), o.release().tag()));
            out.flush();
            return OK;
        }
        err.println(Messages.t(o.rolledBack() ? "workflow.result.rolledBack" : "workflow.result.failed", o.release().service(),
                o.failedStep(), o.message()));
        o.output().forEach(l -> err.println("  " + Secrets.maskUrlPasswords(l)));
        err.flush();
        return o.rolledBack() ? ROLLED_BACK : FAILED;
    }

    /** A stale lock (its process is gone) is broken only when the operator types "break"; audited. */
    boolean offerBreak(WorkflowLock.HeldException e) {
        err.println(e.getMessage());
        err.flush();
        if (!e.holder().stale()) {
            return false;
        }
        if (!confirm("break")) {
            return false;
        }
        boolean broken = WorkflowLock.breakStale(ctx.lockFile(), e.holder());
        WorkflowAudit.write(ctx, "break-lock", ctx.lockFile().toString(), e.holder().user() + "@" + e.holder().host() + " pid "
                + e.holder().pid() + ": " + e.holder().what(), broken ? "ok" : "failed", null, Duration.ZERO);
        return broken;
    }

    /**
     * Runs a workflow with Ctrl-C as a cancel (between steps; changes are rolled back before the JVM exits)
     * and SIGHUP ignored.
     */
    int run(Function<BooleanSupplier, Integer> work) {
        // The flag is read by the workflow thread between steps: CtrlCStop keeps it in an AtomicBoolean.
        CtrlCStop ctrlC = new CtrlCStop("workflow-cancel", Duration.ofMinutes(10), () -> { });
        SignalGuard.ignoreHangup();
        try {
            return work.apply(ctrlC::requested);
        } catch (WorkflowException | edm.console.docker.EngineException e) {
            err.println(Messages.t("cli.error", Secrets.maskUrlPasswords(e.getMessage())));
            if (e instanceof WorkflowException we) {
                we.output().forEach(l -> err.println("  " + Secrets.maskUrlPasswords(l)));
            }
            return FAILED;
        } finally {
            out.flush();
            err.flush();
            ctrlC.finished();
        }
    }

    @Override
    public void close() {
        cli.close();
    }
}
