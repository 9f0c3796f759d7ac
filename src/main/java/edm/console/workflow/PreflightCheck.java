package edm.console.workflow;

import java.util.Optional;

/**
 * An extra pre-flight condition of a deploy (e.g. "a required pre-deploy checklist item passes"). A problem
 * refuses the deploy before anything changes, with the returned line as the reason.
 */
@FunctionalInterface
public interface PreflightCheck {
    Optional<String> problem(DeployPlan plan);
}
