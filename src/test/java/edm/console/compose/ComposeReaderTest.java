package edm.console.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComposeReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsServicesImagesNamesNetworksAndPortsFromTheEnvFile() throws IOException {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  backend:
                    image: edm-backend:${BACKEND_TAG}
                    container_name: edm-backend-${ENV:-prod}
                    networks: [edm-network]
                    ports: ["127.0.0.1:${API_PORT:-8002}:8002"]
                  worker:
                    build: .
                    networks:
                      edm-network:
                        aliases: [w]
                networks:
                  edm-network: {}
                """);
        Path env = Files.writeString(dir.resolve(".env.production"), "BACKEND_TAG=v1.1\nCOMPOSE_PROJECT_NAME=EDM\n");
        ComposeModel m = ComposeReader.read(file, env, "", Map.of("API_PORT", "18002"));
        assertEquals("edm", m.project());
        ComposeModel.Service b = m.service("backend").orElseThrow();
        assertEquals(new ComposeModel.Service("backend", "edm-backend:${BACKEND_TAG}", "edm-backend:v1.1", 3, "edm-backend-prod",
                List.of("edm-network"), List.of("127.0.0.1:18002:8002")), b);
        ComposeModel.Service w = m.service("worker").orElseThrow();
        assertEquals("edm_worker", w.image());
        assertEquals(List.of("edm-network"), w.networks());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "''|/opt/edm|edm",
            "''|/srv/My Stack!|mystack",
            "given|/opt/edm|given",
    })
    void theProjectNameFollowsCompose(String configured, String projectDir, String expected) {
        assertEquals(expected, ComposeReader.projectName(Path.of(projectDir, "docker-compose.yml"), configured, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'image: edm-backend:${BACKEND_TAG:?set BACKEND_TAG to the release}'|"
                    + "FILE:3: services.backend.image: needs variable BACKEND_TAG (set BACKEND_TAG to the release); set BACKEND_TAG=... in the env file (compose.envFile)",
            "'image: edm-backend:$'|"
                    + "FILE:3: services.backend.image: invalid interpolation in 'edm-backend:$'; write $$ for a literal $ and ${NAME} or ${NAME:-default} for a variable",
    })
    void badValuesAreOneLineNamingFileLineAndKey(String imageLine, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  backend:\n    " + imageLine + "\n");
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeReader.read(file, dir.resolve(".env"), "", Map.of()));
        assertEquals(expected.replace("FILE", file.toString()), e.getMessage());
    }

    @Test
    void aFileWithoutServicesSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), "version: '3'\n");
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeReader.read(file, dir.resolve(".env"), "", Map.of()));
        assertEquals(file + ": no services: mapping; expected a compose file with services (set compose.file to the right file)",
                e.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  backend:\n    image: [unclosed\n");
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeReader.read(file, dir.resolve(".env"), "", Map.of()));
        assertEquals("compose file " + file + ":", e.getMessage().substring(0, ("compose file " + file + ":").length()));
    }
}
