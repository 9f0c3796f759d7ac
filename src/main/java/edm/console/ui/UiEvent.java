package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import edm.console.backup.BackupKind;
import edm.console.backup.BackupStatus;
import edm.console.schedule.ScheduleSummary;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.ItemResult;
import edm.console.compose.DriftReport;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainersSnapshot;
import edm.console.swarm.SwarmView;
import edm.console.core.EngineSummary;
import edm.console.core.HealthSnapshot;
import edm.console.core.HostSnapshot;
import edm.console.core.UnattendedResult;
import edm.console.security.SecurityReport;
import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.RunListener;
import edm.console.ui.guided.RunResult;
import edm.console.ui.guided.TagChoices;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything that reaches the UI thread goes through its queue as one of these. */
public sealed interface UiEvent {
    record Key(KeyStroke key) implements UiEvent {
    }

    record Resized() implements UiEvent {
    }

    record Tick() implements UiEvent {
    }

    /** Start-up is far enough along to open the configured log files in the Logs panel. */
    record OpenDefaultLogs() implements UiEvent {
    }

    record Containers(ContainersSnapshot snapshot) implements UiEvent {
    }

    /** The swarm as read at the relist beat (services and tasks on a manager). */
    record Swarm(SwarmView view) implements UiEvent {
    }

    /** The compose drift of the latest container list. */
    record Drift(DriftReport report) implements UiEvent {
    }

    record Health(HealthSnapshot snapshot) implements UiEvent {
    }

    /** The backup catalogue was read (status null and error set when it could not be); the schedule with it (null: not read). */
    record Backups(Map<BackupKind, BackupStatus> status, String error, ScheduleSummary schedule)
            implements UiEvent {
        public Backups(Map<BackupKind, BackupStatus> status, String error) {
            this(status, error, null);
        }
    }

    /** Progress of the running backup action (null text: it finished). */
    record BackupProgress(String text) implements UiEvent {
    }

    /** A backup action of this kind ended (whatever its outcome); a checklist walk re-checks its backup item. */
    record BackupFinished(BackupKind kind) implements UiEvent {
    }

    /** A run of the security rules began (the panel says "checking..."). */
    record SecurityChecking() implements UiEvent {
    }

    /** A run of the security rules ended: its report, or (report null) why they could not run. */
    record Security(SecurityReport report, String error) implements UiEvent {
    }

    /** The hosts view's rows: one per engine, from its latest poll. */
    record Hosts(List<EngineSummary> rows) implements UiEvent {
        public Hosts {
            rows = List.copyOf(rows);
        }
    }

    /** The engine the operator chose is connected and wired: the panels are rebuilt on it (the UI thread). */
    record EngineReady(EngineUi engine) implements UiEvent {
    }

    /** The switch to this engine could not be made: why, in one line. */
    record SwitchFailed(String engine, String why) implements UiEvent {
    }

    record Host(HostSnapshot snapshot) implements UiEvent {
    }

    record DetailLoaded(String id, ContainerDetail detail, String error) implements UiEvent {
    }

    /** A background action finished: a message for the operator. */
    record ActionDone(String containerId, String message, boolean failed) implements UiEvent {
    }

    /** New log lines arrived in the open log session (throttled: at most about ten a second). */
    record LogsChanged() implements UiEvent {
    }

    /** An automatic checklist item was checked on a worker thread. */
    record ChecklistChecked(ChecklistRun run, ItemResult result) implements UiEvent {
    }

    /** Items of a walk were checked again (after the backup the walk started finished). */
    record ChecklistRechecked(ChecklistRun run, List<ItemResult> results)
            implements UiEvent {
    }

    /** The terminal went away (input closed, SIGHUP/SIGTERM, a write failed): wakes the loop. */
    record InputClosed() implements UiEvent {
    }

    /** Quit as soon as no started change runs (SIGTERM). */
    record QuitRequested() implements UiEvent {
    }

    /** The banner's data was (re-)read: an unfinished workflow (or null) and results from while the terminal was away. */
    record BannerLoaded(UnfinishedWorkflow unfinished, List<UnattendedResult> unattended)
            implements UiEvent {
    }

    /** The guided deploy / rollback dialog's events, each for the dialog with this token (a cancelled one's are dropped). */
    sealed interface Guided extends UiEvent {
        long token();
    }

    /** What to choose from arrived: the tags (deploy) or the releases (rollback), or why neither could be read. */
    record GuidedChoices(long token, TagChoices tags, List<ReleaseChoice> releases,
                         String error) implements Guided {
    }

    /** Planning ended: a plan to confirm, or the checklist's refusal (walk it), or another refusal. */
    record GuidedPlanned(long token, PlannedChange change, String checklistRefusal, String error)
            implements Guided {
    }

    record GuidedStep(long token, String step, RunListener.Phase phase, Duration elapsed,
                      String detail) implements Guided {
    }

    record GuidedAttempt(long token, int attempt, String problem) implements Guided {
    }

    /** A line of the new container's log (log = true) or of the workflow's output. */
    record GuidedLine(long token, boolean log, String line) implements Guided {
    }

    /** A second of the run went by: elapsed times move. */
    record GuidedTick(long token) implements Guided {
    }

    record GuidedFinished(long token, RunResult result) implements Guided {
    }
}
