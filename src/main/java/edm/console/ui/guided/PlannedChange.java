package edm.console.ui.guided;

/**
 * A checked plan holding the workflow lock: shown, then run or abandoned (exactly one of the two).
 * {@link #run} blocks (the UI calls it off its thread) and reports through the listener.
 */
public interface PlannedChange {
    PlanView plan();

    RunResult run(RunListener listener);

    /** Releases the lock; nothing was changed. */
    void abandon();
}
