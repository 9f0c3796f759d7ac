package edm.console.ui;

import java.time.Instant;
import java.util.List;

/**
 * A workflow the journal says is not finished, as the banner shows it: what, where it stopped, who holds
 * the lock. {@code holderAlive}: the process holding the lock still runs (a console finishing it after its
 * terminal went away, or another operator): then it is not offered for resume or roll back.
 *
 * @param containers how the old and the new container are now, one line each (as {@code deploy --recover} prints them)
 */
public record UnfinishedWorkflow(String workflow, String service, String image, String step, String phase, Instant at,
                                 String holder, boolean holderAlive, List<String> containers) {
    public UnfinishedWorkflow {
        containers = List.copyOf(containers);
    }
}
