package edm.console.ui;

import edm.console.security.SecurityReport;

/**
 * The Security panel's state, owned by the UI thread: the last report (null until the first run ends), why
 * the rules could not run (or null), whether a run is under way, and the selected finding with its detail.
 */
public final class SecurityState {
    public SecurityReport report;
    public String error;
    /** A run is under way: the panel says "checking..." beside the last report's time. */
    public boolean checking;
    /** The panel was opened: the rules have been asked to run (they run on open, not at start-up). */
    public boolean opened;
    public int selected;
    /** Enter on a finding: its full text (title, evidence, fix or accepted reason) shows below it. */
    public boolean expanded;
    public int scroll;

    public int findings() {
        return report == null ? 0 : report.findings().size();
    }

    /** Keeps the selection on a finding after a new report (which may have fewer). */
    void clampSelection() {
        selected = Math.max(0, Math.min(selected, findings() - 1));
    }
}
