package edm.console.docker;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The local images of one repository (what the deploy's tag picker offers), asked of the engine as
 * {@code GET /images/json?filters={"reference":["REPO"]}} through the lean engine client ({@link EngineHttp}):
 * a one-shot list needs no docker-java. Newest image first.
 */
public final class LocalImages {
    /** One image: its id, the tags it carries in this repository, when it was built. */
    public record Image(String id, List<String> tags, Instant created) {
        public Image {
            tags = List.copyOf(tags);
        }
    }

    private LocalImages() {
    }

    /**
     * @throws EngineException when the endpoint is one the lean client cannot serve (TLS), the engine cannot be
     *                         reached, answers with an error or not within {@code deadline}
     */
    public static List<Image> of(String endpoint, String repository, Duration deadline) {
        EngineHttp http = EngineHttp.forEndpoint(endpoint, System.getenv())
                .orElseThrow(() -> new EngineException("listing images is not available for " + endpoint, null));
        String filter = URLEncoder.encode("{\"reference\":[\"" + repository.replace("\"", "") + "\"]}", StandardCharsets.UTF_8);
        try {
            return parse(http.get("/images/json?filters=" + filter, deadline, EngineHttp.MAX_BYTES), repository);
        } catch (IOException e) {
            throw EngineException.of("list images of " + repository, e);
        }
    }

    static List<Image> parse(byte[] json, String repository) throws IOException {
        if (!(EngineJson.parse(json) instanceof List<?> all)) {
            throw new IOException("list images: not a list");
        }
        List<Image> out = new ArrayList<>();
        String prefix = repository + ":";
        for (Object o : all) {
            if (!(o instanceof Map<?, ?> m)) {
                continue;
            }
            List<String> tags = new ArrayList<>();
            if (m.get("RepoTags") instanceof List<?> rt) {
                for (Object t : rt) {
                    if (t instanceof String s && s.startsWith(prefix)) {
                        tags.add(s.substring(prefix.length()));
                    }
                }
            }
            if (tags.isEmpty()) {
                continue;
            }
            Instant created = m.get("Created") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
            out.add(new Image(String.valueOf(m.get("Id")), tags, created));
        }
        out.sort(Comparator.comparing(Image::created, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }
}
