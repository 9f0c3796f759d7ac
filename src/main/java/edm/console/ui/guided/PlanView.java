package edm.console.ui.guided;

import java.util.List;

/**
 * A planned deploy or rollback as the confirmation shows it, made from the workflow's plan by the app, so
 * that the UI draws whatever the plan offers without knowing the workflow's types.
 *
 * @param kind      deploy or rollback
 * @param path      how the traffic moves: "blue-green" (new container beside the old, then the proxy switches)
 *                  or "replace" (the old container stops, the new one takes its place)
 * @param notes     extra lines of the plan (a kept container reused, a skipped backup), already in the operator's language
 * @param steps     the steps in order, by their workflow names (shown through {@code workflow.step.NAME})
 */
public record PlanView(String kind, String service, String container, String oldImage, String oldImageId, String newImage,
                       String newImageId, String path, List<String> notes, List<String> steps) {
    public PlanView {
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
    }
}
