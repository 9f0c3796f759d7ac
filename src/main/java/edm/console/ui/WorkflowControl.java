package edm.console.ui;

import edm.console.ui.guided.PlannedChange;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.TagChoices;
import java.util.List;
import java.util.Optional;

/**
 * Deploy and rollback as the UI may ask for them, in the stages of the guided dialog: what to choose
 * from, whether the pre-deploy checklist lets a deploy go on, a checked plan (holding the workflow lock)
 * to confirm, then its run. The app wires them to the workflows (journaled, locked, audited), the same
 * ones the CLI runs. Calls block (the UI runs them off its thread) and throw a RuntimeException with a
 * one-line message when refused or failed.
 */
public interface WorkflowControl {
    /** The local tags of the container's service image, newest first, marked from the release history. */
    TagChoices tags(String containerName);

    /** Why the pre-deploy checklist holds a deploy back (walk it first), or empty when it lets it go on. */
    Optional<String> checklistRefusal(String containerName);

    PlannedChange planDeploy(String containerName, String tag);

    /** The service's known-good releases, newest first. */
    List<ReleaseChoice> releases(String containerName);

    /** A rollback to the release with this id (from {@link #releases}). */
    PlannedChange planRollback(String containerName, String releaseId);

    WorkflowControl NONE = new WorkflowControl() {
        @Override
        public TagChoices tags(String containerName) {
            throw new IllegalStateException("deploy is not available here");
        }

        @Override
        public Optional<String> checklistRefusal(String containerName) {
            return Optional.empty();
        }

        @Override
        public PlannedChange planDeploy(String containerName, String tag) {
            throw new IllegalStateException("deploy is not available here");
        }

        @Override
        public List<ReleaseChoice> releases(String containerName) {
            throw new IllegalStateException("rollback is not available here");
        }

        @Override
        public PlannedChange planRollback(String containerName, String releaseId) {
            throw new IllegalStateException("rollback is not available here");
        }
    };
}
