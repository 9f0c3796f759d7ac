package edm.console.ui;

import com.googlecode.lanterna.input.KeyStroke;
import edm.console.compose.DriftReport;
import edm.console.core.ContainerDetail;
import edm.console.core.ContainersSnapshot;
import edm.console.core.HostSnapshot;

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

    /** The compose drift of the latest container list. */
    record Drift(DriftReport report) implements UiEvent {
    }

    record Health(edm.console.core.HealthSnapshot snapshot) implements UiEvent {
    }

    /** The backup catalogue was read (status null and error set when it could not be). */
    record Backups(java.util.Map<edm.console.backup.BackupKind, edm.console.backup.BackupStatus> status, String error)
            implements UiEvent {
    }

    /** Progress of the running backup action (null text: it finished). */
    record BackupProgress(String text) implements UiEvent {
    }

    /** A backup action of this kind ended (whatever its outcome); a checklist walk re-checks its backup item. */
    record BackupFinished(edm.console.backup.BackupKind kind) implements UiEvent {
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
    record ChecklistChecked(edm.console.checklist.ChecklistRun run, edm.console.checklist.ItemResult result) implements UiEvent {
    }

    /** Items of a walk were checked again (after the backup the walk started finished). */
    record ChecklistRechecked(edm.console.checklist.ChecklistRun run, java.util.List<edm.console.checklist.ItemResult> results)
            implements UiEvent {
    }

    /** The terminal went away (input closed, SIGHUP/SIGTERM, a write failed): wakes the loop. */
    record InputClosed() implements UiEvent {
    }

    /** Quit as soon as no started change runs (SIGTERM). */
    record QuitRequested() implements UiEvent {
    }

    /** The banner's data was (re-)read: an unfinished workflow (or null) and results from while the terminal was away. */
    record BannerLoaded(UnfinishedWorkflow unfinished, java.util.List<edm.console.core.UnattendedResult> unattended)
            implements UiEvent {
    }
}
