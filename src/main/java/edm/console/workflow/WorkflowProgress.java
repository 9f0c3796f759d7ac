package edm.console.workflow;

import java.time.Duration;

/** Live progress of a workflow: each step as it begins and ends (with its elapsed time), and output lines. */
public interface WorkflowProgress {
    enum Phase { BEGIN, END, FAILED, SKIPPED }

    void step(String step, Phase phase, Duration elapsed, String detail);

    void output(String line);

    /**
     * One poll of a health gate (the deploy's, or the old container's again after a roll back): its number
     * from 1, and why it is not healthy yet ("" when this poll found it healthy). For live step lists.
     */
    default void attempt(int attempt, String problem) {
    }

    WorkflowProgress NONE = new WorkflowProgress() {
        @Override
        public void step(String step, Phase phase, Duration elapsed, String detail) {
        }

        @Override
        public void output(String line) {
        }
    };
}
