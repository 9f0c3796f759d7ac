package edm.console.cli;

import edm.console.backup.BackupKeys;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupRecord;
import edm.console.backup.BackupService;
import edm.console.backup.Verification;
import edm.console.backup.VerificationText;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The backup commands that read backups back: verify, restore-drill, and the guarded restore --live. */
final class BackupCheckCommands {
    private BackupCheckCommands() {
    }

    @Command(name = "verify", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "ID", descriptionKey = "opt.backup.id")
        String id;
        @Option(names = "--key", paramLabel = "FILE", descriptionKey = "opt.backup.key")
        Path key;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (BackupCli cli = BackupCli.open(spec)) {
                if (cli == null) {
                    return BackupCli.CONFIG;
                }
                return cli.run(cancel -> {
                    BackupService service = cli.service();
                    BackupKeys.Identity identity = service.environment().identity(key);
                    java.util.List<BackupRecord> targets = id != null ? java.util.List.of(service.find(id, BackupKind.DATABASE))
                            : newestOfEachKind(service);
                    if (targets.isEmpty()) {
                        cli.out.println(Messages.t("backup.list.empty"));
                        return BackupCli.WARNING;
                    }
                    int code = BackupCli.OK;
                    for (BackupRecord r : targets) {
                        cli.out.println(Messages.t("backup.verify.start", r.id()));
                        Verification v = service.verify(r, identity, cli.progress(), cancel);
                        cli.endProgressLine();
                        if (!printVerification(cli, r, v)) {
                            code = BackupCli.FAILED;
                        }
                    }
                    return code;
                });
            }
        }

        private static java.util.List<BackupRecord> newestOfEachKind(BackupService service) {
            var c = service.catalogue();
            java.util.List<BackupRecord> out = new java.util.ArrayList<>();
            for (BackupKind k : BackupKind.values()) {
                c.good(k).stream().findFirst().ifPresent(out::add);
            }
            return out;
        }
    }

    /** Prints a verification record (what was checked, then passed or FAILED with the reason); true when it passed. */
    static boolean printVerification(BackupCli cli, BackupRecord r, Verification v) {
        v.details().forEach(d -> cli.out.println("  " + d));
        v.notes().forEach(n -> cli.out.println("  " + n));
        if (v.passed()) {
            cli.out.println(Messages.t("backup.verify.ok", r.id(), VerificationText.checked(v, Messages.current(), Format.current())));
            return true;
        }
        cli.out.flush();
        cli.err.println(Messages.t("backup.verify.failedOutcome", r.id(), v.reason()));
        return false;
    }

    @Command(name = "restore-drill", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class RestoreDrillCommand implements Callable<Integer>, ChangeCommand {
        @Parameters(arity = "0..1", paramLabel = "ID", descriptionKey = "opt.backup.id")
        String id;
        @Option(names = "--key", paramLabel = "FILE", descriptionKey = "opt.backup.key")
        Path key;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return drill(spec, id, key);
        }

        /** The drill of backup {@code id} (the newest database backup when null): the same from this command and the schedule. */
        static int drill(CommandSpec spec, String id, Path key) {
            try (BackupCli cli = BackupCli.open(spec)) {
                if (cli == null) {
                    return BackupCli.CONFIG;
                }
                return cli.run(cancel -> {
                    BackupService service = cli.service();
                    BackupRecord r = service.find(id, BackupKind.DATABASE);
                    cli.out.println(Messages.t("backup.drill.start", r.id()));
                    edm.console.backup.RestoreDrill.Result result = service.restoreDrill(r, service.environment().identity(key), cli.progress(), cancel);
                    cli.endProgressLine();
                    result.differences().forEach(d -> cli.out.println("  " + d));
                    if (result.error() != null) {
                        cli.err.println(Messages.t("backup.drill.failed", result.error()));
                        return BackupCli.FAILED;
                    }
                    cli.out.println(Messages.t(result.ok() ? "backup.drill.ok" : "backup.drill.mismatch", result.tables(),
                            result.scratchDatabase(), Format.current().duration(Duration.ofMillis(result.durationMillis()))));
                    if (result.cleanupError() != null) {
                        cli.err.println(Messages.t("backup.drill.notDropped", result.scratchDatabase(), result.cleanupError()));
                        return BackupCli.WARNING;
                    }
                    return result.ok() ? BackupCli.OK : BackupCli.WARNING;
                });
            }
        }
    }

    @Command(name = "restore", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Restore implements Callable<Integer>, ChangeCommand {
        @Parameters(arity = "1", paramLabel = "ID", descriptionKey = "opt.backup.id")
        String id;
        @Option(names = "--live", required = true, descriptionKey = "opt.backup.live")
        boolean live;
        @Option(names = "--confirm", paramLabel = "DATABASE", descriptionKey = "opt.backup.confirm")
        String confirm;
        @Option(names = "--key", paramLabel = "FILE", descriptionKey = "opt.backup.key")
        Path key;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (BackupCli cli = BackupCli.open(spec)) {
                if (cli == null) {
                    return BackupCli.CONFIG;
                }
                return cli.run(cancel -> {
                    BackupService service = cli.service();
                    BackupRecord r = service.find(id, BackupKind.DATABASE);
                    BackupKeys.Identity identity = service.environment().identity(key);
                    String db = service.liveDatabaseName();
                    String typed = confirm;
                    if (typed == null) {
                        typed = LineInput.shared().answer(cli.out, Messages.t("backup.restore.prompt", r.id(), db));
                    }
                    if (!db.equals(typed)) {
                        cli.err.println(Messages.t("backup.restore.notConfirmed", db));
                        return BackupCli.CONFIG;
                    }
                    BackupRecord safety = service.restoreLive(r, identity, typed, System.getenv(), cli.progress(), cancel);
                    cli.endProgressLine();
                    cli.out.println(Messages.t("backup.restore.done", r.id(), db, safety.id()));
                    return BackupCli.OK;
                });
            }
        }
    }
}
