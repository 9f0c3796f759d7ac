package edm.console.ui;

import edm.console.backup.BackupKind;
import edm.console.backup.BackupStatus;
import edm.console.schedule.ScheduleSummary;
import edm.console.core.Alert;
import edm.console.core.HealthSnapshot;
import edm.console.core.TimelineEntry;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The Health, Alerts and Events part of the UI state (UI thread only). */
public final class AlertsState {
    public HealthSnapshot health = HealthSnapshot.empty();
    public int selected;
    public int eventsScroll;
    /** Follow the end of the timeline until the operator scrolls up. */
    public boolean eventsAtEnd = true;
    public final Set<TimelineEntry.Source> eventSources = EnumSet.allOf(TimelineEntry.Source.class);
    /** The Backups panel: status per kind (null until first read), a read error, the running action. */
    public Map<BackupKind, BackupStatus> backups;
    public String backupsError;
    public String backupRunning;
    /** The installed schedule of the backups and checks, null until read. */
    public ScheduleSummary schedule;

    /** The open prompt (acknowledge note or snooze duration), or null. */
    public Prompt prompt;

    public enum PromptKind { ACKNOWLEDGE, SNOOZE }

    public record Prompt(PromptKind kind, String alertKey, String alertText, LineEditor editor) {
    }

    public Alert selectedAlert() {
        if (health.alerts().isEmpty()) {
            return null;
        }
        selected = Math.max(0, Math.min(selected, health.alerts().size() - 1));
        return health.alerts().get(selected);
    }
}
