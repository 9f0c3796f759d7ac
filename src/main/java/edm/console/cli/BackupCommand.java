package edm.console.cli;

import edm.console.backup.BackupKeys;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupOutcome;
import edm.console.backup.BackupRecord;
import edm.console.backup.BackupService;
import edm.console.backup.BackupStatus;
import edm.console.backup.VerificationText;
import edm.console.i18n.Format;
import edm.console.i18n.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edm-console backup db|files|all|list|status|verify|prune|restore-drill|restore|keygen}. */
@Command(name = "backup", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {BackupCommand.Db.class, BackupCommand.Files.class, BackupCommand.All.class, BackupCommand.ListBackups.class,
                BackupCommand.Status.class, BackupCheckCommands.Verify.class, BackupCommand.Prune.class,
                BackupCheckCommands.RestoreDrillCommand.class, BackupCheckCommands.Restore.class, BackupCommand.Keygen.class})
public final class BackupCommand extends CommandGroup {
    /** Takes backups of the given kinds in order; stops at the first failure. */
    abstract static class Take implements Callable<Integer>, ChangeCommand {
        private final List<BackupKind> kinds;
        @Spec
        CommandSpec spec;

        Take(BackupKind... kinds) {
            this.kinds = List.of(kinds);
        }

        @Override
        public Integer call() {
            return take(spec, kinds);
        }
    }

    /**
     * Takes backups of the given kinds in order, each verified right after it is written (steps shown);
     * stops at the first failure. Exit 0 all verified, 1 written but not verified (no private key here)
     * or not encrypted, 3 failed or failed verification.
     */
    static int take(CommandSpec spec, List<BackupKind> kinds) {
        try (BackupCli cli = BackupCli.open(spec)) {
            if (cli == null) {
                return BackupCli.CONFIG;
            }
            return cli.run(cancel -> {
                BackupService service = cli.service();
                boolean unencrypted = service.environment().recipient() == null;
                if (unencrypted) {
                    cli.err.println(Messages.t("backup.warn.unencrypted"));
                }
                int code = unencrypted ? BackupCli.WARNING : BackupCli.OK;
                for (BackupKind kind : kinds) {
                    cli.out.println(Messages.t("backup.start", kind.word()));
                    BackupOutcome o = service.backup(kind, cli.progress(), cancel);
                    BackupRecord r = o.record();
                    cli.endProgressLine();
                    cli.out.println(Messages.t("backup.done", r.id(), Format.current().bytes(r.manifest().size()),
                            Format.current().duration(java.time.Duration.ofMillis(r.manifest().durationMillis())),
                            r.dir().resolve(r.manifest().fileName())));
                    r.manifest().notes().forEach(n -> cli.out.println("  " + n));
                    if (o.verification() == null) {
                        cli.err.println(Messages.t("backup.notVerified", r.id(), o.notVerified()));
                        code = Math.max(code, BackupCli.WARNING);
                    } else if (!BackupCheckCommands.printVerification(cli, r, o.verification())) {
                        return BackupCli.FAILED;
                    }
                }
                return code;
            });
        }
    }

