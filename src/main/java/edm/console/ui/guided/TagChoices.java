package edm.console.ui.guided;

import java.util.List;

/**
 * What D offers for a container: its service, the image repository and that repository's local tags,
 * newest image first. {@code problem} says why the list is empty or incomplete (the engine could not
 * list its images); typing a tag still works then.
 */
public record TagChoices(String service, String repository, List<TagChoice> tags, String problem) {
    public TagChoices {
        tags = List.copyOf(tags);
        problem = problem == null ? "" : problem;
    }
}
