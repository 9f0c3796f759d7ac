package edm.console.ui;

import edm.console.core.UnattendedResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the start-up banner needs: the workflow a crash left unfinished (with resume and roll back, the
 * same recovery as {@code deploy --recover}), and what finished while the terminal was away. Reads touch
 * the journal and the engine: the UI calls them off its thread.
 */
public interface RecoveryControl {
    Optional<UnfinishedWorkflow> unfinished();

    List<UnattendedResult> unattended();

    /** The operator has seen the results: the banner goes. */
    void dismissUnattended();

    /** Finishes the unfinished workflow (breaking a lock left by a dead process, audited); the one-line result. */
    String resume(Consumer<String> progress);

    /** Undoes what the unfinished workflow changed; the one-line result. */
    String rollBack(Consumer<String> progress);

    RecoveryControl NONE = new RecoveryControl() {
        @Override
        public Optional<UnfinishedWorkflow> unfinished() {
            return Optional.empty();
        }

        @Override
        public List<UnattendedResult> unattended() {
            return List.of();
        }

        @Override
        public void dismissUnattended() {
        }

        @Override
        public String resume(Consumer<String> progress) {
            throw new IllegalStateException("recovery is not available here");
        }

        @Override
        public String rollBack(Consumer<String> progress) {
            throw new IllegalStateException("recovery is not available here");
        }
    };
}
