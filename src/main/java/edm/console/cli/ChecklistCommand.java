package edm.console.cli;

import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.Checklists;
import edm.console.checklist.ItemResult;
import edm.console.checklist.Operator;
import edm.console.checklist.ReportWriter;
import edm.console.config.ConsoleConfig;
import edm.console.config.LoadedConfig;
import edm.console.core.Clock;
import edm.console.i18n.Messages;
import edm.console.i18n.OutputCharset;
import edm.console.text.TerminalSafe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edm-console checklist list|run NAME|show REPORT}: SPEC-006's checklists in line mode. */
@Command(name = "checklist", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ChecklistCommand.ListCommand.class, ChecklistCommand.RunCommand.class, ChecklistCommand.ShowCommand.class})
public final class ChecklistCommand extends CommandGroup {
    /** Loads the config and the checklists; prints the problems and returns null when either is unusable. */
    static Setup setup(CommandSpec spec) {
        try (CliContext cli = CliContext.open(spec)) {
            if (cli == null) {
                return null;
            }
            LoadedConfig loaded = cli.loaded();
            Checklists.Loaded lists = Checklists.load(loaded.source());
            lists.loaded().problems().forEach(p -> cli.err.println(p.toString()));
            return new Setup(loaded.config(), lists, loaded);
        }
    }

    record Setup(ConsoleConfig config, Checklists.Loaded lists, LoadedConfig loaded) {
    }

    @Command(name = "list", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Setup s = setup(spec);
            if (s == null) {
                return CheckCommand.COULD_NOT_RUN;
            }
            boolean zh = Messages.current().chinese();
            for (Checklist c : s.lists().loaded().checklists().values()) {
                long auto = c.items().stream().filter(Checklist.Item::automatic).count();
                out.printf("%-12s %s — %s  %s%n", c.name(), c.title(zh), c.otherTitle(zh),
                        Messages.t("checklist.cli.counts", c.items().size(), auto));
            }
            out.flush();
            return s.lists().loaded().problems().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "run", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class RunCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "param.checklist")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Setup s = setup(spec);
            if (s == null) {
                return CheckCommand.COULD_NOT_RUN;
            }
            if (!s.lists().has(name)) {
                err.println(Messages.t("checklist.cli.noSuch", name, String.join(", ", s.lists().loaded().names())));
                err.flush();
                return 2;
            }
            ConsoleConfig config = s.config();
            ChecklistRun run = new ChecklistRun(s.lists().get(name),
                    Checklists.checks(() -> SnapshotCollector.collect(config, Clock.SYSTEM).probes(), new CatalogueBackupEvidence(config),
                            new LogFileErrorCounts(config, Clock.SYSTEM), new RulesSecurityEvidence(config), config, Clock.SYSTEM),
                    Operator.fromEnvironment(System.getenv()), Clock.SYSTEM);
            new ChecklistPrompter(LineInput.shared(), spec.commandLine().getOut()).walk(run);
            return finish(run, config, spec.commandLine().getOut(), err);
        }
    }

    /** A required item that is not satisfied, titled in the output language (the spec's Chinese title in zh-CN). */
    static String failingLine(ItemResult r) {
        return "  - " + TerminalSafe.clean(r.item().title(Messages.current().chinese())) + " — " + ChecklistPrompter.word(r.outcome());
    }

    /** Saves the report, prints where and what still fails; exit 0 when every required item is satisfied, else 1. */
    static int finish(ChecklistRun run, ConsoleConfig config, PrintWriter out, PrintWriter err) {
        try {
            ReportWriter.Saved saved = ReportWriter.save(run, Checklists.reportDirectory(config));
            out.println(Messages.t("checklist.cli.saved", saved.markdown(), saved.json()));
        } catch (IOException e) {
            err.println(Messages.t("checklist.cli.saveFailed", Checklists.reportDirectory(config), e.getMessage()));
            err.flush();
            return CheckCommand.COULD_NOT_RUN;
        }
        List<ItemResult> failing = run.requiredFailures();
        if (failing.isEmpty()) {
            out.println(Messages.t("checklist.report.ok"));
        } else {
            out.println(Messages.t("checklist.report.failing", failing.size()));
            failing.forEach(r -> out.println(failingLine(r)));
        }
        out.flush();
        return failing.isEmpty() ? 0 : 1;
    }

    @Command(name = "show", resourceBundle = "i18n.cli", mixinStandardHelpOptions = true)
    static final class ShowCommand implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "REPORT", descriptionKey = "param.report")
        String report;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (CliContext cli = CliContext.open(spec)) {
                return cli == null ? CheckCommand.COULD_NOT_RUN : show(cli.out, cli.err, cli.loaded());
            }
        }

        private int show(PrintWriter out, PrintWriter err, LoadedConfig loaded) throws IOException {
            if (report == null) {
                List<Path> all = Checklists.reports(loaded.config());
                if (all.isEmpty()) {
                    out.println(Messages.t("checklist.cli.noReports", Checklists.reportDirectory(loaded.config())));
                }
                all.forEach(p -> out.println(p.getFileName()));
                out.flush();
                return 0;
            }
            Optional<Path> found = Checklists.findReport(loaded.config(), report);
            if (found.isEmpty()) {
                err.println(Messages.t("checklist.cli.noReport", report, Checklists.reportDirectory(loaded.config())));
                err.flush();
                return 2;
            }
            Files.readAllLines(found.get(), StandardCharsets.UTF_8).forEach(l -> out.println(TerminalSafe.clean(l)));
            out.flush();
            return 0;
        }
    }
}
