package edm.console.workflow;

/** The kill tests' pause after a named step of a deploy or rollback. */
final class PauseHook {
    private PauseHook() {
    }

    /**
     * The test hook ({@link Workflows#PAUSE_ENV}): the run stops after {@code step} for good, so that a test can
     * kill -9 it at a known point; only a cancel (interrupt) ends the wait, as a cancelled workflow.
     */
    static void hold(String step, WorkflowProgress progress) {
        progress.output("test hook: paused after " + step);
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkflowException(WorkflowText.t("workflow.cancelled"));
            }
        }
    }
}
