package edm.console.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import edm.console.core.ImageRef;

/**
 * Turns an image id the engine reports for a container into the name a person reads: the image's tag
 * ({@link ImageRef#readable}). Containers the console creates record their reference themselves; this is
 * for those created by id (older console versions, {@code docker run sha256:…}) and for a tag that has
 * since moved to another image (then the image's other tags, or the id when it has none).
 */
public final class ImageNames {
    private ImageNames() {
    }

    /**
     * @param configured what the engine reports (Config.Image, or the list's Image)
     * @param imageId    the container's image id, to look the tags up by (null: use {@code configured})
     * @return a readable reference; {@code configured} unchanged when it is one already, or when the engine
     *         cannot say (a name is only for display: it never fails the caller)
     */
    public static String readable(DockerClient client, String configured, String imageId) {
        if (!ImageRef.isId(configured)) {
            return configured;
        }
        try {
            InspectImageResponse image = client.inspectImageCmd(imageId == null || imageId.isBlank() ? configured : imageId).exec();
            return ImageRef.readable(configured, image.getRepoTags());
        } catch (RuntimeException e) {
            return configured;
        }
    }
}
