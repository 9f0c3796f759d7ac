package edm.console.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxSpecTest {
    @Test
    void containerNamesFollowProjectServiceEnvironment() {
        assertEquals(List.of("edm-postgres-sandbox", "edm-redis-sandbox", "edm-backend-sandbox", "edm-frontend-sandbox",
                "edm-nginx-sandbox"), SandboxSpec.containerNames());
        assertEquals("edm-sandbox_edm-network", SandboxSpec.NETWORK);
    }

    @Test
    void downOnlyConsidersSandboxServiceNames() {
        assertTrue(SandboxSpec.isSandboxContainerName("edm-backend-sandbox"));
        assertTrue(SandboxSpec.isSandboxContainerName("/edm-frontend-sandbox-old"));
        assertTrue(!SandboxSpec.isSandboxContainerName("edm-backend-prod"));
        assertTrue(!SandboxSpec.isSandboxContainerName("edm-backend-sandboxed"));
        assertTrue(!SandboxSpec.isSandboxContainerName("probe-live"));
    }

    @Test
    void hostPortsAreDistinctAndOutsideTheProductionRange() {
        var ports = SandboxSpec.SERVICES.stream().map(SandboxService::hostPort).toList();
        assertEquals(ports.size(), new HashSet<>(ports).size());
        assertTrue(ports.stream().allMatch(p -> p >= 18000 && p < 18100), ports.toString());
    }

    @Test
    void recipesCoverEveryVersionTheWorkflowsNeedIncludingTheBrokenOne() {
        var images = ImageRecipe.all().stream().map(ImageRecipe::image).toList();
        assertTrue(images.containsAll(List.of("edm-frontend:v1.0", "edm-frontend:v1.1", "edm-frontend:v1.2-broken",
                "edm-backend:v1.0", "edm-backend:v1.1", "edm-backend:v1.2-broken", "edm-nginx:v1.0",
                "edm-postgres:v1.0", "edm-redis:v1.0")), images.toString());
        SandboxSpec.SERVICES.forEach(s -> assertTrue(images.contains(s.image()), "up runs " + s.image()));
        assertEquals("1", ImageRecipe.app("backend", SandboxSpec.BROKEN_VERSION, true).buildArgs().get("BROKEN"));
        assertEquals("/api/health", ImageRecipe.app("backend", "v1.1", false).buildArgs().get("HEALTH_PATH"));
    }

    @Test
    void everyRecipeFileIsOnTheClasspath() throws Exception {
        for (ImageRecipe r : ImageRecipe.all()) {
            for (String f : r.files()) {
                assertTrue(!SandboxImages.resource(r.resources() + "/" + f).isBlank(), r.resources() + "/" + f);
            }
        }
    }
}