    @Command(name = "db", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Db extends Take {
        Db() {
            super(BackupKind.DATABASE);
        }
    }

    @Command(name = "files", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Files extends Take {
        Files() {
            super(BackupKind.FILES);
        }
    }

    @Command(name = "all", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class All extends Take {
        All() {
            super(BackupKind.DATABASE, BackupKind.FILES);
        }
    }

    @Command(name = "list", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ListBackups implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (BackupCli cli = BackupCli.open(spec)) {
                if (cli == null) {
                    return BackupCli.CONFIG;
                }
                return cli.run(cancel -> {
                    var catalogue = cli.service().catalogue();
                    Format f = Format.current();
                    if (catalogue.all().isEmpty()) {
                        cli.out.println(Messages.t("backup.list.empty"));
                    }
                    for (BackupRecord r : catalogue.all()) {
                        var m = r.manifest();
                        cli.out.println(Messages.t("backup.list.row", r.id(), f.dateTime(m.created()), f.bytes(m.size()),
                                m.encrypted() ? Messages.t("backup.list.encrypted", BackupKeys.shortFingerprint(m.keyFingerprint()))
                                        : Messages.t("backup.list.plain"),
                                VerificationText.line(r.verification(), Messages.current(), f, Instant.now()),
                                r.good() ? "" : Messages.t("backup.list.damaged", r.problem())));
                    }
                    catalogue.leftovers().forEach(l -> cli.out.println(Messages.t("backup.list.leftover", l.file(), f.bytes(l.size()))));
                    return BackupCli.OK;
                });
            }
        }
    }

    @Command(name = "status", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (BackupCli cli = BackupCli.open(spec)) {
                if (cli == null) {
                    return BackupCli.CONFIG;
                }
                return cli.run(cancel -> {
                    Map<BackupKind, BackupStatus> all = cli.service().status();
                    boolean problems = false;
                    for (BackupStatus s : all.values()) {
                        cli.out.println(statusLine(s, Instant.now()));
                        // The findings the Backups panel and `check` show too (none yet is already said on the line).
                        problems |= s.newest() == null;
                        for (BackupStatus.Finding x : s.newest() == null ? List.<BackupStatus.Finding>of()
                                : s.findings(Messages.current(), Format.current())) {
                            cli.out.println(Messages.t("backup.status.finding", x.status(), x.text()));
                            problems = true;
                        }
                        if (s.lastFailure() != null) {
                            cli.out.println("  " + Messages.t("backup.status.lastFailure", Format.current().dateTime(s.lastFailure().time()),
                                    s.lastFailure().message()));
                        }
                    }
                    return problems ? BackupCli.WARNING : BackupCli.OK;
                });
            }
        }
    }

    static String statusLine(BackupStatus s, Instant now) {
        Format f = Format.current();
        if (s.newest() == null) {
            return Messages.t("backup.status.none", s.kind().word());
        }
        return Messages.t("backup.status.line", s.kind().word(), f.dateTime(s.newest().created()), f.ago(s.newest().created(), now),
                f.bytes(s.newestSize()), f.yesNo(s.encrypted()), VerificationText.line(s.verification(), Messages.current(), f, now),
                s.count(), f.bytes(s.bytesUsed()));
    }

    @Command(name = "prune", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Prune implements Callable<Integer>, ChangeCommand {
        @Option(names = "--dry-run", descriptionKey = "opt.backup.dryRun")
        boolean dryRun;
        @Spec
        CommandSpec spec;

        @Override
        public boolean changes() {
            return !dryRun;
        }

        @Override
        public Integer call() {
            return prune(spec, dryRun);
        }

        /** The retention policy applied (or shown, dry run): the same from this command and after a scheduled backup. */
        static int prune(CommandSpec spec, boolean dryRun) {
            try (BackupCli cli = BackupCli.open(spec)) {
                if (cli == null) {
                    return BackupCli.CONFIG;
                }
                return cli.run(cancel -> {
                    cli.service().prune(dryRun, cli.out::println);
                    return BackupCli.OK;
                });
            }
        }
    }

    @Command(name = "keygen", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "DIR", descriptionKey = "opt.backup.out")
        Path out = Path.of(".");
        @Option(names = "--name", paramLabel = "NAME", descriptionKey = "opt.backup.name")
        String name = "edm-backup";
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var w = spec.commandLine().getOut();
            try {
                Path[] files = BackupKeys.writePair(BackupKeys.generate(), out, name);
                w.println(Messages.t("backup.keygen.done", files[0].toAbsolutePath(), files[1].toAbsolutePath(),
                        BackupKeys.shortFingerprint(BackupKeys.readPublic(files[0]).fingerprint())));
                w.flush();
                return BackupCli.OK;
            } catch (edm.console.backup.BackupException e) {
                spec.commandLine().getErr().println(Messages.t("cli.error", e.getMessage()));
                spec.commandLine().getErr().flush();
                return BackupCli.FAILED;
            }
        }
    }
}
