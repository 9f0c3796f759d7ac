package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tag picker's list: the repository's tags only, newest image first; no socket, no list. */
class LocalImagesTest {
    @Test
    void keepsTheRepositorysTagsNewestImageFirst() throws Exception {
        String json = """
                [{"Id":"sha256:old","RepoTags":["edm-backend:v1.0"],"Created":1700000000},
                 {"Id":"sha256:new","RepoTags":["edm-backend:v1.2-broken","edm-backend-tools:v9","other:v1"],"Created":1700000900},
                 {"Id":"sha256:mid","RepoTags":["edm-backend:v1.1","edm-backend:stable"],"Created":1700000500},
                 {"Id":"sha256:none","RepoTags":["<none>:<none>"],"Created":1700009999}]
                """;
        List<LocalImages.Image> images = LocalImages.parse(json.getBytes(StandardCharsets.UTF_8), "edm-backend");
        assertEquals(List.of("sha256:new", "sha256:mid", "sha256:old"), images.stream().map(LocalImages.Image::id).toList());
        assertEquals(List.of("v1.2-broken"), images.get(0).tags(), "edm-backend-tools is another repository");
        assertEquals(List.of("v1.1", "stable"), images.get(1).tags());
        assertEquals(Instant.ofEpochSecond(1700000900), images.get(0).created());
    }

    @Test
    void anEndpointTheLeanClientCannotServeIsRefusedWithOneLine() {
        EngineException e = assertThrows(EngineException.class,
                () -> LocalImages.of("npipe:////./pipe/docker_engine", "edm-backend", Duration.ofSeconds(1)));
        assertEquals("listing images is not available for npipe:////./pipe/docker_engine", e.getMessage());
    }
}
