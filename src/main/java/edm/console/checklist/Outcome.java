package edm.console.checklist;

/** What became of one item. */
public enum Outcome {
    /** Automatic check passed. */
    PASS,
    /** Automatic check passed with a warning (close to a limit). */
    WARN,
    /** Automatic check failed. */
    FAIL,
    /** The check could not tell (no probe, engine unreachable, no evidence source). Not a pass. */
    UNKNOWN,
    /** Manual item confirmed by the operator. */
    CONFIRMED,
    /** Skipped by the operator, with a reason. */
    SKIPPED,
    /** Not reached yet. */
    PENDING;

    /** Whether a required item with this outcome lets a gated action (a deploy) go ahead. */
    public boolean satisfies() {
        return this == PASS || this == WARN || this == CONFIRMED;
    }
}
