package edm.console.ui.guided;

/**
 * How a guided deploy or rollback ended: the one-line result and what to do next.
 *
 * @param outcome what happened to the service
 * @param next    the operator's next step ("verify: ...", "see the logs of ..."), already in their language
 */
public record RunResult(Outcome outcome, String summary, String next) {
    public enum Outcome { OK, ROLLED_BACK, FAILED }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
