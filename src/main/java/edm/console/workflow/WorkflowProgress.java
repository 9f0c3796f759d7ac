package edm.console.workflow;

import java.time.Duration;

/** Live progress of a workflow: each step as it begins and ends (with its elapsed time), and output lines. */
public interface WorkflowProgress {
    enum Phase { BEGIN, END, FAILED, SKIPPED }

    void step(String step, Phase phase, Duration elapsed, String detail);

    void output(String line);

    /**
     * One poll of a health gate: which container, the attempt number (1, 2, ...) and what it saw
     * (empty when it passed). For a live step list; the default ignores it.
     */
    default void gate(String container, int attempt, String seen) {
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
