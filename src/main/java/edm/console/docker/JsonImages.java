package edm.console.docker;

import edm.console.core.ImageMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The engine's image inspect and history answers as {@link ImageMetadata}. */
final class JsonImages {
    private JsonImages() {
    }

    static ImageMetadata metadata(String ref, Object inspect, Object history) throws IOException {
        Map<?, ?> image = EngineJson.object(inspect);
        Map<?, ?> config = EngineJson.obj(image, "Config");
        List<ImageMetadata.Layer> layers = new ArrayList<>();
        if (history instanceof List<?> entries) {
            for (Object e : entries) {
                Map<?, ?> layer = EngineJson.object(e);
                layers.add(new ImageMetadata.Layer(orEmpty(EngineJson.str(layer, "Id")), orEmpty(EngineJson.str(layer, "CreatedBy"))));
            }
        } else {
            throw new IOException("unexpected JSON for the history of " + ref);
        }
        Map<String, String> labels = EngineJson.strings(config, "Labels");
        return new ImageMetadata(ref, orEmpty(EngineJson.str(image, "Id")), strings(config, "Env"),
                labels == null ? Map.of() : labels, strings(config, "Cmd"), strings(config, "Entrypoint"), layers);
    }

    private static List<String> strings(Map<?, ?> m, String key) {
        String[] a = EngineJson.stringArray(m, key);
        return a == null ? List.of() : Arrays.stream(a).map(JsonImages::orEmpty).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
