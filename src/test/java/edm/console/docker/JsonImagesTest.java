package edm.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import edm.console.core.ImageMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's image inspect and history answers (API 1.41 shapes) as the security rules read them. */
class JsonImagesTest {
    private static Object json(String text) throws IOException {
        return EngineJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void configAndLayersNewestFirst() throws IOException {
        ImageMetadata m = JsonImages.metadata("edm-backend:v1.1", json("""
                {"Id":"sha256:aa","Config":{"Env":["PATH=/bin","BAKED=x"],"Labels":{"edm.console.sandbox":"true"},
                 "Cmd":["/bin/sh","-c","serve"],"Entrypoint":null}}"""), json("""
                [{"Id":"sha256:bb","CreatedBy":"/bin/sh -c #(nop)  CMD serve"},
                 {"Id":"<missing>","CreatedBy":"/bin/sh -c echo hi > /app/x"}]"""));
        assertEquals("sha256:aa", m.id());
        assertEquals(List.of("PATH=/bin", "BAKED=x"), m.env());
        assertEquals(Map.of("edm.console.sandbox", "true"), m.labels());
        assertEquals(List.of("/bin/sh", "-c", "serve"), m.cmd());
        assertEquals(List.of(), m.entrypoint());
        assertEquals(List.of(new ImageMetadata.Layer("sha256:bb", "/bin/sh -c #(nop)  CMD serve"),
                new ImageMetadata.Layer("<missing>", "/bin/sh -c echo hi > /app/x")), m.history());
    }

    @Test
    void anImageWithoutConfigHasNothingToSearchButAHistoryThatIsNotAListIsAnError() throws IOException {
        ImageMetadata bare = JsonImages.metadata("x", json("{\"Id\":\"sha256:cc\"}"), json("[]"));
        assertEquals(List.of(), bare.env());
        assertEquals(Map.of(), bare.labels());
        assertThrows(IOException.class, () -> JsonImages.metadata("x", json("{}"), json("{\"message\":\"No such image\"}")));
    }
}
