package edm.console.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import edm.console.backup.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The release history ({@value #FILE} in the state dir), a JSON array replaced atomically on every record. */
public final class ReleaseHistory {
    public static final String FILE = "releases.json";
    /** The kind of a release found running when the console first deployed the service. */
    public static final String FOUND = "found";

    private final Path file;

    public ReleaseHistory(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public synchronized List<Release> all() {
        try {
            return WorkflowJson.MAPPER.readValue(Files.readString(file), new TypeReference<List<Release>>() { });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.history.io", file, e.getMessage()));
        }
    }

    public synchronized void record(Release r) {
        List<Release> all = new ArrayList<>(all());
        all.add(r);
        try {
            AtomicFile.write(file, WorkflowJson.pretty(all));
        } catch (IOException e) {
            throw new WorkflowException(WorkflowText.t("workflow.history.io", file, e.getMessage()));
        }
    }

    /**
     * The release a deploy replaces when the history does not know it as the current one (it ran before the console
     * did, or was changed outside it: docker-compose up, docker run by hand): kept as a good release of its own, just
     * before the deploy started, so that {@code rollback} returns to what really ran before.
     */
    public synchronized void recordFoundRunning(DeployPlan plan, Instant deployStarted) {
        if (plan.oldImageId() == null || !"deploy".equals(plan.kind())
                || current(plan.service()).map(r -> plan.oldImageId().equals(r.imageId())).orElse(false)) {
            return;
        }
        String image = plan.oldImage() == null ? plan.oldImageId() : plan.oldImage();
        int colon = image.lastIndexOf(':');
        String tag = colon > 0 && !image.startsWith("sha256:") && image.indexOf('/', colon) < 0 ? image.substring(colon + 1) : image;
        record(new Release("found-" + plan.oldId(), FOUND, plan.service(), tag, image, plan.oldImageId(), plan.container(),
                "-", deployStarted.minusMillis(1), Release.OK, 0, null, null));
    }

    /** Good releases of a service, newest first: the rollback picker's list. */
    public List<Release> goodReleases(String service) {
        return all().stream().filter(r -> r.service().equals(service) && r.good())
                .sorted(Comparator.comparing(Release::time).reversed()).toList();
    }

    /** The release that runs now: the newest good one. */
    public Optional<Release> current(String service) {
        return goodReleases(service).stream().findFirst();
    }

    /** TAG's newest good release, else the newest good release with another image than the current one. */
    public static Optional<Release> rollbackTarget(List<Release> goodNewestFirst, String tag) {
        if (tag != null) {
            return goodNewestFirst.stream().filter(r -> r.tag().equals(tag)).findFirst();
        }
        if (goodNewestFirst.isEmpty()) {
            return Optional.empty();
        }
        String current = goodNewestFirst.get(0).imageId();
        return goodNewestFirst.stream().filter(r -> r.imageId() != null && !r.imageId().equals(current)).findFirst();
    }
}
