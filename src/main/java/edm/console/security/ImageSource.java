package edm.console.security;

import edm.console.core.ImageMetadata;

/** An image's config and layer history from the engine; the cli wires it to the container gateway, tests give canned ones. */
@FunctionalInterface
public interface ImageSource {
    /** The image's metadata; a RuntimeException with a one-line reason when the engine cannot say. */
    ImageMetadata read(String image);

    ImageSource NONE = image -> {
        throw new IllegalStateException("no engine");
    };
}
