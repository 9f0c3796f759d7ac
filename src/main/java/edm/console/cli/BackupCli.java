package edm.console.cli;

import edm.console.backup.BackupCancelledException;
import edm.console.backup.BackupEnvironment;
import edm.console.backup.BackupException;
import edm.console.backup.BackupProgress;
import edm.console.backup.BackupService;
import edm.console.backup.Cancellation;
import edm.console.config.ConsoleConfig;
import edm.console.core.Clock;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every backup command shares: config → {@link BackupService}, progress lines, Ctrl-C as a clean
 * cancel, and one-line errors with the exit codes of the CLI (0 ok, 1 warning, 2 config, 3 failed,
 * 130 cancelled).
 */
final class BackupCli implements AutoCloseable {
    static final int OK = 0;
    static final int WARNING = 1;
    static final int CONFIG = 2;
    static final int FAILED = 3;
    static final int CANCELLED = 130;

    final PrintWriter out;
    final PrintWriter err;
    final ConsoleConfig config;
    private final CliContext cli;

    private BackupCli(CliContext cli) {
        this.cli = cli;
        this.out = cli.out;
        this.err = cli.err;
        this.config = cli.config();
    }

    /** Null (after printing why) when the config cannot be used or the command is refused as read-only. */
    static BackupCli open(CommandSpec spec) {
        CliContext cli = CliContext.open(spec);
        return cli == null ? null : new BackupCli(cli);
    }

    BackupService service() {
        return new BackupService(BackupEnvironment.from(config, cli::gateway, Clock.SYSTEM));
    }

    /**
     * Progress: each step of the action as it begins (dump → write → verify), and within a step one line
     * at most every 2 s (rewritten in place on a terminal), bytes and elapsed time.
     */
    BackupProgress progress() {
        boolean tty = System.console() != null;
        return new BackupProgress() {
            private long last;
            private boolean midLine;

            @Override
            public void update(String step, long bytes, Duration elapsed) {
                long now = System.nanoTime();
                if (now - last < 2_000_000_000L && !tty) {
                    return;
                }
                last = now;
                Format f = Format.current();
                String line = Messages.t("backup.progress", step, f.bytes(bytes), f.duration(elapsed));
                if (tty) {
                    out.print("\r" + line + "\u001b[K");
                    midLine = true;
                } else {
                    out.println(line);
                }
                out.flush();
            }

            @Override
            public void step(Step step) {
                if (midLine) {
                    out.println();
                    midLine = false;
                }
                out.println(Messages.t("backup.stepLine", step.ordinal() + 1, Messages.t("backup.step." + step.name())));
                out.flush();
            }
        };
    }

    void endProgressLine() {
        if (System.console() != null) {
            out.println();
            out.flush();
        }
    }

    /**
     * Runs a cancellable operation. Ctrl-C (SIGINT → shutdown hook) cancels it and waits until it has
     * removed its half-written files, so that the JVM exits only after the cleanup.
     */
    int run(Function<Cancellation, Integer> work) {
        Cancellation cancel = new Cancellation();
        CtrlCStop ctrlC = new CtrlCStop("backup-cancel", Duration.ofSeconds(30), cancel::cancel);
        try {
            return work.apply(cancel);
        } catch (BackupCancelledException e) {
            endProgressLine();
            err.println(Messages.t("cli.error", e.getMessage()));
            return CANCELLED;
        } catch (BackupException e) {
            endProgressLine();
            err.println(Messages.t("cli.error", e.getMessage()));
            return FAILED;
        } catch (RuntimeException e) {
            endProgressLine();
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
            err.println(Messages.t("cli.error", edm.console.core.Secrets.maskUrlPasswords(m)));
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
