package edm.console.ui;

import java.time.Instant;
import java.util.List;

/**
 * A workflow the journal says is not finished, as the banner shows it: what, where it stopped, who holds
 * the lock. {@code holderAlive}: the process holding the lock still runs (a console finishing it after its
 * terminal went away, or another operator): then it is not offered for resume or roll back.
 *
 * @param containers how the old and the new container are now, one line each (as {@code deploy --recover} prints them)
 * @param journaled  false: only a lock is left (the console died before its first step); nothing changed, nothing to resume
 */
public record UnfinishedWorkflow(String workflow, String service, String image, String step, String phase, Instant at,
                                 String holder, boolean holderAlive, List<String> containers, boolean journaled) {
    public UnfinishedWorkflow {
        containers = List.copyOf(containers);
    }

    /** A lock whose console died before the workflow's first step (nothing changed). */
    public static UnfinishedWorkflow lockOnly(String what, Instant since, String holder) {
        return new UnfinishedWorkflow(what, "", "", "", "", since, holder, false, List.of(), false);
    }
}
