package edm.console.app;

import edm.console.docker.EngineException;
import edm.console.docker.LocalImages;
import edm.console.docker.DeployOps;
import edm.console.i18n.Messages;
import edm.console.ui.guided.ReleaseChoice;
import edm.console.ui.guided.TagChoice;
import edm.console.ui.guided.TagChoices;
import edm.console.workflow.Release;
import edm.console.workflow.ReleaseHistory;
import edm.console.workflow.WorkflowContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the guided dialog offers: for D the local tags of the service's image (newest image first),
 * marked from what runs and from the release history; for B the known-good releases, newest first.
 */
final class DeployChoices {
    private DeployChoices() {
    }

    static TagChoices tags(WorkflowContext ctx, String endpoint, Duration deadline, String service, String container,
                           String repository) {
        String running = runningImage(ctx, container).orElse(null);
        List<Release> history = ctx.history().all().stream().filter(r -> service.equals(r.service())).toList();
        List<Release> good = ctx.history().goodReleases(service);
        String previousGood = ReleaseHistory.rollbackTarget(good, null).map(Release::tag).orElse(null);
        List<LocalImages.Image> images;
        String problem = "";
        try {
            images = LocalImages.of(endpoint, repository, deadline);
        } catch (EngineException e) {
            images = List.of();
            problem = Messages.t("guided.tags.unlisted", repository, e.getMessage());
        }
        List<TagChoice> out = new ArrayList<>();
        for (LocalImages.Image image : images) {
            List<String> tags = new ArrayList<>(image.tags());
            tags.sort(Comparator.reverseOrder());
            for (String tag : tags) {
                out.add(new TagChoice(tag, image.id(), image.created(), image.id().equals(running), tag.equals(previousGood),
                        lastEndedBadly(history, tag)));
            }
        }
        return new TagChoices(service, repository, out, problem);
    }

    /** The newest deploy or rollback to this tag failed or was rolled back. */
    private static boolean lastEndedBadly(List<Release> history, String tag) {
        return history.stream().filter(r -> tag.equals(r.tag())).max(Comparator.comparing(Release::time))
                .map(r -> !r.good()).orElse(false);
    }

    static List<ReleaseChoice> releases(WorkflowContext ctx, String service, String container) {
        String running = runningImage(ctx, container).orElse(null);
        List<Release> good = ctx.history().goodReleases(service);
        List<ReleaseChoice> out = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            Release r = good.get(i);
            boolean current = running != null ? running.equals(r.imageId()) : i == 0;
            out.add(new ReleaseChoice(r.id(), r.kind(), r.tag(), r.imageId(), r.time(), r.user(), r.result(), current));
        }
        return out;
    }

    private static Optional<String> runningImage(WorkflowContext ctx, String container) {
        try {
            return ctx.engine().state(container).map(DeployOps.State::imageId);
        } catch (RuntimeException e) {
            return Optional.empty(); // the marks are a help; pre-flight asks the engine again
        }
    }
}
