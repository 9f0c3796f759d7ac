package edm.console.core;

/** An image reference split into repository and tag ({@code latest} when absent, empty for a bare id). */
public record ImageRef(String repository, String tag) {
    public static ImageRef parse(String ref) {
        if (ref == null || ref.isEmpty()) {
            return new ImageRef("", "");
        }
        if (ref.startsWith("sha256:")) {
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

    @Override
    public String toString() {
        return tag.isEmpty() ? repository : repository + ":" + tag;
    }
}
