package edm.console.core;

import java.util.List;
import java.util.Map;

/**
 * What an image carries besides its files, as {@code docker image inspect} and {@code docker history --no-trunc}
 * show it: its config's Env, Labels, Cmd and Entrypoint, and the command that made each layer. Values may hold
 * secrets baked in by a careless build: never shown, only searched (the security rules).
 *
 * @param history one entry per layer, newest first as the engine lists them
 */
public record ImageMetadata(String ref, String id, List<String> env, Map<String, String> labels, List<String> cmd,
                            List<String> entrypoint, List<Layer> history) {
    public ImageMetadata {
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
        cmd = List.copyOf(cmd);
        entrypoint = List.copyOf(entrypoint);
        history = List.copyOf(history);
    }

    /** One layer: its id ("&lt;missing&gt;" for layers built elsewhere or by BuildKit) and the command that made it. */
    public record Layer(String id, String createdBy) {
    }
}
