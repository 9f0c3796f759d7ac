package edm.console.cli;

import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Secrets;
import edm.console.docker.ContainerGateway;
import edm.console.docker.EngineException;
import edm.console.i18n.Messages;
import edm.console.workflow.DeployPlan;
import edm.console.workflow.DeployRun;
import edm.console.workflow.Occupant;
import edm.console.workflow.PreflightCheck;
import edm.console.workflow.WorkflowAudit;
import edm.console.workflow.WorkflowContext;
import edm.console.workflow.WorkflowException;
import edm.console.workflow.WorkflowLock;
import edm.console.workflow.WorkflowProgress;
import edm.console.workflow.Workflows;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What deploy, rollback and restart share: config and engine, read-only refusal, typed confirmations,
 * live step progress, Ctrl-C as "cancel between steps and roll back", and SIGHUP ignored so that a dropped
 * SSH session lets the workflow finish (or roll back) instead of leaving the service down.
 * Every prompt reads through the command's one {@link LineInput}, so answers can be piped in order.
 * Exit codes: 0 ok (for {@code deploy --recover}: the chosen resume or roll back succeeded, or nothing to
 * recover), 2 config or usage, 3 failed, refused or not confirmed, 4 failed and rolled back (the previous
 * version runs), 5 another workflow is running (wait and retry; nothing changed), 6 a cut workflow waits
 * for {@code deploy --recover}, 130 cancelled.
 */
final class WorkflowCli implements AutoCloseable {
    static final int OK = 0;
    static final int CONFIG = 2;
    static final int FAILED = 3;
    static final int ROLLED_BACK = 4;
    static final int BUSY = 5;
    static final int UNFINISHED = 6;

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

    /** One typed answer through the command's one reader ("" at the end of input). */
    String ask(String prompt) {
        return LineInput.shared().answer(out, prompt + " ");
    }

    /** Asks the operator to type {@code word}; true when they did. */
    boolean confirm(String word) {
        return word.equals(ask(Messages.t("workflow.confirm", word)));
    }

    /**
     * Refuses up front (before any checklist or prompt) while another workflow runs, or, when
     * {@code unfinishedBlocks}, while a cut one waits for recovery; null when the command may go on (a stale
     * lock alone is offered to break when the lock is taken).
     */
    Integer refuseIfOccupied(boolean unfinishedBlocks) {
        Optional<Occupant> o = Occupant.find(ctx.stateDir());
        if (o.isEmpty()) {
            return null;
        }
        Occupant.State state = o.get().state();
        if (state == Occupant.State.RUNNING || state == Occupant.State.CUT && unfinishedBlocks) {
            err.println(o.get().refusal());
            err.flush();
            return refusedCode(state);
        }
        return null;
    }

    /** The lock was taken meanwhile: null when a stale lock was broken (go on), else the exit code of the refusal. */
    Integer breakOrRefuse(WorkflowLock.HeldException e) {
        if (offerBreak(e)) {
            return null;
        }
        return refusedCode(e.occupant().state());
    }

    static int refusedCode(Occupant.State state) {
        return switch (state) {
            case RUNNING -> BUSY;
            case CUT -> UNFINISHED;
            case STALE_LOCK -> FAILED;
        };
    }

    void printPlan(DeployPlan p) {
        out.println(Messages.t("workflow.plan.title", p.kind(), p.service(), p.container()));
        out.println(Messages.t("workflow.plan.images", p.oldImage(), DeployPlan.shortId(p.oldImageId()), p.image(),
                DeployPlan.shortId(p.newImageId())));
        out.println(Messages.t("workflow.plan.path." + p.path()));
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
        if (o.rolledBackAsAsked()) {
            out.println(Messages.t("workflow.recover.rolledBackOk", o.release().service(), o.restoredImage()));
            out.flush();
            return OK;
        }
        if (o.ok()) {
            out.println(Messages.t("workflow.result.ok", Messages.t("workflow.kind." + o.release().kind()), o.release().service(), o.release().tag()));
            out.flush();
            return OK;
        }
        err.println(Messages.t(o.rolledBack() ? "workflow.result.rolledBack" : "workflow.result.failed", o.release().service(),
                o.failedStep(), o.message(), o.restoredImage()));
        o.output().forEach(l -> err.println("  " + Secrets.maskUrlPasswords(l)));
        err.flush();
        return o.rolledBack() ? ROLLED_BACK : FAILED;
    }

    /** Prints the refusal; a stale lock (its process is gone) is then offered to break. */
    boolean offerBreak(WorkflowLock.HeldException e) {
        err.println(e.getMessage());
        err.flush();
        // A cut workflow's lock is broken by deploy --recover, after the operator has seen where it stopped.
        return e.occupant().state() == Occupant.State.STALE_LOCK && confirmBreak(e.holder());
    }

    /** A stale lock is broken only when the operator types "break"; audited. */
    boolean confirmBreak(WorkflowLock.Holder h) {
        if (!h.stale() || !confirm("break")) {
            return false;
        }
        boolean broken = WorkflowLock.breakStale(ctx.lockFile(), h);
        WorkflowAudit.write(ctx, "break-lock", ctx.lockFile().toString(), h.user() + "@" + h.host() + " pid "
                + h.pid() + ": " + h.what(), broken ? "ok" : "failed", null, Duration.ZERO);
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
            // Before the checklist gate, whose report would otherwise create a mistyped project dir.
            ctx.requireProjectDir();
            return work.apply(ctrlC::requested);
        } catch (WorkflowLock.HeldException e) {
            err.println(e.getMessage());
            return refusedCode(e.occupant().state());
        } catch (WorkflowException | EngineException e) {
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
