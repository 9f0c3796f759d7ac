package edm.console.ui;

import edm.console.ui.guided.PlanView;
import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.RunResult;
import edm.console.ui.guided.TagChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The guided deploy / rollback dialog (UI thread only): which stage it is at, what the operator chose,
 * the plan waiting for y, then the run's steps, health-gate attempts, the new container's log tail and
 * the result. Each dialog has a token: results of a cancelled one that arrive late are recognised and dropped.
 */
public final class GuidedState {
    /** Where the dialog is: loading and planning wait for a worker; running waits for the workflow. */
    public enum Stage { LOADING, PICK_TAG, PICK_RELEASE, PLANNING, GATE, CONFIRM, RUNNING, DONE, REFUSED }

    public enum StepStatus { PENDING, RUNNING, DONE, FAILED, SKIPPED }

    /** One step of the run as the step list shows it. */
    public static final class StepRow {
        public final String step;
        public StepStatus status = StepStatus.PENDING;
        public Instant began;
        public Duration elapsed;
        public String detail = "";

        StepRow(String step) {
            this.step = step;
        }
    }

    static final int LOG_LINES = 200;

    public final long token;
    /** deploy or rollback */
    public final String kind;
    public final String container;
    public Stage stage = Stage.LOADING;
    public String service = "";
    public String repository = "";
    public List<TagChoice> tags = List.of();
    public String tagsProblem = "";
    public List<ReleaseChoice> releases = List.of();
    /** The highlighted row among the shown tags or releases. */
    public int selected;
    public final LineEditor editor = new LineEditor("");
    public String tag;
    public String releaseId;
    /** Why the stage is GATE (the checklist) or REFUSED (pre-flight, the engine, nothing to roll back to). */
    public String reason = "";
    /** The checklist walk started from the gate is open: the dialog waits behind it. */
    public boolean walking;
    public PlannedChange planned;
    public PlanView plan;
    public final List<StepRow> steps = new ArrayList<>();
    public int attempts;
    public String attemptProblem = "";
    public final Deque<String> log = new ArrayDeque<>();
    public final Deque<String> output = new ArrayDeque<>();
    public RunResult result;
    /** Esc while it runs: the dialog is out of the way, the run goes on (D or B shows it again). */
    public boolean hidden;

    GuidedState(long token, String kind, String container) {
        this.token = token;
        this.kind = kind;
        this.container = container;
    }

    boolean deploy() {
        return "deploy".equals(kind);
    }

    /** The tags the picker shows: those containing what was typed (all when nothing was). */
    public List<TagChoice> shownTags() {
        String typed = editor.text().strip();
        if (typed.isEmpty()) {
            return tags;
        }
        return tags.stream().filter(t -> t.tag().contains(typed)).toList();
    }

    /** The row the step name is on, added at the end when the plan did not list it (the rollback after a failure). */
    StepRow row(String step) {
        for (StepRow r : steps) {
            if (r.step.equals(step)) {
                return r;
            }
        }
        StepRow r = new StepRow(step);
        steps.add(r);
        return r;
    }

    static void keep(Deque<String> lines, String line, int max) {
        lines.addLast(line);
        while (lines.size() > max) {
            lines.removeFirst();
        }
    }

    /** Waiting on the dialog's keys (not hidden, not behind the checklist walk). */
    public boolean showing() {
        return !hidden && !walking;
    }
}
