package edm.console.ui;

import java.util.function.Consumer;

/**
 * Deploy and rollback as the UI may ask for them; the app wires them to the workflows (journaled,
 * locked, audited). Calls block (the UI runs them off its thread), report progress lines, return the
 * one-line result and throw a RuntimeException with a one-line message when refused or failed.
 */
public interface WorkflowControl {
    String deploy(String containerName, String tag, Consumer<String> progress);

    /** Back to the previous known-good release of the container's service. */
    String rollback(String containerName, Consumer<String> progress);

    WorkflowControl NONE = new WorkflowControl() {
        @Override
        public String deploy(String containerName, String tag, Consumer<String> progress) {
            throw new IllegalStateException("deploy is not available here");
        }

        @Override
        public String rollback(String containerName, Consumer<String> progress) {
            throw new IllegalStateException("rollback is not available here");
        }
    };
}
