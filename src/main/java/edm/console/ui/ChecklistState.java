package edm.console.ui;

import edm.console.checklist.ChecklistRun;

/** The checklist view: the picker (no run yet) or a walk through one run, and its note/reason prompt. */
public final class ChecklistState {
    /** What the prompt line is asking for. */
    public enum PromptKind { NOTE, REASON }

    /** Index in the picker. */
    public int selected;
    /** The walk in progress, null while picking. */
    public ChecklistRun run;
    /** An automatic check is running on a worker thread. */
    public boolean checking;
    public PromptKind promptKind;
    public LineEditor editor;

    public boolean prompting() {
        return editor != null;
    }
}
