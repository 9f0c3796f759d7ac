package edm.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRefTest {
    static final String ID = "sha256:1bc49bce1d1b5c3d0fb1c0a8e3b2c4f8d4e2a3b1c6d7e8f9a0b1c2d3e4f5a6b7";

    @Test
    void idsAreRecognisedWithOrWithoutThePrefix() {
        assertTrue(ImageRef.isId(ID));
        assertTrue(ImageRef.isId("1bc49bce1d1b"));
        assertFalse(ImageRef.isId("edm-backend:v1.1"));
        assertFalse(ImageRef.isId("edm-backend"));
        assertFalse(ImageRef.isId("deadbeef"), "too short for an id: a name");
    }

    @Test
    void aReferenceIsShownAsItIs() {
        assertEquals("edm-backend:v1.1", ImageRef.readable("edm-backend:v1.1", List.of("edm-backend:v1.2")));
    }

    @Test
    void anIdIsShownAsTheImagesTagPreferringANamedTagOverLatest() {
        assertEquals("edm-backend:v1.1", ImageRef.readable(ID, List.of("edm-backend:v1.1")));
        assertEquals("edm-backend:v1.1", ImageRef.readable(ID, List.of("edm-backend:latest", "edm-backend:v1.1")));
        assertEquals("edm-backend:latest", ImageRef.readable(ID, List.of("<none>:<none>", "edm-backend:latest")));
    }

    @Test
    void anIdStaysAnIdWhenTheImageHasNoTag() {
        assertEquals(ID, ImageRef.readable(ID, List.of("<none>:<none>")));
        assertEquals(ID, ImageRef.readable(ID, List.of()));
        assertEquals(ID, ImageRef.readable(ID, null));
    }

    @Test
    void parseKeepsAnIdWhole() {
        assertEquals(new ImageRef(ID, ""), ImageRef.parse(ID));
        assertEquals(new ImageRef("registry:5000/edm/backend", "v1.1"), ImageRef.parse("registry:5000/edm/backend:v1.1"));
        assertEquals(new ImageRef("edm-backend", "latest"), ImageRef.parse("edm-backend"));
    }
}
