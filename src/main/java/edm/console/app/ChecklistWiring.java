package edm.console.app;

import edm.console.checklist.BackupEvidence;
import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.Checklists;
import edm.console.checklist.LogErrorEvidence;
import edm.console.checklist.Operator;
import edm.console.checklist.ReportWriter;
import edm.console.cli.RulesSecurityEvidence;
import edm.console.cli.SnapshotCollector;
import edm.console.config.LoadedConfig;
import edm.console.core.Clock;
import edm.console.ui.ChecklistControl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The TUI's checklists: loaded once, when the picker first shows them (built-ins plus checklists/ next to the config file); each
 * run collects the probes afresh on first use. Backups come from the backup catalogue, log errors from
 * the configured log files; {@link #withBackups} / {@link #withLogErrors} replace them.
 */
final class ChecklistWiring implements ChecklistControl {
    private final LoadedConfig loaded;
    /** Read on the first look at the picker: the checklist files are not part of the first frame. Guarded by this. */
    private List<Checklist> lists;
    private BackupEvidence backups;
    private LogErrorEvidence logErrors;

    ChecklistWiring(LoadedConfig loaded) {
        this.loaded = loaded;
        this.logErrors = new edm.console.cli.LogFileErrorCounts(loaded.config(), Clock.SYSTEM);
        this.backups = new edm.console.cli.CatalogueBackupEvidence(loaded.config());
    }

    ChecklistWiring withBackups(BackupEvidence b) {
        this.backups = b;
        return this;
    }

    ChecklistWiring withLogErrors(LogErrorEvidence l) {
        this.logErrors = l;
        return this;
    }

    @Override
    public synchronized List<Checklist> checklists() {
        if (lists == null) {
            lists = List.copyOf(Checklists.load(loaded.source()).loaded().checklists().values());
        }
        return lists;
    }

    @Override
    public ChecklistRun start(Checklist checklist) {
        var config = loaded.config();
        return new ChecklistRun(checklist,
                Checklists.checks(() -> SnapshotCollector.collect(config, Clock.SYSTEM).probes(), backups, logErrors,
                        new RulesSecurityEvidence(config), config, Clock.SYSTEM),
                Operator.fromEnvironment(System.getenv()), Clock.SYSTEM);
    }

    @Override
    public Path save(ChecklistRun run) throws IOException {
        return ReportWriter.save(run, Checklists.reportDirectory(loaded.config())).markdown();
    }
}
