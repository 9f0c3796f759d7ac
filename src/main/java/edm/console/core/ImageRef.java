package edm.console.core;

import java.util.List;
import java.util.regex.Pattern;

/** An image reference split into repository and tag ({@code latest} when absent, empty for a bare id). */
public record ImageRef(String repository, String tag) {
    /** A full or short image id, as the engine reports for a container created by id (or whose tag moved on). */
    private static final Pattern ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");
    private static final String UNTAGGED = "<none>:<none>";

    public static ImageRef parse(String ref) {
        if (ref == null || ref.isEmpty()) {
            return new ImageRef("", "");
        }
        if (isId(ref)) {
            return new ImageRef(ref, "");
        }
        int at = ref.indexOf('@');
        String noDigest = at >= 0 ? ref.substring(0, at) : ref;
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        if (colon > slash) {
            return new ImageRef(noDigest.substring(0, colon), noDigest.substring(colon + 1));
        }
        return new ImageRef(noDigest, at >= 0 ? "" : "latest");
    }

    /** True for an image id ({@code sha256:…} or bare hex) rather than a name a person reads. */
    public static boolean isId(String ref) {
        return ref != null && (ref.startsWith("sha256:") || ID.matcher(ref).matches());
    }

    /**
     * What to show for a container's image: the reference it was created from ({@code edm-backend:v1.1});
     * when the engine only knows the id, one of the image's own tags (a named tag before {@code latest});
     * the id itself only when the image has no tag at all.
     *
     * @param configured the container's image as the engine reports it (Config.Image, or the list's Image)
     * @param repoTags   the image's tags now (only consulted when {@code configured} is an id)
     */
    public static String readable(String configured, List<String> repoTags) {
        if (!isId(configured) || repoTags == null) {
            return configured;
        }
        String latest = null;
        for (String t : repoTags) {
            if (t == null || t.isBlank() || UNTAGGED.equals(t)) {
                continue;
            }
            if (!"latest".equals(parse(t).tag())) {
                return t;
            }
            latest = latest == null ? t : latest;
        }
        return latest != null ? latest : configured;
    }

    @Override
    public String toString() {
        return tag.isEmpty() ? repository : repository + ":" + tag;
    }
}
